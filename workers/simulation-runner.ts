/**
 * The main-thread facade of the simulation engine: a pool of module workers (the only place
 * `Comlink.wrap` is used for them), a pure planner for the work, results transferred back and
 * assembled in run order. One request at a time: a newer request supersedes the older one, whose
 * promise rejects with `SupersededError`, so no stale result is ever delivered.
 */
import * as Comlink from 'comlink';
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import type { SimulationSummary } from '../src/core/scenario/summary';
import { chunkRunsFor, planRuns, type PlannedChunk } from '../src/core/scenario/planner';
import { RunBlockAssembler } from '../src/core/scenario/merge';
import { CancelledError, SimulationWorkerError, SupersededError } from './simulation-errors';
import type { SimulationWorkerApi } from './simulation.worker';
import { transferablesOf } from './transfer';

export { CancelledError, SimulationWorkerError, SupersededError, isCancellation } from './simulation-errors';

export interface RunnerOptions {
  /** Pool size; default `navigator.hardwareConcurrency` (1–16). */
  workers?: number;
  /** Makes worker `index`; default the bundled simulation worker. Tests pass other workers here. */
  createWorker?: (index: number) => Worker;
  /** Target time of one chunk in ms (default 40): the granularity of progress and cancellation. */
  chunkTargetMs?: number;
  /** After a cancel, a worker still busy with the old request this long (ms) is replaced (default 150). */
  hardCancelMs?: number;
  /** A chunk that has not answered after this long (ms) counts as a dead worker (default 30 000). */
  stallTimeoutMs?: number;
}

export interface SimulationProgress {
  phase: 'preview' | 'full';
  /** Runs finished, out of `total` (in a progressive request, the preview counts towards the full total). */
  done: number;
  total: number;
  elapsedMs: number;
}

export interface RunOptions {
  seed: number;
  runs: number;
  /** Summarize in a worker (default true); otherwise `summary` is null. */
  summarize?: boolean;
  onProgress?: (progress: SimulationProgress) => void;
  signal?: AbortSignal;
}

export interface ProgressiveOptions extends RunOptions {
  /** Runs in the preview (default 1000); the full result reuses them, since run r depends on (seed, r) alone. */
  previewRuns?: number;
}

export interface SimulationResult {
  phase: 'preview' | 'full';
  seed: number;
  runs: number;
  workers: number;
  block: RunBlock;
  summary: SimulationSummary | null;
  timings: { simulateMs: number; summarizeMs: number; totalMs: number };
}

export interface SimulationRunner {
  /** Number of workers in the pool. */
  readonly size: number;
  /** Resolves once every worker has loaded. */
  ready(): Promise<void>;
  /** Runs 0..runs-1; supersedes any request in flight. */
  run(model: CompiledModel, options: RunOptions): Promise<SimulationResult>;
  /** Yields a preview (the first `previewRuns` runs), then the full result; supersedes any request in flight. */
  runProgressive(model: CompiledModel, options: ProgressiveOptions): AsyncGenerator<SimulationResult, void, undefined>;
  /** Summarizes a block in a worker; `block` is transferred (detached here) and handed back with the summary. */
  summarize(model: CompiledModel, block: RunBlock, seed: number): Promise<{ summary: SimulationSummary; block: RunBlock }>;
  /** Stops the request in flight (its promise rejects with `CancelledError`); the pool stays usable. */
  cancel(): void;
  /** Stops everything and ends the workers; idempotent. */
  terminate(): Promise<void>;
  /** Diagnostics from each worker (chunks computed; bytes still visible of the last block sent: 0 once transferred). */
  workerStats(): Promise<{ chunks: number; lastSentBytes: number }[]>;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

/** One request's life: aborted once, by a cancellation or by the first failure. */
class Request {
  reason: Error | null = null;
  readonly stopped: Promise<never>;
  #reject!: (reason: Error) => void;
  constructor() {
    this.stopped = new Promise<never>((_, reject) => (this.#reject = reject));
    this.stopped.catch(() => {});
  }
  abort(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.#reject(reason);
  }
}

/** One worker, its Comlink proxy, and a queue so calls run one after another. */
class Slot {
  readonly remote: Comlink.Remote<SimulationWorkerApi>;
  modelKey = -1;
  busy = 0;
  owner: Request | null = null;
  #tail: Promise<unknown> = Promise.resolve();
  #dead: Promise<never>;
  #kill!: (error: Error) => void;
  #alive = true;

  constructor(
    readonly index: number,
    readonly worker: Worker,
    readonly stallTimeoutMs: number,
  ) {
    this.remote = Comlink.wrap<SimulationWorkerApi>(worker);
    this.#dead = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#dead.catch(() => {});
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.kill(new Error(`the worker crashed (${event.message || 'no message'})`));
    });
    worker.addEventListener('messageerror', () => this.kill(new Error('a message could not be decoded')));
  }

  /** Runs `fn` after the calls queued before it; rejects if the worker dies or stalls first. */
  call<T>(owner: Request | null, fn: (remote: Comlink.Remote<SimulationWorkerApi>) => Promise<T>): Promise<T> {
    const run = this.#tail.then(() => {
      this.busy++;
      this.owner = owner;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stall = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`the worker did not answer within ${this.stallTimeoutMs} ms`);
          this.kill(error);
          reject(error);
        }, this.stallTimeoutMs);
      });
      return Promise.race([fn(this.remote), this.#dead, stall]).finally(() => {
        clearTimeout(timer);
        this.busy--;
      });
    });
    this.#tail = run.catch(() => {});
    return run;
  }

  kill(error: Error): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#kill(error);
    this.worker.terminate();
  }
}

/** Creates a simulation runner with its worker pool. */
export function createSimulationRunner(options: RunnerOptions = {}): SimulationRunner {
  return new PooledRunner(options);
}

class PooledRunner implements SimulationRunner {
  readonly size: number;
  #slots: Slot[];
  #create: (index: number) => Worker;
  #chunkTargetMs: number;
  #hardCancelMs: number;
  #stallTimeoutMs: number;
  #current: Request | null = null;
  #terminated = false;
  #keys = new WeakMap<CompiledModel, number>();
  #nextKey = 1;
  #msPerRun = new WeakMap<CompiledModel, number>();

  constructor(options: RunnerOptions) {
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
    this.size = Math.max(1, Math.min(16, Math.floor(options.workers ?? (cores || 2))));
    this.#create = options.createWorker ?? defaultWorker;
    this.#chunkTargetMs = options.chunkTargetMs ?? 40;
    this.#hardCancelMs = options.hardCancelMs ?? 150;
    this.#stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
    this.#slots = Array.from({ length: this.size }, (_, i) => this.#spawn(i));
  }

  #spawn(index: number): Slot {
    return new Slot(index, this.#create(index), this.#stallTimeoutMs);
  }

  #replace(slot: Slot, why: Error): void {
    slot.kill(why);
    if (!this.#terminated && this.#slots[slot.index] === slot) this.#slots[slot.index] = this.#spawn(slot.index);
  }

  #keyOf(model: CompiledModel): number {
    let key = this.#keys.get(model);
    if (key === undefined) this.#keys.set(model, (key = this.#nextKey++));
    return key;
  }

  #begin(signal: AbortSignal | undefined): Request {
    if (this.#terminated) throw new CancelledError('terminated', 'The simulation runner has been terminated');
    if (this.#current) this.#abort(this.#current, new SupersededError());
    const request = new Request();
    this.#current = request;
    if (signal) {
      const onAbort = () => this.#abort(request, new CancelledError('cancelled'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    return request;
  }

  #end(request: Request): void {
    if (this.#current === request) this.#current = null;
  }

  #abort(request: Request, reason: CancelledError): void {
    if (request.reason) return;
    request.abort(reason);
    // Chunks are short, so workers normally finish theirs at once; one that does not is replaced.
    setTimeout(() => {
      for (const slot of this.#slots) {
        if (slot.busy > 0 && slot.owner === request) this.#replace(slot, reason);
      }
    }, this.#hardCancelMs);
  }

  /** Runs [runStart, runStart + runs) into `into`, reporting progress; rejects when the request stops. */
  async #simulate(
    request: Request,
    model: CompiledModel,
    seed: number,
    runStart: number,
    runs: number,
    into: RunBlockAssembler,
    report: (done: number) => void,
  ): Promise<void> {
    const key = this.#keyOf(model);
    const maxChunkRuns = chunkRunsFor(this.#msPerRun.get(model) ?? Number.NaN, { targetMs: this.#chunkTargetMs });
    const plan = planRuns({ runs, workers: this.size, maxChunkRuns, runStart });
    let done = 0;
    const lanes = plan.byLane.map((chunks, lane) =>
      this.#runLane(request, lane, chunks, model, key, seed, (block) => {
        into.add(block);
        done += block.runCount;
        report(done);
      }),
    );
    await Promise.race([Promise.all(lanes), request.stopped]);
  }

  async #runLane(
    request: Request,
    lane: number,
    chunks: PlannedChunk[],
    model: CompiledModel,
    key: number,
    seed: number,
    accept: (block: RunBlock) => void,
  ): Promise<void> {
    for (const chunk of chunks) {
      if (request.reason) return;
      const slot = this.#slots[lane];
      let block: RunBlock;
      try {
        block = await slot.call(request, async (remote) => {
          if (slot.modelKey !== key) {
            await remote.setModel(key, model);
            slot.modelKey = key;
          }
          const started = performance.now();
          const result = await remote.simulate(key, seed, chunk.runStart, chunk.runCount);
          this.#learn(model, (performance.now() - started) / chunk.runCount);
          return result;
        });
      } catch (error) {
        if (request.reason) return; // already stopped; a hard cancel may have killed this worker
        const failure = new SimulationWorkerError(lane, chunk.runStart, chunk.runCount, error);
        this.#replace(slot, failure);
        request.abort(failure);
        throw failure;
      }
      if (request.reason) return; // a stale chunk: dropped
      accept(block);
    }
  }

  #learn(model: CompiledModel, msPerRun: number): void {
    const before = this.#msPerRun.get(model);
    this.#msPerRun.set(model, before === undefined ? msPerRun : 0.7 * before + 0.3 * msPerRun);
  }

  async #summarizeIn(request: Request | null, model: CompiledModel, block: RunBlock, seed: number) {
    const key = this.#keyOf(model);
    const slot = this.#slots.reduce((best, s) => (s.busy < best.busy ? s : best));
    try {
      return await slot.call(request, async (remote) => {
        if (slot.modelKey !== key) {
          await remote.setModel(key, model);
          slot.modelKey = key;
        }
        return remote.summarize(key, Comlink.transfer(block, transferablesOf(block)), seed);
      });
    } catch (error) {
      if (request?.reason) throw request.reason;
      const failure = new SimulationWorkerError(slot.index, block.runStart, block.runCount, error);
      this.#replace(slot, failure);
      throw failure;
    }
  }

  /** Summarizes (if asked) and packages a finished block, unless the request stopped meanwhile. */
  async #complete(
    request: Request,
    model: CompiledModel,
    block: RunBlock,
    phase: SimulationResult['phase'],
    options: RunOptions,
    startedAt: number,
    simulateMs: number,
  ): Promise<SimulationResult> {
    let summary: SimulationSummary | null = null;
    const summarizeStart = performance.now();
    if (options.summarize ?? true) {
      ({ summary, block } = await Promise.race([this.#summarizeIn(request, model, block, options.seed), request.stopped]));
    }
    if (request.reason) throw request.reason;
    const now = performance.now();
    const timings = { simulateMs, summarizeMs: now - summarizeStart, totalMs: now - startedAt };
    return { phase, seed: options.seed, runs: block.runCount, workers: this.size, block, summary, timings };
  }

  async run(model: CompiledModel, options: RunOptions): Promise<SimulationResult> {
    checkRuns(options.runs);
    const request = this.#begin(options.signal);
    try {
      const startedAt = performance.now();
      const into = new RunBlockAssembler(0, options.runs);
      const report = (done: number) =>
        options.onProgress?.({ phase: 'full', done, total: options.runs, elapsedMs: performance.now() - startedAt });
      await this.#simulate(request, model, options.seed, 0, options.runs, into, report);
      const simulateMs = performance.now() - startedAt;
      return await this.#complete(request, model, into.result(), 'full', options, startedAt, simulateMs);
    } finally {
      this.#end(request);
    }
  }

  async *runProgressive(model: CompiledModel, options: ProgressiveOptions) {
    checkRuns(options.runs);
    const { runs, seed } = options;
    const first = Math.min(Math.max(1, Math.floor(options.previewRuns ?? 1000)), runs);
    const request = this.#begin(options.signal);
    let finished = false;
    try {
      const startedAt = performance.now();
      const progress = (phase: SimulationResult['phase'], base: number) => (done: number) =>
        options.onProgress?.({ phase, done: base + done, total: runs, elapsedMs: performance.now() - startedAt });
      const phase = first < runs ? 'preview' : 'full';
      const head = new RunBlockAssembler(0, first);
      await this.#simulate(request, model, seed, 0, first, head, progress(phase, 0));
      const preview = await this.#complete(request, model, head.result(), phase, options, startedAt, performance.now() - startedAt);
      if (first === runs) {
        finished = true;
        yield preview;
        return;
      }
      // Start the rest before handing the preview over, so the full result does not wait for the consumer.
      const whole = new RunBlockAssembler(0, runs);
      whole.add(preview.block);
      const restStart = performance.now();
      const rest = this.#simulate(request, model, seed, first, runs - first, whole, progress('full', first)).then(() =>
        this.#complete(request, model, whole.result(), 'full', options, restStart, performance.now() - restStart),
      );
      rest.catch(() => {});
      yield preview;
      const full = await rest;
      finished = true;
      yield full;
    } finally {
      // A consumer that stops iterating early cancels the rest.
      if (!finished && this.#current === request) this.#abort(request, new CancelledError('cancelled'));
      this.#end(request);
    }
  }

  async summarize(model: CompiledModel, block: RunBlock, seed: number) {
    if (this.#terminated) throw new CancelledError('terminated', 'The simulation runner has been terminated');
    return this.#summarizeIn(null, model, block, seed);
  }

  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.call(null, (remote) => remote.stats())));
  }

  async workerStats() {
    return Promise.all(this.#slots.map((slot) => slot.call(null, (remote) => remote.stats())));
  }

  cancel(): void {
    if (this.#current) this.#abort(this.#current, new CancelledError('cancelled'));
  }

  async terminate(): Promise<void> {
    if (this.#terminated) return;
    this.#terminated = true;
    const reason = new CancelledError('terminated', 'The simulation runner has been terminated');
    this.#current?.abort(reason);
    this.#current = null;
    for (const slot of this.#slots) slot.kill(reason);
  }
}

function checkRuns(runs: number): void {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`runs must be an integer ≥ 1, got ${runs}`);
}
