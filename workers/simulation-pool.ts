/**
 * The simulation engine's pool, the same in the browser and in Node: worker handles (browser module
 * workers, or Node worker threads) behind Comlink, a pure planner whose chunks adapt to the measured
 * cost per run, results transferred back and assembled in run order, cancellation, supersession and
 * stall detection. One request at a time: a newer request supersedes the older one, whose promise
 * rejects with `SupersededError`, so no stale result is ever delivered. Runs no Worker of its own:
 * workers/simulation-runner.ts (browser) and workers/node-pool.ts (Node) say how to start one.
 */
import * as Comlink from 'comlink';
import type { CompiledModel, RunBlock } from '../src/core/scenario/kernel';
import { leverPartOf, type SimulationSummary } from '../src/core/scenario/summary';
import { chunkRunsFor, laneRanges, nextChunk, type RunRange } from '../src/core/scenario/planner';
import { RunBlockAssembler } from '../src/core/scenario/merge';
import { sampleDetail } from '../src/core/scenario/model';
import { CancelledError, SimulationWorkerError, SupersededError } from './simulation-errors';
import type {
  KeptField,
  KeptRuns,
  PooledSimulationRunner,
  PoolOptions,
  ProgressiveOptions,
  ResultOf,
  RunOptions,
  SimulationResult,
} from './simulation-api';
import type { SimulationWorkerApi } from './simulation-worker-api';
import type { ChunkDetail } from './simulation-service';
import { sidePartBuffers, transferablesOf } from './transfer';
import { Request, Slot, type SlotTimeouts, type WorkerHandle } from './worker-slot';

type Remote = Comlink.Remote<SimulationWorkerApi>;

/** Creates a pool whose worker `index` is started by `create`. */
export function createPooledRunner(
  options: PoolOptions,
  create: (index: number) => WorkerHandle,
): PooledSimulationRunner {
  return new PooledRunner(options, create);
}

class PooledRunner implements PooledSimulationRunner {
  readonly size: number;
  #slots: Slot<Remote>[];
  #create: (index: number) => WorkerHandle;
  #chunkTargetMs: number;
  #hardCancelMs: number;
  #timeouts: SlotTimeouts;
  #current: Request | null = null;
  #terminated = false;
  #keys = new WeakMap<CompiledModel, number>();
  #nextKey = 1;
  /** Ids of results put together in a worker (RunOptions.keep). */
  #nextCollect = 1;
  /** Measured cost per run of each model, with lever contributions and breakdown [0] and without (a preview) [1]. */
  #msPerRun = new WeakMap<CompiledModel, [number, number]>();
  #lastMsPerRun: [number, number] = [Number.NaN, Number.NaN];

  constructor(options: PoolOptions, create: (index: number) => WorkerHandle) {
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
    this.size = Math.max(1, Math.min(16, Math.floor(options.workers ?? (cores || 2))));
    this.#create = create;
    this.#chunkTargetMs = options.chunkTargetMs ?? 40;
    this.#hardCancelMs = options.hardCancelMs ?? 150;
    this.#timeouts = {
      stallTimeoutMs: options.stallTimeoutMs ?? 30_000,
      bootTimeoutMs: options.bootTimeoutMs ?? 120_000,
    };
    this.#slots = Array.from({ length: this.size }, (_, i) => this.#spawn(i));
  }

  get busy(): number {
    return this.#slots.filter((slot) => slot.busy > 0).length;
  }

  #spawn(index: number): Slot<Remote> {
    const handle = this.#create(index);
    const remote = Comlink.wrap<SimulationWorkerApi>(handle.endpoint as Comlink.Endpoint);
    return new Slot(index, handle, remote, this.#timeouts);
  }

  #replace(slot: Slot<Remote>, why: Error): void {
    slot.kill(why);
    if (!this.#terminated && this.#slots[slot.index] === slot)
      this.#slots[slot.index] = this.#spawn(slot.index);
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

  /**
   * Runs [runStart, runStart + runs) into `into`, reporting progress; rejects when the request stops.
   * Without `detail` the chunks leave the lever contributions and the breakdown out (a preview).
   */
  async #simulate(
    request: Request,
    model: CompiledModel,
    seed: number,
    runStart: number,
    runs: number,
    detail: ChunkDetail,
    into: RunBlockAssembler | Collection,
    report: (done: number) => void,
  ): Promise<void> {
    const key = this.#keyOf(model);
    let done = 0;
    const count = (n: number) => {
      done += n;
      report(done);
    };
    if (into instanceof RunBlockAssembler) {
      const lanes = laneRanges(runs, this.size, runStart).map((range, lane) =>
        this.#runLane(request, lane, chunksOf(range), model, key, seed, detail, {
          accept: (block) => {
            into.add(block);
            count(block.runCount);
            return true;
          },
        }),
      );
      await Promise.race([Promise.all(lanes), request.stopped]);
      return;
    }
    // Put together in worker 0: its own chunks go straight in, the other workers' are handed over
    // (transferred through here, never read here) and their buffers come back for the next chunk.
    const { id } = into;
    await this.#call(COLLECTOR, request, (slot) => slot.remote.collectStart(id, runStart, runs));
    const handovers: Promise<void>[] = [];
    // The workers share the runs chunk by chunk (no fixed lanes): worker 0 also copies the others'
    // chunks in, so it does fewer runs and no worker waits idle for another at the end.
    const take = chunksOf({ runStart, runCount: runs });
    const lanes = this.#slots.map((_, lane) =>
      lane === COLLECTOR
        ? this.#runLane(request, lane, take, model, key, seed, detail, { collectedIn: id, count })
        : this.#runLane(request, lane, take, model, key, seed, detail, {
            accept: (block, giveBack) => {
              const n = block.runCount;
              const handover = this.#call(COLLECTOR, request, (slot) =>
                slot.remote.collectAdd(id, Comlink.transfer(block, transferablesOf(block))),
              ).then((buffer) => {
                giveBack(buffer);
                count(n);
              });
              handover.catch(() => {});
              handovers.push(handover);
              return false;
            },
          }),
    );
    await Promise.race([Promise.all(lanes), request.stopped]);
    await Promise.race([Promise.all(handovers), request.stopped]);
  }

  async #runLane(
    request: Request,
    lane: number,
    take: ChunkSource,
    model: CompiledModel,
    key: number,
    seed: number,
    detail: ChunkDetail,
    sink: LaneSink,
  ): Promise<void> {
    const kind = detail.leverEvery > 0 ? 0 : 1;
    // The last chunk's buffer, once copied into the result, goes back to the worker for the next chunk:
    // without it every chunk would leave its buffer as garbage, up to the size of the whole result
    // before the collector runs.
    let spare: ArrayBuffer | null = null;
    for (;;) {
      if (request.reason) return;
      // Sized anew each time from the cost measured so far, so chunks stay near the target time.
      const chunk = take(this.#chunkRuns(model, kind));
      if (!chunk) return;
      let block: RunBlock | null;
      try {
        block = await this.#call(lane, request, async (slot) => {
          await this.#ensureModel(slot, model, key);
          const started = performance.now();
          const slab = spare;
          spare = null;
          let result: RunBlock | null = null;
          if ('collectedIn' in sink)
            await slot.remote.simulateInto(
              sink.collectedIn,
              key,
              seed,
              chunk.runStart,
              chunk.runCount,
              detail,
            );
          else
            result = await slot.remote.simulate(
              key,
              seed,
              chunk.runStart,
              chunk.runCount,
              detail,
              slab ? Comlink.transfer(slab, [slab]) : undefined,
            );
          this.#learn(model, kind, (performance.now() - started) / chunk.runCount);
          return result;
        });
      } catch (error) {
        if (request.reason) return; // already stopped
        const failure = new SimulationWorkerError(lane, chunk.runStart, chunk.runCount, error);
        request.abort(failure);
        throw failure;
      }
      if (request.reason) return; // a stale chunk: dropped
      if ('collectedIn' in sink) sink.count(chunk.runCount);
      else if (block && sink.accept(block, (buffer) => (spare ??= buffer))) spare = slabOf(block);
    }
  }

  /**
   * Calls worker `index` after its queued calls. A call that was waiting on a worker killed by the hard
   * cancel of an older request runs again on the replacement; a worker that fails is replaced.
   */
  async #call<T>(index: number, owner: Request | null, fn: (slot: Slot<Remote>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const slot = this.#slots[index];
      try {
        return await slot.call(owner, () => fn(slot));
      } catch (error) {
        if (owner?.reason) throw owner.reason;
        if (error instanceof CancelledError) {
          if (error.reason !== 'terminated' && !this.#terminated && attempt < 3) continue;
          throw error;
        }
        this.#replace(slot, error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    }
  }

  async #ensureModel(slot: Slot<Remote>, model: CompiledModel, key: number): Promise<void> {
    if (slot.modelKey === key) return;
    await slot.remote.setModel(key, model);
    slot.modelKey = key;
  }

  #learn(model: CompiledModel, kind: 0 | 1, msPerRun: number): void {
    let costs = this.#msPerRun.get(model);
    if (!costs) this.#msPerRun.set(model, (costs = [Number.NaN, Number.NaN]));
    const before = costs[kind];
    costs[kind] = Number.isNaN(before) ? msPerRun : 0.7 * before + 0.3 * msPerRun;
    this.#lastMsPerRun[kind] = costs[kind];
  }

  /**
   * Runs per chunk for the target time. A new model starts from the last model's cost; a preview with
   * no cost measured yet from the cost with contributions (an overestimate: chunks a little short);
   * with nothing measured at all, a small probe.
   */
  #chunkRuns(model: CompiledModel, kind: 0 | 1): number {
    const known = this.#msPerRun.get(model) ?? [Number.NaN, Number.NaN];
    const last = this.#lastMsPerRun;
    const cost = [known[kind], last[kind], known[0], last[0]].find((c) => !Number.isNaN(c)) ?? Number.NaN;
    return chunkRunsFor(cost, { targetMs: this.#chunkTargetMs, fallback: 64 });
  }

  /**
   * Calls worker `index` once it holds the model; a failure names the worker and the runs (`runs`) the
   * call was about.
   */
  async #callWithModel<T>(
    request: Request | null,
    model: CompiledModel,
    runs: { runStart: number; runCount: number },
    index: number,
    fn: (slot: Slot<Remote>) => Promise<T>,
  ): Promise<T> {
    const key = this.#keyOf(model);
    try {
      return await this.#call(index, request, async (slot) => {
        await this.#ensureModel(slot, model, key);
        return fn(slot);
      });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      throw new SimulationWorkerError(index, runs.runStart, runs.runCount, error);
    }
  }

  /**
   * Summarizes a block in the least busy worker. With two workers or more, the lever summaries (the
   * largest array, half the work) go to a second worker at the same time: each worker receives only
   * the buffers it reads (transferred, never copied) and the results are joined here.
   */
  async #summarizeIn(
    request: Request | null,
    model: CompiledModel,
    block: RunBlock,
    seed: number,
    preview = false,
  ): Promise<{ summary: SimulationSummary; block: RunBlock }> {
    const key = this.#keyOf(model);
    const order = this.#slots
      .map((s) => s.index)
      .sort((a, b) => this.#slots[a].busy - this.#slots[b].busy || a - b);
    const call = <T>(index: number, fn: (slot: Slot<Remote>) => Promise<T>) =>
      this.#callWithModel(request, model, block, index, fn);
    const levers = block.leverContribution;
    const ownBuffer = !Object.entries(block).some(
      ([k, v]) => k !== 'leverContribution' && ArrayBuffer.isView(v) && v.buffer === levers.buffer,
    );
    if (order.length < 2 || block.nLevers === 0 || levers.length === 0 || !ownBuffer) {
      return call(order[0], (slot) =>
        slot.remote.summarize(key, Comlink.transfer(block, transferablesOf(block)), seed, false, preview),
      );
    }
    // The placeholder keeps the field (and its place among the keys) in the block sent for the rest.
    const rest: RunBlock = { ...block, leverContribution: new Float32Array(0) };
    const part = leverPartOf(block);
    const [main, side] = await Promise.all([
      call(order[0], (slot) =>
        slot.remote.summarize(key, Comlink.transfer(rest, transferablesOf(rest)), seed, true),
      ),
      call(order[1], (slot) =>
        slot.remote.summarizeLevers(key, Comlink.transfer(part, [levers.buffer as ArrayBuffer])),
      ),
    ]);
    main.summary.lever_contribution = side.levers;
    return {
      summary: main.summary,
      block: { ...main.block, leverContribution: side.part!.leverContribution },
    };
  }

  /**
   * Ends a result put together in worker 0: its summary there, the lever summaries (half the work) at
   * the same time in worker 1 when there is one, and the arrays to keep transferred out.
   */
  async #finishCollection(
    request: Request,
    model: CompiledModel,
    collection: Collection,
    seed: number,
    summarize: boolean,
    keep: readonly KeptField[],
  ): Promise<{ summary: SimulationSummary | null; kept: Record<string, Float32Array | Float64Array> }> {
    const key = this.#keyOf(model);
    const { id } = collection;
    const call = <T>(index: number, fn: (slot: Slot<Remote>) => Promise<T>) =>
      this.#callWithModel(request, model, collection, index, fn);
    // A preview (no lever contributions) leaves the sensitivity tables out (ProgressiveOptions).
    if (!summarize || this.#slots.length < 2 || !collection.levers) {
      return call(COLLECTOR, (slot) =>
        slot.remote.collectFinish(id, key, seed, keep, summarize, !collection.levers),
      );
    }
    const part = await call(COLLECTOR, (slot) => slot.remote.takeSide(id, key));
    const [main, side] = await Promise.all([
      call(COLLECTOR, (slot) => slot.remote.collectFinish(id, key, seed, keep, true, true)),
      call(SIDE, (slot) => slot.remote.summarizeSide(key, Comlink.transfer(part, sidePartBuffers(part)))),
    ]);
    if (main.summary) {
      main.summary.lever_contribution = side.levers;
      main.summary.sensitivity = side.sensitivity.sensitivity;
      main.summary.sensitivity_groups = side.sensitivity.sensitivity_groups;
    }
    // The side part's memory goes back to worker 0 for its next collection (not waited for).
    for (const spent of side.spent) {
      void this.#slots[COLLECTOR]?.remote.recycle(Comlink.transfer(spent, [spent])).catch(() => undefined);
    }
    return main;
  }

  /** Summarizes (if asked) and packages a finished block, unless the request stopped meanwhile. */
  async #complete(
    request: Request,
    model: CompiledModel,
    block: RunBlock | Collection,
    phase: SimulationResult['phase'],
    options: RunOptions,
    startedAt: number,
    simulateMs: number,
  ): Promise<SimulationResult> {
    if (!(block instanceof Collection))
      return this.#completeBlock(request, model, block, phase, options, startedAt, simulateMs);
    const keep = phase === 'full' ? (options.keep ?? []) : [];
    const summarizeStart = performance.now();
    const done = await Promise.race([
      this.#finishCollection(request, model, block, options.seed, options.summarize ?? true, keep),
      request.stopped,
    ]);
    if (request.reason) throw request.reason;
    const now = performance.now();
    const timings = { simulateMs, summarizeMs: now - summarizeStart, totalMs: now - startedAt };
    const kept: KeptRuns | null =
      phase === 'full'
        ? {
            runStart: block.runStart,
            runCount: block.runCount,
            nYears: model.nYears,
            years: Int32Array.from(model.years),
            arrays: done.kept,
          }
        : null;
    return {
      phase,
      seed: options.seed,
      runs: block.runCount,
      workers: this.size,
      block: null,
      kept,
      summary: done.summary,
      timings,
    };
  }

  async #completeBlock(
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
      ({ summary, block } = await Promise.race([
        this.#summarizeIn(request, model, block, options.seed, phase === 'preview'),
        request.stopped,
      ]));
    }
    if (request.reason) throw request.reason;
    const now = performance.now();
    const timings = { simulateMs, summarizeMs: now - summarizeStart, totalMs: now - startedAt };
    return {
      phase,
      seed: options.seed,
      runs: block.runCount,
      workers: this.size,
      block,
      kept: null,
      summary,
      timings,
    };
  }

  /**
   * Runs 0..runs − 1 with their detail (lever contributions, the breakdown of every K-th run) and
   * summarizes them: a full result. `startedAt` is the request's start, for the timings.
   */
  async #full(
    request: Request,
    model: CompiledModel,
    options: RunOptions,
    startedAt: number,
  ): Promise<SimulationResult> {
    const { runs, seed } = options;
    const into = this.#into(options, 0, runs, true);
    const report = (done: number) =>
      options.onProgress?.({ phase: 'full', done, total: runs, elapsedMs: performance.now() - startedAt });
    await this.#simulate(request, model, seed, 0, runs, fullDetail(runs), into, report);
    const simulateMs = performance.now() - startedAt;
    const block = into instanceof RunBlockAssembler ? into.result() : into;
    return this.#complete(request, model, block, 'full', options, startedAt, simulateMs);
  }

  /** Where a phase's runs are put together: here (a block), or in worker 0 with RunOptions.keep. */
  #into(
    options: RunOptions,
    runStart: number,
    runs: number,
    levers: boolean,
  ): RunBlockAssembler | Collection {
    return options.keep
      ? new Collection(this.#nextCollect++, runStart, runs, levers)
      : new RunBlockAssembler(runStart, runs);
  }

  async run<O extends RunOptions>(model: CompiledModel, options: O): Promise<ResultOf<O>> {
    checkRuns(options.runs);
    const request = this.#begin(options.signal);
    try {
      return (await this.#full(request, model, options, performance.now())) as ResultOf<O>;
    } finally {
      this.#end(request);
    }
  }

  async *runProgressive<O extends ProgressiveOptions>(
    model: CompiledModel,
    options: O,
  ): AsyncGenerator<ResultOf<O>, void, undefined> {
    checkRuns(options.runs);
    const { runs, seed } = options;
    const first = Math.min(Math.max(1, Math.floor(options.previewRuns ?? 1000)), runs);
    const request = this.#begin(options.signal);
    let finished = false;
    try {
      const startedAt = performance.now();
      if (first < runs) {
        // The preview leaves the lever contributions and the breakdown out (about a third less kernel time).
        const head = this.#into(options, 0, first, false);
        const report = (done: number) =>
          options.onProgress?.({
            phase: 'preview',
            done,
            total: first,
            elapsedMs: performance.now() - startedAt,
          });
        await this.#simulate(request, model, seed, 0, first, PREVIEW, head, report);
        const simulateMs = performance.now() - startedAt;
        const preview = await this.#complete(
          request,
          model,
          head instanceof RunBlockAssembler ? head.result() : head,
          'preview',
          options,
          startedAt,
          simulateMs,
        );
        yield preview as ResultOf<O>;
        // The full sample runs every run again with its detail (the preview's runs too: since run r
        // depends on (seed, r) alone, their other outputs come out the same). It starts when the
        // consumer asks for it, so a page can first draw the preview without the workers taking the
        // cores from it; a request superseded meanwhile goes no further.
        if (request.reason) throw request.reason;
        const full = await this.#full(request, model, options, startedAt);
        finished = true;
        this.#end(request);
        yield full as ResultOf<O>;
      } else {
        const full = await this.#full(request, model, options, startedAt);
        finished = true;
        this.#end(request);
        yield full as ResultOf<O>;
      }
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
    await this.workerStats();
  }

  async workerStats() {
    return Promise.all(this.#slots.map((_, i) => this.#call(i, null, (slot) => slot.remote.stats())));
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

/**
 * Where a lane's finished chunks go: into the collection `collectedIn` of the lane's own worker (only
 * their run count comes here), or to `accept` as blocks transferred here; `giveBack` hands a buffer
 * to the lane for its next chunk, and `accept` returns true when the block has been copied and its
 * buffer is free for the lane's next chunk at once.
 */
type LaneSink =
  | { collectedIn: number; count: (runs: number) => void }
  | { accept: (block: RunBlock, giveBack: (buffer: ArrayBuffer | null) => void) => boolean };

/** Hands out the next chunk of at most `maxRuns` runs, or null when every run has been handed out. */
type ChunkSource = (maxRuns: number) => RunRange | null;

/** The chunks of a range, in order: one worker's lane, or a range all workers take from (whoever is free). */
function chunksOf(range: RunRange): ChunkSource {
  let done = 0;
  return (maxRuns) => {
    if (done >= range.runCount) return null;
    const chunk = nextChunk(range, done, maxRuns);
    done += chunk.runCount;
    return chunk;
  };
}

/** The worker that puts together the results kept off the caller's thread (RunOptions.keep). */
const COLLECTOR = 0;
/** The worker that computes a collected result's side part of the summary (levers, sensitivity). */
const SIDE = 1;

/** A result being put together in worker COLLECTOR: its id there and its runs. */
class Collection {
  constructor(
    readonly id: number,
    readonly runStart: number,
    readonly runCount: number,
    /** Whether its chunks carry lever contributions (a full sample's do, a preview's do not). */
    readonly levers: boolean,
  ) {}
}

/** A preview's chunks: no lever contributions, no breakdown. */
const PREVIEW: ChunkDetail = { leverEvery: 0, breakdownEvery: 0 };

/** A full sample's chunks: lever contributions and costs of at most LEVER_ROWS runs, the breakdown of about BREAKDOWN_ROWS. */
const fullDetail = (runs: number): ChunkDetail => sampleDetail(runs);

/** The buffer behind a kernel block's arrays (all views of one buffer), free to reuse once copied. */
function slabOf(block: RunBlock): ArrayBuffer | null {
  const buffer = block.gross.buffer;
  return buffer instanceof ArrayBuffer && buffer.byteLength > 0 ? buffer : null;
}

function checkRuns(runs: number): void {
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new RangeError(`runs must be an integer ≥ 1, got ${runs}`);
}
