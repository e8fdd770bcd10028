/**
 * The worker-side half of the simulation engine, shared by the browser worker (Comlink) and the Node
 * worker (worker_threads). It holds the compiled model it was last given and runs kernel chunks.
 * DOM-free and Node-free, so both entries can use it.
 */
import {
  simulateBlock,
  type CompiledModel,
  type RunBlock,
  type SimulateOptions,
} from '../src/core/scenario/kernel';
import {
  summarize,
  summarizeLevers,
  type LeverPart,
  type LeverSummary,
  type SimulationSummary,
  type SummarizeOptions,
} from '../src/core/scenario/summary';

/**
 * Test-only hooks a test may add to a compiled model. They exist so the browser and CLI tests can
 * prove failure handling and cancellation with the real worker; production models never carry them.
 */
export interface TestHooks {
  /** Throw from the chunk that contains this run (a kernel error). */
  __failAtRun?: number;
  /** Kill the worker (uncaught error / thread exit) in the chunk that contains this run. */
  __dieAtRun?: number;
  /** Make the worker go silent (closed, no error event) in the chunk that contains this run. */
  __hangAtRun?: number;
  /** Busy-wait this long in every chunk, to make chunks slow enough to cancel. */
  __chunkDelayMs?: number;
}

export interface SimulationService {
  /** Keeps `model` under `key`, replacing any earlier model. */
  setModel(key: number, model: CompiledModel): void;
  /** The model under `key`; throws if this worker does not hold it. */
  model(key: number): CompiledModel;
  /** Runs [runStart, runStart + runCount) of the model under `key`. */
  simulate(
    key: number,
    seed: number,
    runStart: number,
    runCount: number,
    options?: SimulateOptions,
  ): RunBlock;
  /** Summarizes a merged block of the model under `key`. */
  summarize(key: number, block: RunBlock, seed: number, options?: SummarizeOptions): SimulationSummary;
  /** The lever part of the summary alone (runs in parallel with the rest in another worker). */
  summarizeLevers(key: number, part: LeverPart): LeverSummary[];
}

/** What a chunk computes besides the runs themselves (both off in a preview). */
export interface ChunkDetail {
  levers: boolean;
  /** The breakdown of runs r with r % breakdownEvery = 0 (model.ts breakdownEvery); 0 for none. */
  breakdownEvery: number;
}

/** Lever contributions and the breakdown of every run (the kernel's defaults). */
export const FULL_DETAIL: ChunkDetail = { levers: true, breakdownEvery: 1 };

/** The kernel options for a chunk's detail. */
export function kernelOptions(detail: ChunkDetail): SimulateOptions {
  return detail.breakdownEvery > 0
    ? { levers: detail.levers, breakdownEvery: detail.breakdownEvery }
    : { levers: detail.levers, breakdown: false };
}

/** What a test hook asks of the worker entry before a chunk: nothing, to die, or to go silent. */
export function hookedFate(model: CompiledModel, runStart: number, runCount: number): 'die' | 'hang' | null {
  const hooks = model as CompiledModel & TestHooks;
  const covers = (run: number | undefined) =>
    run !== undefined && run >= runStart && run < runStart + runCount;
  if (covers(hooks.__dieAtRun)) return 'die';
  if (covers(hooks.__hangAtRun)) return 'hang';
  return null;
}

/** Creates the service (one per worker). */
export function createSimulationService(): SimulationService {
  let current: { key: number; model: CompiledModel } | null = null;

  function modelFor(key: number): CompiledModel {
    if (!current || current.key !== key) throw new Error(`Simulation worker has no model #${key}`);
    return current.model;
  }

  return {
    setModel(key, model) {
      current = { key, model };
    },

    model: modelFor,

    simulate(key, seed, runStart, runCount, options) {
      const model = modelFor(key);
      const hooks = model as CompiledModel & TestHooks;
      const covers = (run: number | undefined) =>
        run !== undefined && run >= runStart && run < runStart + runCount;
      if (covers(hooks.__failAtRun)) {
        throw new Error(`Test hook: the kernel failed at run ${hooks.__failAtRun}`);
      }
      if (hooks.__chunkDelayMs) {
        const until = performance.now() + hooks.__chunkDelayMs;
        while (performance.now() < until) {
          // Busy on purpose: a slow kernel chunk, not an idle one.
        }
      }
      return simulateBlock(model, seed, runStart, runCount, options);
    },

    summarize(key, block, seed, options) {
      return summarize(modelFor(key), block, seed, options);
    },

    summarizeLevers(key, part) {
      return summarizeLevers(modelFor(key), part);
    },
  };
}
