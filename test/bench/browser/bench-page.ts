/**
 * The benchmark page: the whole simulation engine (runner, workers, merge, summaries in a worker)
 * measured from the main thread. test/bench/browser-bench.ts builds it with Vite and drives it.
 */
import { simulateBlock, type CompiledModel } from '../../../src/core/scenario/kernel';
import { createSimulationRunner } from '../../../workers/simulation-runner';
import { decode } from '../model-codec';

export interface PageFigures {
  workers: number;
  startMs: number;
  previewMs: number;
  previewSummaryMs: number;
  previewSimulateMs: number;
  previewFullMs: number;
  run10kMs: number;
  summarize10kMs: number;
  /** The bare kernel on the page's main thread, 10k runs, for comparison under the same load. */
  kernel10kMs: number;
  run100kMs: number;
  summarize100kMs: number;
  heapPeakMb: number;
  resultMb: number;
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

  // A slider change: a new model object, a 1k preview then the full 10k.
  const changed = structuredClone(model);
  const tp = performance.now();
  let previewMs = 0;
  let previewSummaryMs = 0;
  let previewSimulateMs = 0;
  for await (const r of runner.runProgressive(changed, { seed, runs: 10_000, previewRuns: 1000 })) {
    if (r.phase === 'preview') {
      previewMs = performance.now() - tp;
      previewSummaryMs = r.timings.summarizeMs;
      previewSimulateMs = r.timings.simulateMs;
    }
  }
  const previewFullMs = performance.now() - tp;

  simulateBlock(model, seed + 1, 0, 1000);
  const tk = performance.now();
  simulateBlock(model, seed, 0, 10_000);
  const kernel10kMs = performance.now() - tk;

  const t10 = performance.now();
  // Only the timings are kept: the 10k result must not stay alive during the 100k run's memory peak.
  const summarize10kMs = (await runner.run(model, { seed, runs: 10_000 })).timings.summarizeMs;
  const run10kMs = performance.now() - t10;

  state = { runner, model, seed };
  return {
    workers,
    startMs,
    previewMs,
    previewSummaryMs,
    previewSimulateMs,
    previewFullMs,
    run10kMs,
    summarize10kMs,
    kernel10kMs,
  };
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

(window as unknown as { bench: unknown }).bench = { small, large };
document.title = 'ready';
