/**
 * `simulate --lever KEY=VALUE` and `--growth-shift X` (the command-line contract): levers set exactly
 * as the Pathways sliders set them, growth shifted in every year, bad values named.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/simulate';
import type { SimulationSummary } from '../../../src/core/scenario/summary';

const dir = mkdtempSync(join(tmpdir(), 'pcw-levers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stderr: string; summary?: SimulationSummary }> {
  let stderr = '';
  const io = { stdout: () => {}, stderr: (s: string) => void (stderr += s), cwd: dir };
  const file = `s-${Math.random().toString(36).slice(2)}.json`;
  const code = await command.run([...argv, '--summary', file], io);
  const summary =
    code === 0 ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as SimulationSummary) : undefined;
  return { code, stderr, summary };
}

const base = [
  '--scenario',
  'policy',
  '--park',
  'workshop',
  '--runs',
  '300',
  '--seed',
  '11',
  '--workers',
  '1',
];
const last = (s: SimulationSummary) => s.net_tco2.p50[s.net_tco2.p50.length - 1];

describe('simulate --lever and --growth-shift', () => {
  it('applies levers by the page keys: more capture lowers 2060 net, and the lever set appears in the summary', async () => {
    const plain = await cli(base);
    const ccus = await cli([...base, '--lever', 'ccus=0.9', '--lever', 'ccusYear=2035']);
    expect(plain.code).toBe(0);
    expect(ccus.code).toBe(0);
    expect(plain.summary!.levers).not.toContain('ccus');
    expect(ccus.summary!.levers).toContain('ccus');
    expect(last(ccus.summary!)).toBeLessThan(last(plain.summary!));
    expect(ccus.summary!.lever_contribution_method).toBe('shapley_sampled_permutation');
  }, 120_000);

  it('names an unknown lever and an out-of-range value, and runs nothing', async () => {
    const r = await cli([...base, '--lever', 'warpDrive=1', '--lever', 'offsets=0.9']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--lever warpDrive=1');
    expect(r.stderr).toContain('unknown lever "warpDrive"');
    expect(r.stderr).toContain('--lever offsets=0.9');
    expect(r.stderr).toContain('outside the range');
  }, 60_000);

  it('shifts growth: faster growth raises 2060 gross emissions and never raises P(net ≤ 0 by 2060)', async () => {
    const slow = await cli([...base, '--growth-shift', '-0.01']);
    const fast = await cli([...base, '--growth-shift', '0.01']);
    expect(fast.code).toBe(0);
    const g = (s: SimulationSummary) => s.total_tco2.p50[s.total_tco2.p50.length - 1];
    expect(g(fast.summary!)).toBeGreaterThan(g(slow.summary!));
    expect(fast.summary!.neutrality.p_by_2060!).toBeLessThanOrEqual(slow.summary!.neutrality.p_by_2060!);
    const bad = await cli([...base, '--growth-shift', 'fast']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--growth-shift must be a number');
  }, 120_000);
});
