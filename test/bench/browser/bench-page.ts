/**
 * The benchmark page: the whole simulation engine (runner, workers, merge, summaries in a worker)
 * measured from the main thread. test/bench/browser-bench.ts builds it with Vite and drives it.
 */
import { simulateBlock, type CompiledModel } from '../../../src/core/scenario/kernel';
import { sampleDetail } from '../../../src/core/scenario/model';
import { createSimulationRunner } from '../../../workers/simulation-runner';
import { decode } from '../model-codec';

export interface PageFigures {
  workers: number;
  startMs: number;
  /** Over PREVIEWS slider changes (each a new model): median and slowest 1k preview, median summary part. */
  previewMs: number;
  previewWorstMs: number;
  previewSummaryMs: number;
  previewSimulateMs: number;
  /** Median time from the slider change to the full 10k result. */
  previewFullMs: number;
  run10kMs: number;
  summarize10kMs: number;
  /** The bare kernel on the page's main thread, 10k runs, for comparison under the same load. */
  kernel10kMs: number;
  run100kMs: number;
  summarize100kMs: number;
  heapPeakMb: number;
  resultMb: number;
  /** A cancel during a 100k run: ms until its promise rejected, and until no worker computed for it. */
  cancelRejectMs: number;
  cancelStopMs: number;
}

interface MemoryInfo {
  usedJSHeapSize: number;
}

/** Peak main-thread JS heap while `fn` runs (sampled every 10 ms). */
async function withHeapPeak<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const memory = (performance as unknown as { memory?: MemoryInfo }).memory;
  let peak = memory?.usedJSHeapSize ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, memory?.usedJSHeapSize ?? 0)), 10);
  try {
    const value = await fn();
    peak = Math.max(peak, memory?.usedJSHeapSize ?? 0);
    return [value, peak];
  } finally {
    clearInterval(timer);
  }
}

type SmallFigures = Omit<PageFigures, 'run100kMs' | 'summarize100kMs' | 'heapPeakMb' | 'resultMb'>;

/** How fast a cancel lands: a 100k run cancelled at its first progress. */
async function cancelFigures(
  runner: ReturnType<typeof createSimulationRunner>,
  model: CompiledModel,
  seed: number,
): Promise<{ cancelRejectMs: number; cancelStopMs: number }> {
  let started!: () => void;
  const progressed = new Promise<void>((resolve) => (started = resolve));
  const pending = runner.run(model, { seed, runs: 100_000, onProgress: () => started() });
  await progressed;
  const t = performance.now();
  runner.cancel();
  await pending.catch(() => {});
  const cancelRejectMs = performance.now() - t;
  while (runner.busy > 0) await new Promise((resolve) => setTimeout(resolve, 1));
  return { cancelRejectMs, cancelStopMs: performance.now() - t };
}

/** Slider changes measured for the preview figures. */
const PREVIEWS = 7;

let state: { runner: ReturnType<typeof createSimulationRunner>; model: CompiledModel; seed: number } | null =
  null;

/** Part one: pool start, warm-up, a 1k preview then 10k, the bare kernel and a plain 10k run. */
async function small(encodedModel: unknown, workers: number, seed: number): Promise<SmallFigures> {
  const model = decode<CompiledModel>(encodedModel);
  const t0 = performance.now();
  const runner = createSimulationRunner({ workers });
  await runner.ready();
  const startMs = performance.now() - t0;
  // Warm the JIT in the workers, as a page would be after its first interaction.
  await runner.run(model, { seed: seed + 1, runs: 2000 });

  // Slider changes: each a new model object (as the page compiles one per change), a 1k preview then
  // the full 10k. Several, since one sample on a shared 2-core machine says little.
  const previews: { ms: number; summary: number; simulate: number; full: number }[] = [];
  for (let i = 0; i < PREVIEWS; i++) {
    const changed = structuredClone(model);
    const tp = performance.now();
    const row = { ms: 0, summary: 0, simulate: 0, full: 0 };
    for await (const r of runner.runProgressive(changed, {
      seed: seed + i,
      runs: 10_000,
      previewRuns: 1000,
    })) {
      if (r.phase === 'preview') {
        row.ms = performance.now() - tp;
        row.summary = r.timings.summarizeMs;
        row.simulate = r.timings.simulateMs;
      }
    }
    row.full = performance.now() - tp;
    previews.push(row);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const previewMs = median(previews.map((p) => p.ms));
  const previewWorstMs = Math.max(...previews.map((p) => p.ms));
  const previewSummaryMs = median(previews.map((p) => p.summary));
  const previewSimulateMs = median(previews.map((p) => p.simulate));
  const previewFullMs = median(previews.map((p) => p.full));

  simulateBlock(model, seed + 1, 0, 1000);
  const tk = performance.now();
  simulateBlock(model, seed, 0, 10_000, sampleDetail(10_000));
  const kernel10kMs = performance.now() - tk;

  const t10 = performance.now();
  // Only the timings are kept: the 10k result must not stay alive during the 100k run's memory peak.
  const summarize10kMs = (await runner.run(model, { seed, runs: 10_000 })).timings.summarizeMs;
  const run10kMs = performance.now() - t10;
  const cancel = await cancelFigures(runner, model, seed);

  state = { runner, model, seed };
  return {
    ...cancel,
    workers,
    startMs,
    previewMs,
    previewWorstMs,
    previewSummaryMs,
    previewSimulateMs,
    previewFullMs,
    run10kMs,
    summarize10kMs,
    kernel10kMs,
  };
}

/** One plain run of `runs` (summary included) whose result is dropped: for the memory it adds. */
async function once(runs: number): Promise<number> {
  if (!state) throw new Error('bench.small() first');
  const t = performance.now();
  await state.runner.run(state.model, { seed: state.seed, runs });
  return performance.now() - t;
}

/** Part two (the harness reads the renderer's memory in between): 100k runs, then the pool ends. */
async function large(): Promise<
  Pick<PageFigures, 'run100kMs' | 'summarize100kMs' | 'heapPeakMb' | 'resultMb'>
> {
  if (!state) throw new Error('bench.small() first');
  const { runner, model, seed } = state;
  state = null;
  const [big, heapPeak] = await withHeapPeak(async () => {
    const t = performance.now();
    const result = await runner.run(model, { seed, runs: 100_000 });
    return { result, ms: performance.now() - t };
  });
  const resultBytes = Object.values(big.result.block).reduce(
    (n, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0),
    0,
  );
  await runner.terminate();
  return {
    run100kMs: big.ms,
    summarize100kMs: big.result.timings.summarizeMs,
    heapPeakMb: heapPeak / 2 ** 20,
    resultMb: resultBytes / 2 ** 20,
  };
}

(window as unknown as { bench: unknown }).bench = { small, once, large };
document.title = 'ready';
