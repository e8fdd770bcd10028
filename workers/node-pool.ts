/**
 * A pool of Node worker threads for the CLI and the benchmark: the same planner, worker service and
 * merge as the browser runner, over node:worker_threads. Sized by the CPU count unless told otherwise.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import { RunBlockAssembler } from '../src/core/scenario/merge';
import { planRuns } from '../src/core/scenario/planner';
import { breakdownEvery } from '../src/core/scenario/model';
import type { ChunkDetail } from './simulation-service';
import type { NodeReply, NodeRequest } from './node-protocol';
import { CancelledError, SimulationWorkerError } from './simulation-errors';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Send = NodeRequest extends infer R ? (R extends NodeRequest ? Omit<R, 'id'> : never) : never;

const BOOT = new URL('./node-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./simulation.node-worker.ts', import.meta.url).href;

/** One worker thread with its pending requests; any exit or crash fails them all. */
class Thread {
  readonly worker: Worker;
  modelKey = -1;
  alive = true;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(
    readonly index: number,
    readonly stallTimeoutMs: number,
  ) {
    this.worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    this.worker.on('message', (reply: NodeReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
    });
    this.worker.on('error', (error) => this.#fail(new Error(`the worker crashed (${error.message})`)));
    this.worker.on('exit', (code) => this.#fail(new Error(`the worker exited with code ${code}`)));
  }

  /** Sends a request; a worker that has not answered after `stallTimeoutMs` counts as dead and is ended. */
  send(message: Send): Promise<unknown> {
    if (!this.alive) return Promise.reject(new Error('the worker is gone'));
    const id = this.#nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#fail(new Error(`the worker did not answer within ${this.stallTimeoutMs} ms`));
        void this.worker.terminate();
      }, this.stallTimeoutMs);
      const done = () => clearTimeout(timer);
      this.#pending.set(id, {
        resolve: (v) => (done(), resolve(v)),
        reject: (e) => (done(), reject(e)),
      });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Ends the thread now; it will not be used again. */
  dispose(): Promise<number> {
    this.alive = false;
    return this.worker.terminate();
  }

  #fail(error: Error): void {
    this.alive = false;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

export interface NodeRunOptions {
  seed: number;
  runs: number;
  /** Upper bound on runs per chunk (default: a quarter of a thread's share, at most 2000). */
  maxChunkRuns?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The Node counterpart of the browser runner, without supersession: one request at a time. */
export class NodeSimulationPool {
  readonly size: number;
  #threads: Thread[];
  #keys = new WeakMap<CompiledModel, number>();
  #nextKey = 1;
  #terminated = false;

  readonly #stallTimeoutMs: number;

  constructor(options: { workers?: number; stallTimeoutMs?: number } = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    // A chunk is at most 2,000 runs (well under a second): a minute without an answer is a hung thread.
    this.#stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
    this.#threads = Array.from({ length: this.size }, (_, i) => new Thread(i, this.#stallTimeoutMs));
  }

  /** Runs 0..runs-1 over the threads and returns them merged in run order. */
  async run(model: CompiledModel, options: NodeRunOptions): Promise<RunBlock> {
    if (this.#terminated) throw new CancelledError('terminated', 'The simulation pool has been terminated');
    const { seed, runs } = options;
    if (!Number.isSafeInteger(runs) || runs < 1)
      throw new RangeError(`runs must be an integer ≥ 1, got ${runs}`);
    let key = this.#keys.get(model);
    if (key === undefined) this.#keys.set(model, (key = this.#nextKey++));
    const share = Math.ceil(runs / this.size);
    const maxChunkRuns = options.maxChunkRuns ?? Math.max(1, Math.min(2000, Math.ceil(share / 4)));
    const plan = planRuns({ runs, workers: this.size, maxChunkRuns });
    const into = new RunBlockAssembler(0, runs);
    // Lever contributions, and the breakdown of about BREAKDOWN_ROWS runs, as the app's full results.
    const detail: ChunkDetail = { levers: true, breakdownEvery: breakdownEvery(runs) };
    let failed: Error | null = null;

    const lane = async (index: number) => {
      for (const chunk of plan.byLane[index]) {
        if (failed) return;
        let thread = this.#threads[index];
        if (!thread.alive) thread = this.#threads[index] = new Thread(index, this.#stallTimeoutMs);
        try {
          if (thread.modelKey !== key) {
            await thread.send({ type: 'setModel', key, model });
            thread.modelKey = key;
            if (failed) return;
          }
          const block = await thread.send({ type: 'simulate', key, seed, ...chunk, detail });
          into.add(block as RunBlock);
          options.onProgress?.(into.filled, runs);
        } catch (error) {
          failed ??= new SimulationWorkerError(index, chunk.runStart, chunk.runCount, error);
          void thread.dispose();
          throw failed;
        }
      }
    };
    // Every lane settles before the run does (a failing lane makes the others stop after their chunk in
    // flight): a lane of this run still waiting on a thread must not meet the next run there.
    await Promise.allSettled(plan.byLane.map((_, index) => lane(index)));
    if (failed) throw failed;
    return into.result();
  }

  /** Ends every thread; idempotent. */
  async terminate(): Promise<void> {
    if (this.#terminated) return;
    this.#terminated = true;
    await Promise.all(this.#threads.map((t) => t.dispose()));
  }
}
