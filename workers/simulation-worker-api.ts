/**
 * The simulation worker's API, the same in the browser worker and the Node worker thread: Comlink
 * over the shared simulation service. Results go back transferred, never copied.
 */
import * as Comlink from 'comlink';
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import type { LeverPart, LeverSummary, SimulationSummary } from '../src/core/scenario/summary';
import { createSimulationService, FULL_DETAIL, kernelOptions, type ChunkDetail } from './simulation-service';
import { transferablesOf } from './transfer';
import { READY_MESSAGE, type MessageEndpoint } from './worker-slot';

export interface WorkerApiOptions {
  /**
   * Called before each chunk with the model and the chunk's runs; what it returns instead of a block
   * (a promise that never settles) is the chunk's answer. Only test workers pass one.
   */
  beforeChunk?: (model: CompiledModel, runStart: number, runCount: number) => Promise<never> | void;
}

/** The API object a worker exposes. */
function createWorkerApi(options: WorkerApiOptions = {}) {
  const service = createSimulationService();
  let chunks = 0;
  let reused = 0;
  let lastSent: RunBlock | null = null;

  return {
    setModel(key: number, model: CompiledModel): void {
      service.setModel(key, model);
    },

    /**
     * `detail`: lever contributions or not, and the breakdown of every K-th run (0: none); a preview has
     * neither. `slab` is an earlier chunk's buffer handed back (transferred) for the results to reuse.
     */
    simulate(
      key: number,
      seed: number,
      runStart: number,
      runCount: number,
      detail: ChunkDetail = FULL_DETAIL,
      slab?: ArrayBuffer,
    ): RunBlock | Promise<never> {
      const instead = options.beforeChunk?.(service.model(key), runStart, runCount);
      if (instead) return instead;
      const block = service.simulate(key, seed, runStart, runCount, { ...kernelOptions(detail), slab });
      chunks++;
      if (slab && block.gross.buffer === slab) reused++;
      lastSent = block;
      return Comlink.transfer(block, transferablesOf(block));
    },

    /**
     * Takes a merged block (transferred in), summarizes it and gives both back (transferred out). With
     * `withoutLevers`, `lever_contribution` is left empty for summarizeLevers in another worker to fill.
     */
    summarize(
      key: number,
      block: RunBlock,
      seed: number,
      withoutLevers = false,
    ): { summary: SimulationSummary; block: RunBlock } {
      const summary = service.summarize(key, block, seed, withoutLevers ? { levers: [] } : {});
      return Comlink.transfer({ summary, block }, transferablesOf(block));
    },

    /** The lever summaries of a block's lever contributions (transferred in and back out). */
    summarizeLevers(key: number, part: LeverPart): { levers: LeverSummary[]; part: LeverPart } {
      const levers = service.summarizeLevers(key, part);
      return Comlink.transfer({ levers, part }, [
        part.leverContribution.buffer as ArrayBuffer,
        part.years.buffer as ArrayBuffer,
      ]);
    },

    /**
     * Diagnostics: chunks computed, how many of them reused a buffer handed back by the runner, and the
     * byte length this worker still sees of its last sent block (0 once transferred).
     */
    stats(): { chunks: number; reusedSlabs: number; lastSentBytes: number } {
      return { chunks, reusedSlabs: reused, lastSentBytes: lastSent ? lastSent.gross.byteLength : -1 };
    },
  };
}

export type SimulationWorkerApi = ReturnType<typeof createWorkerApi>;

/** Exposes the API on `endpoint` (the worker's own scope or port), then tells the pool it is ready. */
export function serveSimulation(endpoint: MessageEndpoint, options: WorkerApiOptions = {}): void {
  Comlink.expose(createWorkerApi(options), endpoint as Comlink.Endpoint);
  endpoint.postMessage(READY_MESSAGE);
}
