/**
 * The simulation worker's API, the same in the browser worker and the Node worker thread: Comlink
 * over the shared simulation service. Results go back transferred, never copied.
 */
import * as Comlink from 'comlink';
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import {
  leverPartOf,
  noSensitivity,
  sensitivityPartOf,
  type LeverPart,
  type LeverSummary,
  type SensitivitySummary,
  type SimulationSummary,
} from '../src/core/scenario/summary';
import { RunBlockAssembler, type ArrayAllocator } from '../src/core/scenario/merge';
import { createSimulationService, FULL_DETAIL, kernelOptions, type ChunkDetail } from './simulation-service';
import { sidePartBuffers, transferablesOf, type SidePart } from './transfer';
import { READY_MESSAGE, type MessageEndpoint } from './worker-slot';
import { sectorSumsAvailable } from '../src/core/wasm/sector-sums';

export interface WorkerApiOptions {
  /**
   * Called before each chunk with the model and the chunk's runs; what it returns instead of a block
   * (a promise that never settles) is the chunk's answer. Only test workers pass one.
   */
  beforeChunk?: (model: CompiledModel, runStart: number, runCount: number) => Promise<never> | void;
}

/**
 * At most this much memory of earlier collections is kept for the next ones (a 10,000-run result's
 * arrays and a preview's fit; a much larger result's are left to the garbage collector, not held).
 */
const FREE_BUDGET = 64 * 1024 * 1024;

/** The API object a worker exposes. */
function createWorkerApi(options: WorkerApiOptions = {}) {
  const service = createSimulationService();
  let chunks = 0;
  let reused = 0;
  let reusedArrays = 0;
  let lastSent: RunBlock | null = null;
  /**
   * A result put together in this worker (the pool's `keep` mode): its runs' chunks, computed here or
   * handed over, copied into place; then summarized here. One at a time: a newer one replaces it.
   */
  let collection: { id: number; into: RunBlockAssembler; block: RunBlock | null } | null = null;
  /** The buffer of this worker's last chunk collected here, free for its next chunk. */
  let spare: ArrayBuffer | undefined;
  /**
   * Memory of earlier collections that nothing holds any more (the arrays not kept, and the lever
   * contributions once summarized), by byte length, for the next collection's arrays. Fresh memory
   * is written page by page for the first time, which costs far more than reusing memory already
   * written; the same result shape (the planner moving a slider) asks for the same lengths again.
   */
  const free = new Map<number, ArrayBuffer[]>();
  let freeBytes = 0;
  const release = (buffer: ArrayBuffer) => {
    if (buffer.byteLength === 0 || freeBytes + buffer.byteLength > FREE_BUDGET) return;
    const list = free.get(buffer.byteLength) ?? [];
    list.push(buffer);
    free.set(buffer.byteLength, list);
    freeBytes += buffer.byteLength;
  };
  const allocate: ArrayAllocator = (type, length) => {
    // A result far larger than the memory kept (e.g. 100k runs) cannot use it: let it go at once.
    if (length * type.BYTES_PER_ELEMENT > FREE_BUDGET / 4 && freeBytes > 0) {
      free.clear();
      freeBytes = 0;
    }
    const buffer = free.get(length * type.BYTES_PER_ELEMENT)?.pop();
    if (!buffer) return new type(length);
    freeBytes -= buffer.byteLength;
    reusedArrays++;
    return new type(buffer);
  };

  /** One chunk of the model under `key`, laid out in `slab` when it is large enough. */
  const runChunk = (
    key: number,
    seed: number,
    runStart: number,
    runCount: number,
    detail: ChunkDetail,
    slab: ArrayBuffer | undefined,
  ): RunBlock =>
    service.simulate(key, seed, runStart, runCount, kernelOptions(service.model(key), detail, slab));

  const collected = (id: number) => {
    if (collection?.id !== id) throw new Error(`Simulation worker has no collection #${id}`);
    return collection;
  };
  const assembled = (id: number): RunBlock => {
    const c = collected(id);
    return (c.block ??= c.into.result());
  };

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
      const block = runChunk(key, seed, runStart, runCount, detail, slab);
      chunks++;
      if (slab && block.gross.buffer === slab) reused++;
      lastSent = block;
      return Comlink.transfer(block, transferablesOf(block));
    },

    /** Takes back memory this worker gave out (e.g. lever contributions summarized elsewhere) for reuse. */
    recycle(buffer: ArrayBuffer): void {
      release(buffer);
    },

    /** Starts collection `id` of runs [runStart, runStart + runCount), replacing any earlier one. */
    collectStart(id: number, runStart: number, runCount: number): void {
      // A collection given up before its end (a newer request) leaves its memory for this one.
      if (collection && !collection.block) {
        for (const a of collection.into.arrays()) if (a.buffer instanceof ArrayBuffer) release(a.buffer);
      }
      collection = { id, into: new RunBlockAssembler(runStart, runCount, allocate), block: null };
    },

    /** Runs a chunk straight into collection `id`; only its run count goes back. */
    simulateInto(
      id: number,
      key: number,
      seed: number,
      runStart: number,
      runCount: number,
      detail: ChunkDetail,
    ): number | Promise<never> {
      const into = collected(id).into;
      const instead = options.beforeChunk?.(service.model(key), runStart, runCount);
      if (instead) return instead;
      const block = runChunk(key, seed, runStart, runCount, detail, spare);
      chunks++;
      if (spare && block.gross.buffer === spare) reused++;
      into.add(block);
      spare = block.gross.buffer instanceof ArrayBuffer ? block.gross.buffer : undefined;
      return block.runCount;
    },

    /**
     * Adds a chunk computed in another worker (transferred in) to collection `id`, if it is still the
     * one collected here (a superseded request's chunk is dropped), and hands its buffer back for reuse.
     */
    collectAdd(id: number, block: RunBlock): ArrayBuffer | null {
      if (collection?.id === id) collection.into.add(block);
      const buffer = block.gross.buffer;
      return buffer instanceof ArrayBuffer && buffer.byteLength > 0
        ? Comlink.transfer(buffer, [buffer])
        : null;
    },

    /**
     * What collection `id`'s summary can compute elsewhere (transferred out): its lever contributions
     * (taken out of the collection) and its sensitivity part (a copy of the inputs, laid out in memory
     * this worker has spare, and the per-run scalars).
     */
    takeSide(id: number, key: number): SidePart {
      const block = assembled(id);
      const levers = leverPartOf(block);
      block.leverContribution = new Float32Array(0);
      const copy = allocate(
        block.inputs instanceof Float32Array ? Float32Array : Float64Array,
        block.inputs.length,
      );
      copy.set(block.inputs);
      const sensitivity = sensitivityPartOf(service.model(key), block, copy);
      return Comlink.transfer({ levers, sensitivity }, sidePartBuffers({ levers, sensitivity }));
    },

    /**
     * Ends collection `id`: its summary (unless `summarize` is false; without its lever and sensitivity
     * parts when `withoutSide`: see takeSide) and the per-run arrays named in `keep` (transferred). The
     * rest is kept here for the next collection's arrays.
     */
    collectFinish(
      id: number,
      key: number,
      seed: number,
      keep: readonly string[],
      summarize: boolean,
      withoutSide: boolean,
    ): { summary: SimulationSummary | null; kept: Record<string, Float32Array | Float64Array> } {
      const block = assembled(id);
      collection = null;
      // Without the side part (computed in another worker): placeholders the pool fills in.
      const side = withoutSide ? { levers: [], sensitivity: noSensitivity() } : {};
      const summary = summarize ? service.summarize(key, block, seed, side) : null;
      const fields = block as unknown as Record<string, unknown>;
      const kept: Record<string, Float32Array | Float64Array> = {};
      for (const name of keep) {
        const value = fields[name];
        if (!(value instanceof Float32Array || value instanceof Float64Array))
          throw new Error(`RunBlock has no per-run array ${name}`);
        kept[name] = value;
      }
      const buffers = [...new Set(Object.values(kept).map((a) => a.buffer as ArrayBuffer))];
      for (const value of Object.values(fields)) {
        if (!(value instanceof Float32Array || value instanceof Float64Array)) continue;
        const buffer = value.buffer;
        if (buffer instanceof ArrayBuffer && !buffers.includes(buffer)) release(buffer);
      }
      return Comlink.transfer({ summary, kept }, buffers);
    },

    /**
     * Takes a merged block (transferred in), summarizes it and gives both back (transferred out). With
     * `withoutLevers`, `lever_contribution` is left empty for summarizeLevers in another worker to fill;
     * with `withoutSensitivity` (a preview) the sensitivity tables are left empty.
     */
    summarize(
      key: number,
      block: RunBlock,
      seed: number,
      withoutLevers = false,
      withoutSensitivity = false,
    ): { summary: SimulationSummary; block: RunBlock } {
      const summary = service.summarize(key, block, seed, {
        ...(withoutLevers ? { levers: [] } : {}),
        ...(withoutSensitivity ? { sensitivity: noSensitivity() } : {}),
      });
      return Comlink.transfer({ summary, block }, transferablesOf(block));
    },

    /**
     * The lever summaries of a block's lever contributions (transferred in, and back out unless
     * `giveBack` is false: then they are dropped here).
     */
    summarizeLevers(
      key: number,
      part: LeverPart,
      giveBack = true,
    ): { levers: LeverSummary[]; part: LeverPart | null } {
      const levers = service.summarizeLevers(key, part);
      if (!giveBack) return { levers, part: null };
      return Comlink.transfer({ levers, part }, [
        part.leverContribution.buffer as ArrayBuffer,
        part.years.buffer as ArrayBuffer,
      ]);
    },

    /**
     * The summary's side part of a collection in another worker (see takeSide), and its lever
     * contributions' and inputs' memory handed back (transferred) for that worker's next collection.
     */
    summarizeSide(
      key: number,
      part: SidePart,
    ): { levers: LeverSummary[]; sensitivity: SensitivitySummary; spent: ArrayBuffer[] } {
      const levers = service.summarizeLevers(key, part.levers);
      const sensitivity = service.summarizeSensitivity(key, part.sensitivity);
      const spent = [part.levers.leverContribution.buffer, part.sensitivity.inputs.buffer].filter(
        (b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0,
      );
      return Comlink.transfer({ levers, sensitivity, spent }, spent);
    },

    /**
     * Diagnostics: chunks computed, how many of them reused a buffer handed back by the runner, the
     * byte length this worker still sees of its last sent block (0 once transferred), and how many
     * arrays of collections reused memory of earlier ones; whether its kernel sums sectors in WebAssembly.
     */
    stats(): {
      chunks: number;
      reusedSlabs: number;
      lastSentBytes: number;
      reusedArrays: number;
      wasmSums: boolean;
    } {
      return {
        chunks,
        reusedSlabs: reused,
        lastSentBytes: lastSent ? lastSent.gross.byteLength : -1,
        reusedArrays,
        wasmSums: sectorSumsAvailable(),
      };
    },
  };
}

export type SimulationWorkerApi = ReturnType<typeof createWorkerApi>;

/** Exposes the API on `endpoint` (the worker's own scope or port), then tells the pool it is ready. */
export function serveSimulation(endpoint: MessageEndpoint, options: WorkerApiOptions = {}): void {
  Comlink.expose(createWorkerApi(options), endpoint as Comlink.Endpoint);
  endpoint.postMessage(READY_MESSAGE);
}
