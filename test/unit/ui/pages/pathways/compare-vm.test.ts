import { describe, expect, it } from 'vitest';
import { simulateBlock, type CompiledModel } from '../../../../../src/core/scenario/kernel';
import { presetScenario } from '../../../../../src/core/scenario/presets';
import { summarize } from '../../../../../src/core/scenario/summary';
import type { RunOptions, SimulationResult } from '../../../../../workers/simulation-api';
import type { RunBlock } from '../../../../../src/core/scenario/kernel';
import {
  compareChartData,
  diffRows,
  headlineRows,
  itemFor,
  runComparison,
  scope2Mismatches,
  type CompareItem,
  type CompareRunner,
} from '../../../../../src/ui/pages/pathways/compare-vm';
import { buildCompareOption } from '../../../../../src/charts/pathways/compare';
import { handBaseline } from '../../../core/scenario/fixtures';

/** The pool's contract in one thread: the kernel with lever contributions and costs, then the summary. */
function inlineRunner(): CompareRunner & { calls: { seed: number; runs: number }[] } {
  const calls: { seed: number; runs: number }[] = [];
  return {
    calls,
    async run(model: CompiledModel, o: RunOptions): Promise<SimulationResult<RunBlock>> {
      if (o.signal?.aborted) throw new Error('cancelled');
      calls.push({ seed: o.seed, runs: o.runs });
      const block = simulateBlock(model, o.seed, 0, o.runs);
      o.onProgress?.({ phase: 'full', done: o.runs, total: o.runs, elapsedMs: 0 });
      const summary = summarize(model, block, o.seed);
      const timings = { simulateMs: 0, summarizeMs: 0, totalMs: 0 };
      return { phase: 'full', seed: o.seed, runs: o.runs, workers: 1, block, kept: null, summary, timings };
    },
  };
}

const saved = () => undefined;
const preset = (id: 'bau' | 'policy' | 'ambitious', label: string = id): CompareItem =>
  itemFor({ kind: 'preset', id }, { scope2: 'market', current: null, saved }, label)!;

describe('compare view model', () => {
  it('runs every scenario on the same seed and runs, and differences each against the first', async () => {
    const runner = inlineRunner();
    const progress: number[] = [];
    const r = await runComparison([preset('bau'), preset('policy'), preset('ambitious')], {
      baseline: handBaseline(),
      seed: 11,
      runs: 200,
      runner,
      onProgress: (done, total) => {
        expect(total).toBe(600);
        progress.push(done);
      },
    });
    expect(runner.calls).toEqual([
      { seed: 11, runs: 200 },
      { seed: 11, runs: 200 },
      { seed: 11, runs: 200 },
    ]);
    expect(progress).toEqual([200, 400, 600]);
    const rows = diffRows(r);
    expect(rows.map((d) => [d.label, d.against])).toEqual([
      ['policy', 'bau'],
      ['ambitious', 'bau'],
    ]);
    // Policy emits less than BAU in nearly every paired run; its Δ is negative throughout.
    expect(rows[0].diff.p_lower_cumulative).toBeGreaterThan(0.95);
    expect(rows[0].diff.delta_cumulative_tco2.p95).toBeLessThan(0);
    // The median difference is consistent with the two summaries' cumulative emissions.
    const [bau, policy] = r.entries.map((e) => e.summary.cumulative_tco2.mean);
    expect(rows[0].diff.delta_cumulative_tco2.mean).toBeCloseTo(policy - bau, -3);
    expect(rows[0].diff.delta_npv_cny).not.toBeNull();
    // Only emissions and costs are kept of the runs, as typed arrays.
    expect(Object.keys(r.entries[0].paths).sort()).toEqual(
      ['emitted', 'leverEvery', 'nYears', 'npvCost', 'runCount', 'runStart', 'years'].sort(),
    );
    expect(r.entries[0].paths.emitted).toBeInstanceOf(Float32Array);
  });

  it('the same scenario twice: Δ = 0 exactly and P(lower) = 0', async () => {
    const r = await runComparison([preset('policy', 'a'), preset('policy', 'b')], {
      baseline: handBaseline(),
      seed: 3,
      runs: 100,
      runner: inlineRunner(),
    });
    expect(r.diffs[0].delta_cumulative_tco2).toEqual({ p5: 0, p50: 0, p95: 0, mean: 0 });
    expect(r.diffs[0].p_lower_cumulative).toBe(0);
  });

  it('headline rows carry the probabilities with their errors, costs and each target', async () => {
    const r = await runComparison([preset('bau'), preset('policy')], {
      baseline: handBaseline(),
      seed: 5,
      runs: 100,
      runner: inlineRunner(),
    });
    const { rows, targetIds } = headlineRows(r.entries);
    expect(targetIds).toEqual(r.entries[0].summary.targets.map((t) => t.id));
    expect(targetIds).toContain('peak_2030');
    const s = r.entries[1].summary;
    expect(rows[1]).toMatchObject({
      label: 'policy',
      pPeak: s.peak_year.p_by_2030,
      pPeakSe: s.peak_year.p_by_2030_se,
      cumulative: s.cumulative_tco2,
      npv: s.costs?.npv_vs_bau_cny,
    });
    const peak = s.targets.find((t) => t.id === 'peak_2030')!;
    expect(rows[1].targets.peak_2030).toEqual(
      peak.p_met === null ? null : { p: peak.p_met, se: peak.p_met_se },
    );
    // The chart: one median and band per scenario, on the summaries' years.
    const data = compareChartData(r.entries, 'net');
    expect(data.years).toEqual(s.years);
    expect(data.series[1].p50).toEqual(s.net_tco2.p50);
    const option = buildCompareOption(data, { band: (l) => `${l} band`, unit: 't', formatNumber: String });
    const series = option.series as { id: string; data: number[] }[];
    expect(series.map((x) => x.id)).toEqual([
      'preset:bau-base',
      'preset:bau-band',
      'preset:bau-median',
      'preset:policy-base',
      'preset:policy-band',
      'preset:policy-median',
    ]);
    // The band is stacked on its lower edge: edge + width = P95.
    expect(series[4].data.map((w, i) => w + series[3].data[i])).toEqual(
      s.net_tco2.p95.map((v, i) => v - s.net_tco2.p5[i] + s.net_tco2.p5[i]),
    );
  });

  it('refuses fewer than two or more than four scenarios, and marks another Scope-2 method', async () => {
    const o = { baseline: handBaseline(), seed: 1, runs: 10, runner: inlineRunner() };
    await expect(runComparison([preset('bau')], o)).rejects.toThrow(/2–4/);
    await expect(
      runComparison(
        [1, 2, 3, 4, 5].map(() => preset('bau')),
        o,
      ),
    ).rejects.toThrow(/2–4/);
    const location = { ...presetScenario('policy'), accounting: { scope2: 'location' as const } };
    const mine = itemFor(
      { kind: 'saved', name: 'loc' },
      { scope2: 'market', current: null, saved: () => location },
      'loc',
    )!;
    expect(scope2Mismatches([preset('bau'), mine], 'market').map((i) => i.label)).toEqual(['loc']);
    expect(
      itemFor({ kind: 'saved', name: 'gone' }, { scope2: 'market', current: null, saved }, 'gone'),
    ).toBeNull();
    expect(itemFor({ kind: 'current' }, { scope2: 'market', current: null, saved }, 'now')).toBeNull();
    // A preset takes the page's Scope-2 method.
    const p = itemFor({ kind: 'preset', id: 'bau' }, { scope2: 'location', current: null, saved }, 'b')!;
    expect(p.scenario.accounting?.scope2).toBe('location');
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      runComparison([preset('bau'), preset('policy')], {
        baseline: handBaseline(),
        seed: 1,
        runs: 10,
        runner: inlineRunner(),
        signal: abort.signal,
      }),
    ).rejects.toThrow(/cancelled/);
  });
});
