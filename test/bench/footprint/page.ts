/**
 * The footprint benchmark page: the page's runner and worker, as the product page uses them, timed
 * from the main thread (request → worker computes → totals transferred back), and the core alone on
 * the main thread for comparison.
 */
import { runFootprintJob } from '../../../src/core/footprint/index';
import { FootprintRunner } from '../../../workers/footprint-runner';
import { bom50 } from './bom50';

export interface FootprintFigures {
  lines: number;
  runs: number;
  /** First request: worker start, module load, cold JIT. */
  coldMs: number;
  /** Warm requests, each with a new seed. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The core on the main thread (no worker, no transfer), median. */
  coreMedianMs: number;
  p50: number;
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];

async function bench(runs: number, reps: number): Promise<FootprintFigures> {
  const runner = new FootprintRunner();
  const product = bom50();
  let t = performance.now();
  const cold = await runner.run([product], runs, 1, 'en');
  const coldMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    await runner.run([product], runs, 100 + i, 'en');
    times.push(performance.now() - t);
  }
  runner.terminate();
  const core: number[] = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    runFootprintJob([product], runs, 200 + i);
    core.push(performance.now() - t);
  }
  return {
    lines: product.lines.length,
    runs,
    coldMs,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    coreMedianMs: median(core),
    p50: cold!.outcomes[0].summary!.p50,
  };
}

(globalThis as unknown as { footprintBench: typeof bench }).footprintBench = bench;
