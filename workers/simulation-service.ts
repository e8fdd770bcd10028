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
  summarizeSensitivity,
  type LeverPart,
  type LeverSummary,
  type SensitivityPart,
  type SensitivitySummary,
  type SimulationSummary,
  type SummarizeOptions,
} from '../src/core/scenario/summary';

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
  /** The sensitivity tables alone (likewise). */
  summarizeSensitivity(key: number, part: SensitivityPart): SensitivitySummary;
}

/** What a chunk computes besides the runs themselves (both off in a preview). */
export interface ChunkDetail {
  /** Lever contributions and costs of runs r with r % leverEvery = 0 (model.ts leverEvery); 0 for none. */
  leverEvery: number;
  /** The breakdown of runs r with r % breakdownEvery = 0 (model.ts breakdownEvery); 0 for none. */
  breakdownEvery: number;
}

/** Lever contributions, costs and the breakdown of every run (the kernel's defaults). */
export const FULL_DETAIL: ChunkDetail = { leverEvery: 1, breakdownEvery: 1 };

/**
 * The kernel options for a chunk's detail, and the memory to lay it out in. Every chunk's options have
 * the same fields in the same order (a preview's too), so the kernel's compiled code sees one shape of
 * options object, never a second one that would send it back to be compiled again.
 */
export function kernelOptions(
  model: CompiledModel,
  detail: ChunkDetail,
  slab?: ArrayBuffer,
): SimulateOptions {
  const every = detail.breakdownEvery;
  const levers = detail.leverEvery;
  return {
    levers: levers > 0,
    leverEvery: levers > 0 ? levers : 1,
    precision: 'single',
    breakdown: every > 0 && model.breakdown,
    breakdownEvery: every > 0 ? every : 1,
    slab,
  };
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
      return simulateBlock(modelFor(key), seed, runStart, runCount, options);
    },

    summarize(key, block, seed, options) {
      return summarize(modelFor(key), block, seed, options);
    },

    summarizeLevers(key, part) {
      return summarizeLevers(modelFor(key), part);
    },

    summarizeSensitivity(key, part) {
      return summarizeSensitivity(modelFor(key), part);
    },
  };
}
