/** Errors the simulation engine rejects with; shared by the browser runner and the Node pool. */

export type CancelReason = 'cancelled' | 'superseded' | 'terminated';

/** A request that was stopped on purpose. Named `AbortError`, like `fetch` aborts, so callers can ignore it alike. */
export class CancelledError extends Error {
  override name = 'AbortError';
  readonly reason: CancelReason;
  constructor(reason: CancelReason = 'cancelled', message = `Simulation ${reason}`) {
    super(message);
    this.reason = reason;
  }
}

/** The older request's rejection when a newer one starts: its result would be stale. */
export class SupersededError extends CancelledError {
  constructor() {
    super('superseded', 'Simulation superseded by a newer request');
  }
}

/** A worker threw, crashed or stalled while computing a range of runs. */
export class SimulationWorkerError extends Error {
  override name = 'SimulationWorkerError';
  readonly worker: number;
  readonly runStart: number;
  readonly runCount: number;
  constructor(worker: number, runStart: number, runCount: number, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Simulation worker ${worker} failed on runs ${runStart}–${runStart + runCount - 1}: ${why}`, {
      cause,
    });
    this.worker = worker;
    this.runStart = runStart;
    this.runCount = runCount;
  }
}

/** True for cancellations (cancel, supersession, terminate): nothing to report to the user. */
export function isCancellation(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}
