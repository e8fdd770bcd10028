/**
 * The simulation engine under stress in real Chromium: cancellation, workers that throw, crash or
 * stall (the pool recovers), supersession and termination. Test hooks on the model (`__failAtRun`,
 * `__dieAtRun`, `__hangAtRun`, `__chunkDelayMs`) drive a test worker (test/fixtures/workers), which is
 * the real worker API with the hooks injected. How fast a cancel lands is measured by `npm run bench`;
 * here it is asserted by ordering and with bounds a loaded machine cannot break.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile';
import type { CompiledModel } from '../../src/core/scenario/kernel';
import { presetScenario } from '../../src/core/scenario/presets';
import { hooked as withHooks, type TestHooks } from '../fixtures/workers/simulation-hooks';
import {
  CancelledError,
  createSimulationRunner,
  isCancellation,
  SimulationWorkerError,
  SupersededError,
  type PooledSimulationRunner,
  type RunnerOptions,
} from '../../workers/simulation-runner';
import { handBaseline } from '../unit/core/scenario/fixtures';
import { blockDiff, fullBlock } from './block-diff';

const model = compileScenario(presetScenario('ambitious'), handBaseline());
const hooked = (hooks: TestHooks): CompiledModel => withHooks(model, hooks);
const SEED = 7;

const hookedWorker = () =>
  new Worker(new URL('../fixtures/workers/hooked-simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation (test hooks)',
  });

const runners: PooledSimulationRunner[] = [];
function runner(options: RunnerOptions = {}): PooledSimulationRunner {
  const r = createSimulationRunner({ workers: 2, createWorker: hookedWorker, ...options });
  runners.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(runners.map((r) => r.terminate()));
});

/** Resolves with the rejection of `p` (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Resolves once `p` has reported at least `n` runs done. */
function afterProgress(n: number): { onProgress: (p: { done: number }) => void; reached: Promise<void> } {
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  return { onProgress: (p) => p.done >= n && resolve(), reached };
}

async function expectHealthy(r: PooledSimulationRunner): Promise<void> {
  const { block } = await r.run(model, { seed: SEED, runs: 300, summarize: false });
  expect(blockDiff(block, fullBlock(model, SEED, 300))).toEqual([]);
}

describe('cancellation', () => {
  it('stops at once: the promise rejects before any further progress, and the workers stop long before the run would end', async () => {
    const r = runner();
    await r.ready();
    const slow = hooked({ __chunkDelayMs: 30 });
    let cancelled = false;
    let progressAfterCancel = 0;
    const progress = afterProgress(1);
    const pending = r.run(slow, {
      seed: SEED,
      runs: 200_000,
      onProgress: (p) => {
        if (cancelled) progressAfterCancel++;
        progress.onProgress(p);
      },
    });
    await progress.reached;
    expect(r.busy).toBeGreaterThan(0);
    cancelled = true;
    r.cancel();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.name).toBe('AbortError');
    expect(isCancellation(error)).toBe(true);
    // 200,000 runs in chunks of 30 ms or more would keep the workers busy for minutes.
    const t0 = performance.now();
    while (r.busy > 0 && performance.now() - t0 < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(r.busy).toBe(0);
    expect(progressAfterCancel).toBe(0);
    await expectHealthy(r);
  });

  it('replaces a worker stuck in a long chunk after a cancel, and stays usable', async () => {
    const r = runner({ hardCancelMs: 100 });
    await r.ready();
    const stuck = hooked({ __chunkDelayMs: 60_000 });
    const pending = r.run(stuck, { seed: SEED, runs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    r.cancel();
    expect(await rejection(pending)).toBeInstanceOf(CancelledError);
    // Terminated after the hard-cancel delay, not at the end of its minute-long chunk.
    const t0 = performance.now();
    while (r.busy > 0 && performance.now() - t0 < 30_000)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(r.busy).toBe(0);
    await expectHealthy(r);
  });

  it('honours an AbortSignal', async () => {
    const r = runner();
    const controller = new AbortController();
    const progress = afterProgress(1);
    const pending = r.run(hooked({ __chunkDelayMs: 20 }), {
      seed: SEED,
      runs: 100_000,
      signal: controller.signal,
      onProgress: progress.onProgress,
    });
    await progress.reached;
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(CancelledError);
    const aborted = new AbortController();
    aborted.abort();
    expect(await rejection(r.run(model, { seed: SEED, runs: 10, signal: aborted.signal }))).toBeInstanceOf(
      CancelledError,
    );
  });
});

describe('failing workers', () => {
  it('reports a kernel error with the worker and run range, then recovers', async () => {
    const r = runner({ chunkTargetMs: 5 });
    const error = await rejection(r.run(hooked({ __failAtRun: 1234 }), { seed: SEED, runs: 2000 }));
    expect(error).toBeInstanceOf(SimulationWorkerError);
    expect(error.message).toMatch(
      /^Simulation worker 1 failed on runs \d+–\d+: Test hook: the kernel failed at run 1234$/,
    );
    const { runStart, runCount } = error as SimulationWorkerError;
    expect(runStart).toBeLessThanOrEqual(1234);
    expect(runStart + runCount).toBeGreaterThan(1234);
    await expectHealthy(r);
  });

  it('reports a crashed worker (error event), then recovers', async () => {
    const r = runner();
    const error = await rejection(r.run(hooked({ __dieAtRun: 10 }), { seed: SEED, runs: 1000 }));
    expect(error).toBeInstanceOf(SimulationWorkerError);
    expect(error.message).toMatch(/Simulation worker 0 failed on runs 0–\d+: the worker crashed/);
    await expectHealthy(r);
  });

  it('reports a worker that went silent (stall timeout), then recovers', async () => {
    const r = runner({ stallTimeoutMs: 1500 });
    const t0 = performance.now();
    const error = await rejection(r.run(hooked({ __hangAtRun: 900 }), { seed: SEED, runs: 1000 }));
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(error.message).toMatch(
      /Simulation worker 1 failed on runs .*: the worker did not answer within 1500 ms/,
    );
    await expectHealthy(r);
  });

  it('reports a worker whose script fails to load', async () => {
    const broken = () => new Worker(URL.createObjectURL(new Blob(['throw new Error("boom at load")'])));
    const r = runner({ workers: 1, createWorker: broken });
    const error = await rejection(r.run(model, { seed: SEED, runs: 10 }));
    expect(error).toBeInstanceOf(SimulationWorkerError);
    expect(error.message).toMatch(/the worker crashed \(.*boom at load\)/);
  });
});

describe('supersession and termination', () => {
  it('a newer request supersedes the older one, which never delivers a stale result', async () => {
    const r = runner();
    const progress = afterProgress(1);
    const older = r.run(hooked({ __chunkDelayMs: 20 }), {
      seed: SEED,
      runs: 50_000,
      onProgress: progress.onProgress,
    });
    let olderSettled = false;
    older.then(
      () => (olderSettled = true),
      () => (olderSettled = true),
    );
    await progress.reached;
    const newer = r.run(model, { seed: SEED + 1, runs: 800 });
    const error = await rejection(older);
    expect(error).toBeInstanceOf(SupersededError);
    expect(error.name).toBe('AbortError');
    const result = await newer;
    expect(olderSettled).toBe(true);
    expect(result.seed).toBe(SEED + 1);
    expect(blockDiff(result.block, fullBlock(model, SEED + 1, 800))).toEqual([]);
  });

  it('a burst of requests: only the last resolves', async () => {
    const r = runner();
    const burst = [1, 2, 3, 4, 5].map((k) => r.run(model, { seed: k, runs: 500 }));
    const settled = await Promise.allSettled(burst);
    expect(
      settled.slice(0, 4).every((s) => s.status === 'rejected' && s.reason instanceof SupersededError),
    ).toBe(true);
    const last = settled[4];
    expect(last.status).toBe('fulfilled');
    if (last.status === 'fulfilled')
      expect(blockDiff(last.value.block, fullBlock(model, 5, 500))).toEqual([]);
  });

  it('a progressive request is superseded between its preview and its full result', async () => {
    const r = runner();
    const stream = r.runProgressive(hooked({ __chunkDelayMs: 10 }), {
      seed: SEED,
      runs: 60_000,
      previewRuns: 200,
    });
    const first = await stream.next();
    expect(first.value).toMatchObject({ phase: 'preview', runs: 200 });
    const newer = r.run(model, { seed: SEED, runs: 100 });
    expect(await rejection(stream.next())).toBeInstanceOf(SupersededError);
    expect((await newer).runs).toBe(100);
  });

  it('terminate() is idempotent, rejects the request in flight and refuses new ones', async () => {
    const r = runner();
    const pending = r.run(hooked({ __chunkDelayMs: 20 }), { seed: SEED, runs: 50_000 });
    await r.terminate();
    await r.terminate();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).reason).toBe('terminated');
    expect(await rejection(r.run(model, { seed: SEED, runs: 10 }))).toBeInstanceOf(CancelledError);
  });
});
