/**
 * The browser's simulation engine: the shared pool (workers/simulation-pool.ts) over module workers
 * (the bundled workers/simulation.worker.ts unless a test passes its own).
 */
import { createPooledRunner } from './simulation-pool';
import type { PooledSimulationRunner, RunnerOptions } from './simulation-api';
import { browserWorkerHandle } from './worker-slot';

export { CancelledError, SimulationWorkerError, SupersededError, isCancellation } from './simulation-errors';
export type * from './simulation-api';

function defaultWorker(): Worker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
}

/** Creates a simulation runner with its worker pool. */
export function createSimulationRunner(options: RunnerOptions = {}): PooledSimulationRunner {
  const create = options.createWorker ?? defaultWorker;
  return createPooledRunner(options, (index) => browserWorkerHandle(create(index)));
}
