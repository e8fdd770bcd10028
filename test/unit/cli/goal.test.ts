/**
 * `npm run cli -- goal` (the command-line contract of issue 10): {"lever", "value", "p_met", "p_met_se",
 * "reachable"} and the steps tried; out of reach, the range's end and P there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/goal';
import { presetDocument } from '../../../src/core/scenario/presets';

const dir = mkdtempSync(join(tmpdir(), 'pcw-goal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface GoalJson {
  lever: string;
  value: number;
  p_met: number;
  p_met_se: number;
  reachable: boolean;
  target: string;
  probability: number;
  runs: number;
  seed: number;
  steps: { value: number; p_met: number; p_met_se: number }[];
}

async function cli(argv: string[]) {
  let stderr = '';
  const io = { stdout: () => {}, stderr: (s: string) => void (stderr += s), cwd: dir };
  const file = `g-${Math.random().toString(36).slice(2)}.json`;
  const code = await command.run([...argv, '--out', file], io);
  const json = code === 0 ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoalJson) : null;
  return { code, stderr, json };
}

const small = ['--park', 'workshop', '--runs', '200', '--seed', '5', '--workers', '2'];

describe('goal command', () => {
  it('an unreachable target: reachable false, the value at the range end and P there', async () => {
    const doc = {
      ...(presetDocument('policy') as object),
      targets: { caps: [{ id: 'zero_2030', metric: 'emissions_cap', year: 2030, max: 0 }] },
    };
    writeFileSync(join(dir, 'zero.json'), JSON.stringify(doc));
    const r = await cli([
      '--scenario',
      'zero.json',
      '--target',
      'zero_2030',
      '--probability',
      '0.9',
      '--lever',
      'pv2030',
      ...small,
    ]);
    expect(r.stderr).not.toMatch(/goal:/);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j).toMatchObject({
      lever: 'pv2030',
      reachable: false,
      p_met: 0,
      p_met_se: 0,
      target: 'zero_2030',
      probability: 0.9,
      runs: 200,
      seed: 5,
    });
    // The range's end is tried first; nothing below it is tried when it misses.
    expect(j.steps).toEqual([{ value: j.value, p_met: 0, p_met_se: 0 }]);
    expect(j.value).toBeGreaterThan(0);
  }, 300_000);

  it('a reachable target: the value meets the probability and the step below it does not', async () => {
    const r = await cli([
      '--scenario',
      'policy',
      '--target',
      'peak_2030',
      '--probability',
      '0.6',
      '--lever',
      'greenPower',
      ...small,
    ]);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['lever', 'value', 'p_met', 'p_met_se', 'reachable']),
    );
    expect(j.reachable).toBe(true);
    expect(j.p_met).toBeGreaterThanOrEqual(0.6);
    expect(j.steps.find((s) => s.value === j.value)).toMatchObject({ p_met: j.p_met, p_met_se: j.p_met_se });
    const below = j.steps.filter((s) => s.value < j.value).sort((a, b) => b.value - a.value)[0];
    if (below) expect(below.p_met).toBeLessThan(0.6);
    else expect(j.value).toBe(Math.min(...j.steps.map((s) => s.value)));
  }, 300_000);

  it('refuses a year lever and a target the scenario does not have', async () => {
    const y = await cli([
      '--scenario',
      'policy',
      '--target',
      'peak_2030',
      '--probability',
      '0.9',
      '--lever',
      'ccusYear',
      ...small,
    ]);
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/is a year/);
    const t = await cli([
      '--scenario',
      'policy',
      '--target',
      'nope',
      '--probability',
      '0.9',
      '--lever',
      'greenPower',
      ...small,
    ]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/not a target of the scenario/);
  }, 300_000);
});
