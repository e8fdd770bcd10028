/** Benchmark parts (a) and (b): the kernel and the plain per-run reference in Node, one thread. */
import { simulateBlock } from '../../src/core/scenario/kernel';
import { sampleDetail } from '../../src/core/scenario/model';
import type { CompiledModel, RunBlock } from '../../src/core/scenario/model';
import { referenceSimulate } from '../../src/core/scenario/reference';
import { summarize } from '../../src/core/scenario/summary';
import { createNodeSimulationRunner } from '../../workers/node-pool';

export interface NodeRow {
  runs: number;
  kernelMs: number;
  /** CPU time of the kernel (user + system): less sensitive to other load than wall time. */
  kernelCpuMs: number;
  referenceMs: number | null;
  /** summarize() of the block on the same thread (CPU time). */
  summaryCpuMs: number;
  blockMb: number;
  peakRssMb: number;
}

export interface PoolRow {
  runs: number;
  workers: number;
  ms: number;
}

export const blockMb = (b: RunBlock): number =>
  Object.values(b).reduce((n, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0) / 2 ** 20;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function timed<T>(fn: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [value, performance.now() - t, (used.user + used.system) / 1000];
}

/** Runs the kernel (and the reference where it stays under `referenceBudgetMs`) for each size. */
export function nodeBench(
  model: CompiledModel,
  seed: number,
  sizes: number[],
  referenceBudgetMs = 25_000,
  /** Breakdown of every K-th run (a multiple of leverEvery(runs)); default as the engine does (model.ts sampleDetail). */
  every?: number,
): NodeRow[] {
  summarize(model, simulateBlock(model, seed + 1, 0, 2000), seed + 1); // JIT warm-up
  referenceSimulate(model, seed + 1, 0, 500);
  const rows: NodeRow[] = [];
  let refMsPerRun = 0;
  for (const runs of sizes) {
    const detail = { ...sampleDetail(runs), ...(every === undefined ? {} : { breakdownEvery: every }) };
    const [block, kernelMs, kernelCpuMs] = timed(() => simulateBlock(model, seed, 0, runs, detail));
    const [, , summaryCpuMs] = timed(() => summarize(model, block, seed));
    const row: NodeRow = {
      runs,
      kernelMs,
      kernelCpuMs,
      referenceMs: null,
      summaryCpuMs,
      blockMb: blockMb(block),
      peakRssMb: peakRssMb(),
    };
    if (refMsPerRun * runs <= referenceBudgetMs) {
      const [, referenceMs] = timed(() => referenceSimulate(model, seed, 0, runs));
      row.referenceMs = referenceMs;
      refMsPerRun = referenceMs / runs;
    }
    rows.push(row);
  }
  return rows;
}

/** The CLI's engine: Node worker threads, planner and merge (startup included). */
export async function poolBench(
  model: CompiledModel,
  seed: number,
  sizes: number[],
  workers: number,
): Promise<PoolRow[]> {
  const pool = createNodeSimulationRunner({ workers });
  const rows: PoolRow[] = [];
  try {
    await pool.run(model, { seed: seed + 1, runs: 2000, summarize: false });
    for (const runs of sizes) {
      const t = performance.now();
      await pool.run(model, { seed, runs, summarize: false });
      rows.push({ runs, workers, ms: performance.now() - t });
    }
  } finally {
    await pool.terminate();
  }
  return rows;
}
