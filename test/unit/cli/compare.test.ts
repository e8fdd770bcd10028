/**
 * `npm run cli -- compare` (the command-line contract of issue 10): two scenarios on the same random
 * draws and the paired difference a − b, with each scenario's headline figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/compare';
import { presetDocument } from '../../../src/core/scenario/presets';

const dir = mkdtempSync(join(tmpdir(), 'pcw-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    cwd: dir,
  };
  const file = `c-${Math.random().toString(36).slice(2)}.json`;
  const code = await command.run([...argv, '--summary', file], io);
  const json =
    code === 0 ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>) : null;
  return { code, stdout, stderr, json };
}

const quantiles = {
  p5: expect.any(Number),
  p50: expect.any(Number),
  p95: expect.any(Number),
  mean: expect.any(Number),
};
const probability = expect.any(Number);

describe('compare command', () => {
  it('policy against BAU on the sample park: every contract field, and policy emits less in nearly every run', async () => {
    const r = await cli([
      '--scenario',
      'policy',
      '--against',
      'bau',
      '--runs',
      '300',
      '--seed',
      '7',
      '--workers',
      '2',
    ]);
    expect(r.stderr).not.toMatch(/compare:/);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j).toMatchObject({
      scenario: 'policy',
      against: 'bau',
      dataset: 'sample',
      seed: 7,
      runs: 300,
      from_year: 2025,
      to_year: 2060,
      delta_cumulative_tco2: quantiles,
      p_lower_cumulative: probability,
      p_lower_cumulative_se: probability,
      delta_npv_cny: quantiles,
    });
    expect(j.p_lower_cumulative).toBeGreaterThan(0.95);
    const d = j.delta_cumulative_tco2 as { p95: number };
    expect(d.p95).toBeLessThan(0);
    for (const side of ['a', 'b'] as const) {
      const h = j[side] as Record<string, unknown>;
      expect(h).toMatchObject({
        p_peak_by_2030: probability,
        p_peak_by_2030_se: probability,
        p_net_zero_by_2060: probability,
        p_net_zero_by_2060_se: probability,
        cumulative_tco2: quantiles,
        npv_vs_bau_cny: quantiles,
      });
      const targets = h.targets as { id: string }[];
      expect(targets.map((t) => t.id)).toContain('peak_2030');
    }
    // The mean of the paired difference is the difference of the means.
    const a = (j.a as { cumulative_tco2: { mean: number } }).cumulative_tco2.mean;
    const b = (j.b as { cumulative_tco2: { mean: number } }).cumulative_tco2.mean;
    expect(Math.abs((j.delta_cumulative_tco2 as { mean: number }).mean - (a - b))).toBeLessThan(2);
    // BAU's cost against itself is nothing.
    expect((j.b as { npv_vs_bau_cny: object }).npv_vs_bau_cny).toEqual({ p5: 0, p50: 0, p95: 0, mean: 0 });
  }, 300_000);

  it('a scenario against itself (a file and its preset): Δ = 0 exactly and P(lower) = 0', async () => {
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(presetDocument('policy')));
    const r = await cli([
      '--scenario',
      'policy.json',
      '--against',
      'policy',
      '--park',
      'workshop',
      '--runs',
      '300',
      '--seed',
      '3',
    ]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      delta_cumulative_tco2: { p5: 0, p50: 0, p95: 0, mean: 0 },
      delta_npv_cny: { p5: 0, p50: 0, p95: 0, mean: 0 },
      p_lower_cumulative: 0,
      p_lower_cumulative_se: 0,
    });
  }, 300_000);

  it('refuses scenarios accounted with different Scope-2 methods, and a missing --against', async () => {
    const doc = { ...(presetDocument('bau') as object), accounting: { scope2: 'location' } };
    writeFileSync(join(dir, 'loc.json'), JSON.stringify(doc));
    const r = await cli([
      '--scenario',
      'policy',
      '--against',
      'loc.json',
      '--park',
      'workshop',
      '--runs',
      '10',
      '--seed',
      '1',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Scope 2 differently/);
    const m = await cli(['--scenario', 'policy', '--runs', '10', '--seed', '1']);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--against is required/);
  }, 120_000);
});
