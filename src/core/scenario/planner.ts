/**
 * Splits a Monte Carlo request into worker jobs. Pure: no workers, no clocks; the runner and the
 * Node pool share it. Each worker (lane) gets one contiguous range of run indices, cut into chunks
 * small enough that progress, cancellation and supersession stay responsive.
 * Because run r depends on (seed, r) alone, any plan gives the same numbers.
 */

/** A contiguous range of run indices [runStart, runStart + runCount). */
export interface RunRange {
  runStart: number;
  runCount: number;
}

/** One unit of work: a range of runs for one lane. */
export interface PlannedChunk extends RunRange {
  /** The worker lane (0-based) that computes this chunk. */
  lane: number;
  /** Position in run order (0-based); merging in this order gives run order. */
  index: number;
}

export interface RunPlan {
  runStart: number;
  runs: number;
  /** Number of lanes actually used: min(workers, runs). */
  lanes: number;
  /** All chunks in run order. */
  chunks: PlannedChunk[];
  /** The same chunks grouped by lane, each lane in run order. */
  byLane: PlannedChunk[][];
}

export interface PlanOptions {
  /** Number of runs to plan. */
  runs: number;
  /** Number of workers available (≥ 1). */
  workers: number;
  /** Upper bound on runs in one chunk (≥ 1). */
  maxChunkRuns: number;
  /** First run index (default 0); a full run can start after a preview's runs. */
  runStart?: number;
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Splits `total` into `parts` near-equal integers, larger parts first. */
export function splitEvenly(total: number, parts: number): number[] {
  checkCount('total', total, 0);
  checkCount('parts', parts, 1);
  const base = Math.floor(total / parts);
  const extra = total % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Splits `runs` runs from `runStart` into min(workers, runs) contiguous lane ranges of near-equal size. */
export function laneRanges(runs: number, workers: number, runStart = 0): RunRange[] {
  checkCount('runs', runs, 0);
  checkCount('workers', workers, 1);
  checkCount('runStart', runStart, 0);
  let next = runStart;
  return splitEvenly(runs, Math.min(workers, runs) || 1)
    .filter((n) => n > 0)
    .map((runCount) => {
      const range = { runStart: next, runCount };
      next += runCount;
      return range;
    });
}

/**
 * The next chunk of a lane that has finished its first `done` runs: at most `maxChunkRuns`, and sized
 * so the rest splits into near-equal chunks (no runt at the end). Lets a runner resize chunks as it
 * learns the cost per run.
 */
export function nextChunk(range: RunRange, done: number, maxChunkRuns: number): RunRange {
  checkCount('maxChunkRuns', maxChunkRuns, 1);
  const left = range.runCount - done;
  if (!Number.isSafeInteger(done) || done < 0 || left <= 0) {
    throw new RangeError(`done must be an integer in [0, ${range.runCount}), got ${done}`);
  }
  return { runStart: range.runStart + done, runCount: Math.ceil(left / Math.ceil(left / maxChunkRuns)) };
}

/** Plans `runs` runs over `workers` lanes in contiguous ranges, chunked to at most `maxChunkRuns`. */
export function planRuns(options: PlanOptions): RunPlan {
  const { runs, workers, maxChunkRuns } = options;
  const runStart = options.runStart ?? 0;
  checkCount('maxChunkRuns', maxChunkRuns, 1);
  const ranges = laneRanges(runs, workers, runStart);
  const chunks: PlannedChunk[] = [];
  const byLane = ranges.map((range, lane) => {
    const laneChunks: PlannedChunk[] = [];
    for (let done = 0; done < range.runCount;) {
      const chunk: PlannedChunk = { ...nextChunk(range, done, maxChunkRuns), lane, index: chunks.length };
      chunks.push(chunk);
      laneChunks.push(chunk);
      done += chunk.runCount;
    }
    return laneChunks;
  });
  return { runStart, runs, lanes: ranges.length, chunks, byLane };
}

export interface ChunkSizeOptions {
  /** Target time per chunk in ms (default 50). */
  targetMs?: number;
  /** Bounds on the result (defaults 16 and 50 000). */
  min?: number;
  max?: number;
  /** Returned while the cost is not yet known (default 512). */
  fallback?: number;
}

/**
 * The chunk size that keeps one chunk near `targetMs`, given a measured cost per run.
 * Returns `fallback` while the cost is unknown (not a positive finite number).
 */
export function chunkRunsFor(msPerRun: number, options: ChunkSizeOptions = {}): number {
  const { targetMs = 50, min = 16, max = 50_000, fallback = 512 } = options;
  if (!(msPerRun > 0) || !Number.isFinite(msPerRun)) return Math.max(min, Math.min(max, fallback));
  return Math.max(min, Math.min(max, Math.floor(targetMs / msPerRun)));
}
