/** The public shape of the simulation runner (workers/simulation-runner.ts), for callers and tests. */
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import type { SimulationSummary } from '../src/core/scenario/summary';
import type { RunArray } from '../src/core/scenario/model';

/**
 * Per-run arrays of a RunBlock (run-major, one row of nYears or its own stride per run; npvCost one per
 * lever row, RunBlock.leverEvery) a caller may keep.
 */
export type KeptField = 'gross' | 'emitted' | 'net' | 'energy' | 'output' | 'renewable' | 'npvCost';

/** The runs of a result as kept (RunOptions.keep): their dimensions and the arrays asked for. */
export interface KeptRuns {
  runStart: number;
  runCount: number;
  nYears: number;
  years: Int32Array;
  arrays: Partial<Record<KeptField, RunArray>>;
}

/** Options of the pool, in the browser and in Node. */
export interface PoolOptions {
  /** Pool size; default `navigator.hardwareConcurrency` (1–16). */
  workers?: number;
  /** Target time of one chunk in ms (default 40): the granularity of progress and cancellation. */
  chunkTargetMs?: number;
  /** After a cancel, a worker still busy with the old request this long (ms) is replaced (default 150). */
  hardCancelMs?: number;
  /**
   * A call that has not answered this long (ms) counts as a dead worker (default 30 000). Counted from
   * when the worker said it was ready, so its start-up is not included.
   */
  stallTimeoutMs?: number;
  /** A worker that has not said it is ready this long (ms) after it was created is dead (default 120 000). */
  bootTimeoutMs?: number;
}

/** Options of the browser runner. */
export interface RunnerOptions extends PoolOptions {
  /** Makes worker `index`; default the bundled simulation worker. Tests pass other workers here. */
  createWorker?: (index: number) => Worker;
}

export interface SimulationProgress {
  phase: 'preview' | 'full';
  /** Runs finished in this phase, out of its `total` (the preview's runs, then all runs of the full sample). */
  done: number;
  total: number;
  elapsedMs: number;
}

export interface RunOptions {
  seed: number;
  runs: number;
  /** Summarize in a worker (default true); otherwise `summary` is null. */
  summarize?: boolean;
  /**
   * With it, the runs are put together and summarized in a worker and never come to the caller's
   * thread: the result's `block` is null and `kept` holds these arrays of the full sample (transferred;
   * none of a preview). Without it, the whole block comes back, put together here.
   */
  keep?: readonly KeptField[];
  onProgress?: (progress: SimulationProgress) => void;
  signal?: AbortSignal;
}

export interface ProgressiveOptions extends RunOptions {
  /**
   * Runs in the preview (default 1000). The preview leaves the lever contributions out (its summary's
   * `lever_contribution` is empty) and the sensitivity tables (`sensitivity` and `sensitivity_groups`
   * empty: a ranking of 1,000 runs is noisy and a fifth of the preview's summary); the full sample
   * computes every run with them, the preview's again (their other outputs are bit-identical, since
   * run r depends on (seed, r) alone).
   */
  previewRuns?: number;
}

/**
 * A result: the runs in run order (transferred from the workers; `B` is null for a result whose runs
 * stayed in the workers, RunOptions.keep) and their summary.
 */
export interface SimulationResult<B extends RunBlock | null = RunBlock | null> {
  phase: 'preview' | 'full';
  seed: number;
  runs: number;
  workers: number;
  /** The runs in run order; null with RunOptions.keep. */
  block: B;
  /** The arrays named in RunOptions.keep (a full result; null otherwise). */
  kept: KeptRuns | null;
  summary: SimulationSummary | null;
  /** ms since the request began: runs done (simulateMs), then the summary (summarizeMs); totalMs end to end. */
  timings: { simulateMs: number; summarizeMs: number; totalMs: number };
}

/** The result for options `O`: with `keep`, the runs stay in the workers (block null). */
export type ResultOf<O extends RunOptions> = O extends { keep: readonly KeptField[] }
  ? SimulationResult<null>
  : SimulationResult<RunBlock>;

export interface SimulationRunner {
  /** Number of workers in the pool. */
  readonly size: number;
  /** Resolves once every worker has loaded. */
  ready(): Promise<void>;
  /** Runs 0..runs-1; supersedes any request in flight. */
  run<O extends RunOptions>(model: CompiledModel, options: O): Promise<ResultOf<O>>;
  /**
   * Yields a preview (the first `previewRuns` runs), then the full result, whose runs start when the
   * next result is asked for (a page draws the preview first); supersedes any request in flight.
   */
  runProgressive<O extends ProgressiveOptions>(
    model: CompiledModel,
    options: O,
  ): AsyncGenerator<ResultOf<O>, void, undefined>;
  /** Summarizes a block in a worker; `block` is transferred (detached here) and handed back with the summary. */
  summarize(
    model: CompiledModel,
    block: RunBlock,
    seed: number,
  ): Promise<{ summary: SimulationSummary; block: RunBlock }>;
  /** Stops the request in flight (its promise rejects with `CancelledError`); the pool stays usable. */
  cancel(): void;
  /** Stops everything and ends the workers; idempotent. */
  terminate(): Promise<void>;
  /**
   * Diagnostics from each worker: chunks computed; how many reused a chunk buffer handed back (the runner
   * recycles them, so a large run leaves no garbage the size of its result); bytes still visible of
   * the last block sent (0 once transferred); whether the worker's kernel sums sectors in WebAssembly.
   */
  workerStats(): Promise<
    { chunks: number; reusedSlabs: number; lastSentBytes: number; reusedArrays: number; wasmSums: boolean }[]
  >;
}

/** What createSimulationRunner returns: the runner plus a live diagnostic. */
export interface PooledSimulationRunner extends SimulationRunner {
  /** Number of workers computing right now (0 soon after a cancel). */
  readonly busy: number;
}
