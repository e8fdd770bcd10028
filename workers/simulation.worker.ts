/**
 * The browser simulation worker: a tiny Comlink API over the shared simulation service. Results go
 * back transferred, never copied. Created only by workers/simulation-runner.ts.
 */
import * as Comlink from 'comlink';
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import type { LeverPart, LeverSummary, SimulationSummary } from '../src/core/scenario/summary';
import {
  createSimulationService,
  FULL_DETAIL,
  hookedFate,
  kernelOptions,
  type ChunkDetail,
} from './simulation-service';
import { transferablesOf } from './transfer';

const service = createSimulationService();

let chunks = 0;
let reused = 0;
let lastSent: RunBlock | null = null;

const api = {
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
    const fate = hookedFate(service.model(key), runStart, runCount);
    if (fate === 'die') {
      // Thrown outside any message handler, this reaches the runner as the Worker's `error` event,
      // which is how a crashed worker looks from the main thread; the chunk never answers.
      setTimeout(() => {
        throw new Error(`Test hook: the worker died at a run in ${runStart}+${runCount}`);
      });
      return new Promise<never>(() => {});
    }
    if (fate === 'hang') {
      self.close();
      return new Promise<never>(() => {});
    }
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

export type SimulationWorkerApi = typeof api;

Comlink.expose(api);
