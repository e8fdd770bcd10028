import { afterAll, describe, expect, it } from 'vitest';
import { NodeSimulationPool } from '../../../workers/node-pool';
import { SimulationWorkerError } from '../../../workers/simulation-errors';
import type { TestHooks } from '../../../workers/simulation-service';
import {
  breakdownEvery,
  compileScenario,
  presetScenario,
  simulateBlock,
} from '../../../src/core/scenario/index';
import type { CompiledModel, RunBlock } from '../../../src/core/scenario/index';
import { handBaseline } from '../scenario/fixtures';
import { blockDiff } from '../../browser/block-diff';

const model = compileScenario(presetScenario('policy'), handBaseline());
const hooked = (hooks: TestHooks) => ({ ...model, ...hooks }) as CompiledModel;
const pools: NodeSimulationPool[] = [];
afterAll(async () => {
  for (const p of pools) await p.terminate();
});

function pool(workers: number, stallTimeoutMs?: number): NodeSimulationPool {
  const p = new NodeSimulationPool({ workers, stallTimeoutMs });
  pools.push(p);
  return p;
}

/** The full result the pool should give: the kernel on this thread, with the breakdown of every K-th run. */
const expected = (seed: number, runs: number): RunBlock =>
  simulateBlock(model, seed, 0, runs, { breakdownEvery: breakdownEvery(runs) });

describe('the CLI simulation pool (worker threads)', () => {
  it("gives the kernel's runs, merged in order, with 1 and 3 threads", async () => {
    for (const workers of [1, 3]) {
      const block = await pool(workers).run(model, { seed: 4, runs: 2500, maxChunkRuns: 300 });
      expect(blockDiff(block, expected(4, 2500))).toEqual([]);
    }
  }, 60_000);

  it('reports a kernel error with the thread and run range, then runs again', async () => {
    const p = pool(2);
    const failure = await p
      .run(hooked({ __failAtRun: 700 }), { seed: 1, runs: 1000, maxChunkRuns: 100 })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(SimulationWorkerError);
    expect(failure.message).toMatch(
      /Simulation worker 1 failed on runs 700–799: Test hook: the kernel failed at run 700/,
    );
    expect(blockDiff(await p.run(model, { seed: 1, runs: 1000 }), expected(1, 1000))).toEqual([]);
  }, 60_000);

  it('reports a thread that exits, replaces it, then runs again', async () => {
    const p = pool(2);
    const failure = await p
      .run(hooked({ __dieAtRun: 30 }), { seed: 2, runs: 400, maxChunkRuns: 50 })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(SimulationWorkerError);
    expect(failure.message).toMatch(/runs 0–49: the worker exited with code 3/);
    expect(blockDiff(await p.run(model, { seed: 2, runs: 400 }), expected(2, 400))).toEqual([]);
  }, 60_000);

  it('gives up on a thread that stops answering (stall timeout), then runs again', async () => {
    const p = pool(2, 1500);
    const started = Date.now();
    const failure = await p
      .run(hooked({ __hangAtRun: 260 }), { seed: 3, runs: 400, maxChunkRuns: 50 })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(SimulationWorkerError);
    expect(failure.message).toMatch(/runs 250–299: the worker did not answer within 1500 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(blockDiff(await p.run(model, { seed: 3, runs: 400 }), expected(3, 400))).toEqual([]);
  }, 60_000);
});
