/**
 * The simulation engine in real Chromium: module workers, Comlink, transfer, determinism, progress and
 * progressive refinement. Failure, cancellation and supersession: simulation-control.browser.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile';
import { simulateBlock } from '../../src/core/scenario/kernel';
import { presetScenario } from '../../src/core/scenario/presets';
import { noSensitivity, summarize } from '../../src/core/scenario/summary';
import {
  createSimulationRunner,
  type SimulationProgress,
  type SimulationRunner,
} from '../../workers/simulation-runner';
import { sectorSumsAvailable } from '../../src/core/wasm/sector-sums';
import { ALL_LEVERS, handBaseline } from '../unit/core/scenario/fixtures';
import { blockDiff, fullBlock } from './block-diff';

const model = compileScenario(presetScenario('policy'), handBaseline());
const SEED = 20240601;
const RUNS = 2500;

const runners: SimulationRunner[] = [];
function runner(workers: number, options = {}): SimulationRunner {
  const r = createSimulationRunner({ workers, ...options });
  runners.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(runners.map((r) => r.terminate()));
});

describe('simulation runner', () => {
  it('gives bit-identical runs and summaries with 1, 2 and 4 workers, equal to the kernel on the main thread', async () => {
    const expected = fullBlock(model, SEED, RUNS);
    const expectedSummary = JSON.stringify(summarize(model, expected, SEED));
    for (const workers of [1, 2, 4]) {
      const r = runner(workers, { chunkTargetMs: 5 });
      expect(r.size).toBe(workers);
      const result = await r.run(model, { seed: SEED, runs: RUNS });
      expect(blockDiff(result.block, expected)).toEqual([]);
      expect(JSON.stringify(result.summary)).toBe(expectedSummary);
      expect(result).toMatchObject({ phase: 'full', seed: SEED, runs: RUNS, workers });
      // Every worker summed its sectors in WebAssembly; the main thread's expected block did too.
      expect((await r.workerStats()).map((s) => s.wasmSums)).toEqual(new Array(workers).fill(true));
      await r.terminate();
    }
  });

  it('sums sectors in WebAssembly in Chromium, with the same bits as the JS sums', () => {
    expect(sectorSumsAvailable()).toBe(true);
    const m = compileScenario(ALL_LEVERS, handBaseline());
    const options = { breakdownEvery: 2, leverEvery: 1 };
    const withWasm = simulateBlock(m, SEED, 3, 40, { ...options, wasm: true });
    const withJs = simulateBlock(m, SEED, 3, 40, { ...options, wasm: false });
    expect(blockDiff(withWasm, withJs)).toEqual([]);
  });

  it('sizes the pool by navigator.hardwareConcurrency unless told otherwise', async () => {
    const r = runner(undefined as unknown as number);
    expect(r.size).toBe(Math.min(16, navigator.hardwareConcurrency));
    await r.terminate();
  });

  it('transfers results: the sending side keeps a detached buffer, and chunk buffers are recycled', async () => {
    const r = runner(2, { chunkTargetMs: 2 });
    const { block } = await r.run(model, { seed: SEED, runs: 1200, summarize: false });
    expect(blockDiff(block, fullBlock(model, SEED, 1200))).toEqual([]);
    // Worker → main: each worker's last sent block is detached on its side; every chunk after a lane's
    // first is laid out in the buffer of the lane's previous chunk, handed back (unless a chunk grew past it).
    for (const stats of await r.workerStats()) {
      expect(stats.chunks).toBeGreaterThan(2);
      expect(stats.reusedSlabs).toBeGreaterThan(stats.chunks / 2);
      expect(stats.reusedSlabs).toBeLessThan(stats.chunks);
      expect(stats.lastSentBytes).toBe(0);
    }
    // Main → worker (and back): summarizing moves the block into a worker and hands it back.
    const gross = block.gross;
    const copy = gross.slice();
    const back = await r.summarize(model, block, SEED);
    expect(gross.byteLength).toBe(0);
    expect(blockDiff(back.block, { ...back.block, gross: copy })).toEqual([]);
    expect(back.summary.runs).toBe(1200);
  });

  it('reports progress per chunk, in order, up to the total', async () => {
    const r = runner(2, { chunkTargetMs: 2 });
    const seen: SimulationProgress[] = [];
    await r.run(model, { seed: SEED, runs: 3000, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.at(-1)).toMatchObject({ phase: 'full', done: 3000, total: 3000 });
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
  });

  it('refines progressively: a preview of the first runs, then the full result equal to a plain run', async () => {
    const r = runner(2);
    const results = [];
    const phases: string[] = [];
    for await (const result of r.runProgressive(model, {
      seed: SEED,
      runs: 4000,
      previewRuns: 1000,
      onProgress: (p) => phases.push(p.phase),
    })) {
      results.push(result);
    }
    expect(results.map((x) => [x.phase, x.runs])).toEqual([
      ['preview', 1000],
      ['full', 4000],
    ]);
    const [preview, full] = results;
    expect(preview.summary?.runs).toBe(1000);
    expect(blockDiff(full.block, fullBlock(model, SEED, 4000))).toEqual([]);
    // The preview leaves the lever contributions out; everything else equals the same runs' full computation.
    expect(
      blockDiff(preview.block, simulateBlock(model, SEED, 0, 1000, { levers: false, breakdown: false })),
    ).toEqual([]);
    expect(preview.block.leverContribution.length).toBe(0);
    expect(preview.summary?.lever_contribution).toEqual([]);
    // ... and the sensitivity tables, which the full sample brings.
    expect([preview.summary?.sensitivity, preview.summary?.sensitivity_groups]).toEqual([[], []]);
    expect(full.summary?.sensitivity.length).toBeGreaterThan(0);
    expect(full.summary?.sensitivity_groups.length).toBeGreaterThan(0);
    expect(full.summary?.lever_contribution.length).toBe(model.nLevers);
    const head = fullBlock(model, SEED, 1000);
    expect(Array.from(full.block.gross.subarray(0, head.gross.length))).toEqual(
      Array.from(preview.block.gross),
    );
    expect(JSON.stringify(full.summary)).toBe(
      JSON.stringify((await r.run(model, { seed: SEED, runs: 4000 })).summary),
    );
    expect(phases[0]).toBe('preview');
    expect(phases.at(-1)).toBe('full');
  });

  it('keeps the runs in the workers when asked: the same summaries, only the kept arrays come back', async () => {
    const KEEP_RUNS = 1200;
    const expected = fullBlock(model, SEED, KEEP_RUNS);
    const expectedSummary = JSON.stringify(summarize(model, expected, SEED));
    // A preview's summary leaves the sensitivity tables out (ProgressiveOptions.previewRuns).
    const previewSummary = JSON.stringify(
      summarize(model, simulateBlock(model, SEED, 0, 300, { levers: false, breakdown: false }), SEED, {
        sensitivity: noSensitivity(),
      }),
    );
    for (const workers of [1, 2]) {
      const r = runner(workers, { chunkTargetMs: 3 });
      const seen: SimulationProgress[] = [];
      const results = [];
      for await (const result of r.runProgressive(model, {
        seed: SEED,
        runs: KEEP_RUNS,
        previewRuns: 300,
        keep: ['gross', 'npvCost'],
        onProgress: (p) => seen.push(p),
      })) {
        results.push(result);
      }
      const [preview, full] = results;
      expect([preview.phase, preview.block, preview.kept]).toEqual(['preview', null, null]);
      expect(JSON.stringify(preview.summary)).toBe(previewSummary);
      expect(full.block).toBeNull();
      expect(JSON.stringify(full.summary)).toBe(expectedSummary);
      expect(full.kept).toMatchObject({ runStart: 0, runCount: KEEP_RUNS, nYears: model.nYears });
      expect(Array.from(full.kept!.years)).toEqual(Array.from(expected.years));
      expect(Object.keys(full.kept!.arrays).sort()).toEqual(['gross', 'npvCost']);
      expect(Array.from(full.kept!.arrays.gross!)).toEqual(Array.from(expected.gross));
      expect(Array.from(full.kept!.arrays.npvCost!)).toEqual(Array.from(expected.npvCost));
      expect(seen.filter((p) => p.phase === 'full').at(-1)).toMatchObject({
        done: KEEP_RUNS,
        total: KEEP_RUNS,
      });
      // A plain run in keep mode right after, on the same pool: nothing of the last collection is mixed in.
      const again = await r.run(model, { seed: SEED + 1, runs: 700, keep: ['net'] });
      expect(Array.from(again.kept!.arrays.net!)).toEqual(Array.from(fullBlock(model, SEED + 1, 700).net));
      // The next result of the same shape is laid out in the memory the last one no longer needs (the
      // arrays not kept, and the lever contributions summarized in worker 1), and is whole.
      const before = (await r.workerStats())[0].reusedArrays;
      const third = await r.run(model, { seed: SEED + 2, runs: 700, keep: ['net', 'gross'] });
      const expectedThird = fullBlock(model, SEED + 2, 700);
      expect(JSON.stringify(third.summary)).toBe(JSON.stringify(summarize(model, expectedThird, SEED + 2)));
      expect(Array.from(third.kept!.arrays.net!)).toEqual(Array.from(expectedThird.net));
      expect(Array.from(third.kept!.arrays.gross!)).toEqual(Array.from(expectedThird.gross));
      expect((await r.workerStats())[0].reusedArrays).toBeGreaterThan(before);
      await r.terminate();
    }
  });

  it('a superseded request in keep mode leaves the next one whole', async () => {
    const r = runner(2, { chunkTargetMs: 2 });
    const first = r.run(model, { seed: SEED, runs: 10_000, keep: ['gross'] });
    first.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await r.run(model, { seed: SEED, runs: 1500, keep: ['gross'] });
    await expect(first).rejects.toThrow();
    expect(Array.from(second.kept!.arrays.gross!)).toEqual(Array.from(fullBlock(model, SEED, 1500).gross));
  });

  it('yields only a full result when the preview would cover every run', async () => {
    const r = runner(2);
    const phases = [];
    for await (const result of r.runProgressive(model, { seed: SEED, runs: 500, previewRuns: 1000 })) {
      phases.push(result.phase);
    }
    expect(phases).toEqual(['full']);
  });
});
