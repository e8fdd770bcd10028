import { afterAll, describe, expect, it } from 'vitest';
import { createNodeSimulationRunner, type NodePoolOptions } from '../../../workers/node-pool';
import { CancelledError, SimulationWorkerError } from '../../../workers/simulation-errors';
import type { PooledSimulationRunner } from '../../../workers/simulation-api';
import { hooked } from '../../fixtures/workers/simulation-hooks';
import {
  sampleDetail,
  compileScenario,
  presetScenario,
  simulateBlock,
  summarize,
} from '../../../src/core/scenario/index';
import type { RunBlock } from '../../../src/core/scenario/index';
import { handBaseline } from '../core/scenario/fixtures';
import { blockDiff } from '../../browser/block-diff';

const model = compileScenario(presetScenario('policy'), handBaseline());
const HOOKED = new URL('../../fixtures/workers/hooked-simulation.node-worker.ts', import.meta.url);
const SLOW_START = new URL('../../fixtures/workers/slow-start-simulation.node-worker.ts', import.meta.url);
const pools: PooledSimulationRunner[] = [];
afterAll(async () => {
  for (const p of pools) await p.terminate();
});

function pool(options: NodePoolOptions): PooledSimulationRunner {
  const p = createNodeSimulationRunner(options);
  pools.push(p);
  return p;
}

/** The full result the pool should give: the kernel on this thread, with the breakdown of every K-th run. */
const expected = (seed: number, runs: number): RunBlock =>
  simulateBlock(model, seed, 0, runs, sampleDetail(runs));

const blockOf = async (p: PooledSimulationRunner, seed: number, runs: number) =>
  (await p.run(model, { seed, runs, summarize: false })).block;

/** The worker and run range a SimulationWorkerError names, checked to contain `run`. */
function expectRangeWith(failure: SimulationWorkerError, run: number): void {
  expect(failure.runStart).toBeLessThanOrEqual(run);
  expect(failure.runStart + failure.runCount).toBeGreaterThan(run);
  expect(failure.message).toContain(
    `failed on runs ${failure.runStart}–${failure.runStart + failure.runCount - 1}:`,
  );
}

describe('the Node simulation pool (the shared pool over worker threads)', () => {
  it("gives the kernel's runs, merged in order, with 1 and 3 threads and small adaptive chunks", async () => {
    for (const workers of [1, 3]) {
      const p = pool({ workers, chunkTargetMs: 2 });
      expect(blockDiff(await blockOf(p, 4, 2500), expected(4, 2500))).toEqual([]);
      const stats = await p.workerStats();
      expect(stats.reduce((n, s) => n + s.chunks, 0)).toBeGreaterThan(workers);
      // The worker threads sum sectors in WebAssembly, as the CLI's kernel does.
      expect(stats.every((s) => s.wasmSums)).toBe(true);
    }
  }, 60_000);

  it('attributes and costs every L-th run of a large sample, in the block and in its summary, as one thread does', async () => {
    const p = pool({ workers: 2 });
    const runs = 20_001; // L = 2, K = 12: 10,001 lever rows, 1,667 breakdown rows
    const want = expected(6, runs);
    expect(want.leverEvery).toBe(2);
    const result = await p.run(model, { seed: 6, runs });
    expect(blockDiff(result.block, want)).toEqual([]);
    expect(result.summary!.lever_sample).toEqual({ runs: 10_001, every: 2 });
    expect(JSON.stringify(result.summary)).toBe(JSON.stringify(summarize(model, want, 6)));
  }, 60_000);

  it("starts a progressive request's full sample only when its result is asked for (after the preview)", async () => {
    const p = pool({ workers: 2 });
    const chunks = async () => (await p.workerStats()).reduce((n, s) => n + s.chunks, 0);
    const stream = p.runProgressive(model, { seed: 3, runs: 6000, previewRuns: 500 });
    const preview = await stream.next();
    expect(preview.value).toMatchObject({ phase: 'preview', runs: 500 });
    const before = await chunks();
    await new Promise((r) => setTimeout(r, 300));
    expect(await chunks()).toBe(before);
    const full = await stream.next();
    expect(full.value).toMatchObject({ phase: 'full', runs: 6000 });
    expect(await chunks()).toBeGreaterThan(before);
    expect(blockDiff(full.value!.block!, expected(3, 6000))).toEqual([]);
  }, 60_000);

  it('reports a kernel error with the thread and run range, then runs again', async () => {
    const p = pool({ workers: 2, entry: HOOKED });
    const failure = await p
      .run(hooked(model, { __failAtRun: 700 }), { seed: 1, runs: 1000, summarize: false })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationWorkerError);
    expectRangeWith(failure as SimulationWorkerError, 700);
    expect((failure as Error).message).toMatch(/Test hook: the kernel failed at run 700$/);
    expect(blockDiff(await blockOf(p, 1, 1000), expected(1, 1000))).toEqual([]);
  }, 60_000);

  it('reports a thread that exits, replaces it, then runs again', async () => {
    const p = pool({ workers: 2, entry: HOOKED });
    const failure = await p
      .run(hooked(model, { __dieAtRun: 30 }), { seed: 2, runs: 400, summarize: false })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationWorkerError);
    expectRangeWith(failure as SimulationWorkerError, 30);
    expect((failure as Error).message).toMatch(/the worker exited with code 3$/);
    expect(blockDiff(await blockOf(p, 2, 400), expected(2, 400))).toEqual([]);
  }, 60_000);

  it('gives up on a thread that stops answering (stall timeout), then runs again', async () => {
    const p = pool({ workers: 2, entry: HOOKED, stallTimeoutMs: 3000 });
    const failure = await p
      .run(hooked(model, { __hangAtRun: 260 }), { seed: 3, runs: 400, summarize: false })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationWorkerError);
    expectRangeWith(failure as SimulationWorkerError, 260);
    expect((failure as Error).message).toMatch(/the worker did not answer within 3000 ms$/);
    expect(blockDiff(await blockOf(p, 3, 400), expected(3, 400))).toEqual([]);
  }, 60_000);

  it("does not count a thread's start as a stall", async () => {
    // The thread takes longer to start than the stall timeout allows a call: the timer starts at ready.
    const p = pool({ workers: 1, entry: SLOW_START, stallTimeoutMs: 2000 });
    expect(blockDiff(await blockOf(p, 5, 50), expected(5, 50))).toEqual([]);
  }, 60_000);

  it('stops a run at its first progress on cancel, and a newer run supersedes an older one', async () => {
    const p = pool({ workers: 2, entry: HOOKED });
    const slow = hooked(model, { __chunkDelayMs: 20 });
    const cancelled = p.run(slow, {
      seed: 6,
      runs: 20_000,
      summarize: false,
      onProgress: () => p.cancel(),
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    const older = p.run(slow, { seed: 6, runs: 20_000, summarize: false });
    const newer = blockOf(p, 6, 300);
    await expect(older).rejects.toMatchObject({ reason: 'superseded' });
    expect(blockDiff(await newer, expected(6, 300))).toEqual([]);
  }, 60_000);
});
