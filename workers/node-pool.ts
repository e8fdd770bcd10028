/**
 * The simulation pool in Node (CLI, benchmark, tests): the browser's pool (workers/simulation-pool.ts)
 * over node:worker_threads, through Comlink's Node adapter. Sized by the CPU count unless told otherwise.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createPooledRunner } from './simulation-pool';
import type { PooledSimulationRunner, PoolOptions } from './simulation-api';
import { isReadyMessage, type MessageEndpoint, type WorkerHandle } from './worker-slot';

export interface NodePoolOptions extends PoolOptions {
  /**
   * The module a thread runs (default the simulation thread, workers/simulation.node-worker). A `.ts`
   * module is started through tsx; tests pass a test worker here.
   */
  entry?: URL;
}

/** Where this module runs from: TypeScript sources (tsx, Vitest) or the built CLI bundle. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

const DEFAULT_ENTRY = FROM_SOURCE
  ? new URL('./simulation.node-worker.ts', import.meta.url)
  : new URL('./simulation.node-worker.mjs', import.meta.url);

/**
 * Starts a thread running `entry`. Node 20 does not carry tsx's `--import` hooks into worker threads
 * (privatenumber/tsx#354), so a TypeScript entry starts from a small boot module that registers tsx.
 */
function startThread(entry: URL): Worker {
  if (entry.pathname.endsWith('.ts')) {
    return new Worker(new URL('./node-worker-boot.mjs', import.meta.url), {
      workerData: { entry: entry.href },
    });
  }
  return new Worker(entry);
}

function nodeWorkerHandle(worker: Worker): WorkerHandle {
  return {
    endpoint: nodeEndpoint(worker) as MessageEndpoint,
    onReady(listener) {
      const onMessage = (data: unknown) => {
        if (!isReadyMessage(data)) return;
        worker.off('message', onMessage);
        listener();
      };
      worker.on('message', onMessage);
    },
    onFailure(listener) {
      worker.on('error', (error) => listener(new Error(`the worker crashed (${error.message})`)));
      worker.on('messageerror', () => listener(new Error('a message could not be decoded')));
      worker.on('exit', (code) => listener(new Error(`the worker exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}

/** The number of CPUs Node may use. */
export function cpuCount(): number {
  return availableParallelism();
}

/** A simulation pool of Node worker threads; `terminate()` it when done, or the process stays alive. */
export function createNodeSimulationRunner(options: NodePoolOptions = {}): PooledSimulationRunner {
  const entry = options.entry ?? DEFAULT_ENTRY;
  return createPooledRunner(
    {
      ...options,
      workers: options.workers ?? cpuCount(),
      // A chunk takes a fraction of a second; a minute without an answer is a hung thread.
      stallTimeoutMs: options.stallTimeoutMs ?? 60_000,
    },
    () => nodeWorkerHandle(startThread(entry)),
  );
}
