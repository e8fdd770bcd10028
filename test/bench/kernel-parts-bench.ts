/**
 * `BENCH_PART=kernel npm run -s bench`: the simulation engine's parts on one thread in Node, runs/s at
 * 1k, 10k and 100k runs — sampling alone (stream seeding, one uniform per draw position, copula,
 * inverse CDFs, the run's lever order), the model (the kernel less its sampling; also with the JS sector
 * sums instead of the WebAssembly ones, to show what that step buys), the summary, and
 * all together (kernel with lever contributions and costs of every L-th run and the breakdown of every K-th run, then summarize),
 * as the app and the CLI run them. Each size is measured `REPS` times (default 3) after a warm-up on
 * 2,000 runs; the table gives medians of wall and CPU time. The first repetition at a size still pays
 * for part of the JIT compilation of the kernel; the spread (min–max of the total) shows it.
 */
import { cpus, loadavg } from 'node:os';
import { Sfc32 } from '../../src/core/random';
import { simulateBlock } from '../../src/core/scenario/kernel';
import { sampleDetail, type CompiledModel } from '../../src/core/scenario/model';
import { drawPermutation, sampleRun, sampleScratch } from '../../src/core/scenario/sampling';
import { summarize } from '../../src/core/scenario/summary';
import { sectorSumsAvailable } from '../../src/core/wasm/sector-sums';

interface Timing {
  wall: number;
  cpu: number;
}

function timed(fn: () => void): Timing {
  const cpu = process.cpuUsage();
  const t = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Sampling alone, as the kernel does it per run; returns a checksum so nothing is optimised away. */
function sampleOnly(model: CompiledModel, seed: number, runs: number): number {
  const rng = new Sfc32();
  const params = new Float64Array(model.nSlots);
  const scratch = sampleScratch(model);
  const order = new Int32Array(model.nLevers);
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    rng.seedRun(seed, r);
    sampleRun(model, rng, params, scratch);
    drawPermutation(rng, order);
    sum += params[0];
  }
  return sum;
}

export function printKernelPartsBench(model: CompiledModel, seed: number, sizes: number[]): void {
  const reps = Math.max(1, Number(process.env.REPS ?? 3));
  console.log(
    `Engine parts, Node ${process.version}, one thread, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at start; ${model.nSlots} parameter slots (${model.copulaSlots.length} in the copula), ` +
      `${model.nLevers} levers, ${model.nYears} years; medians of ${reps}`,
  );
  // Warm-up: every part once on 2,000 runs.
  sampleOnly(model, seed + 1, 2000);
  summarize(model, simulateBlock(model, seed + 1, 0, 2000, { breakdownEvery: 1 }), seed + 1);
  simulateBlock(model, seed + 1, 0, 2000, { breakdownEvery: 1, wasm: false });
  const rate = (runs: number, ms: number) => Math.round((runs / ms) * 1000).toLocaleString('en');
  const rows: string[][] = [];
  let checksum = 0;
  for (const runs of sizes) {
    const parts: Record<'sampling' | 'kernel' | 'kernelJs' | 'summary', Timing[]> = {
      sampling: [],
      kernel: [],
      kernelJs: [],
      summary: [],
    };
    for (let rep = 0; rep < reps; rep++) {
      parts.sampling.push(timed(() => (checksum += sampleOnly(model, seed, runs))));
      // The same kernel with the JS sector sums instead of WebAssembly's (the same bits); before the
      // other on odd repetitions, so neither always runs first.
      const js = { ...sampleDetail(runs), wasm: false };
      const kernelJs = () =>
        parts.kernelJs.push(timed(() => (checksum += simulateBlock(model, seed, 0, runs, js).gross[0])));
      if (rep % 2 === 1) kernelJs();
      let block: ReturnType<typeof simulateBlock> | null = null;
      parts.kernel.push(timed(() => (block = simulateBlock(model, seed, 0, runs, sampleDetail(runs)))));
      parts.summary.push(timed(() => (checksum += summarize(model, block!, seed).runs)));
      if (rep % 2 === 0) kernelJs();
    }
    const med = (k: keyof typeof parts, f: 'wall' | 'cpu') => median(parts[k].map((t) => t[f]));
    const totals = parts.kernel.map((t, i) => t.wall + parts.summary[i].wall);
    for (const f of ['wall', 'cpu'] as const) {
      const s = med('sampling', f);
      const k = med('kernel', f);
      const m = Math.max(k - s, 1e-9);
      const mJs = Math.max(med('kernelJs', f) - s, 1e-9);
      const sum = med('summary', f);
      rows.push([
        runs.toLocaleString('en'),
        f,
        `${s.toFixed(0)} ms  ${rate(runs, s)}`,
        `${m.toFixed(0)} ms  ${rate(runs, m)}`,
        `${mJs.toFixed(0)} ms  ${rate(runs, mJs)}  ${(mJs / m).toFixed(2)}×`,
        `${sum.toFixed(0)} ms  ${rate(runs, sum)}`,
        `${(k + sum).toFixed(0)} ms  ${rate(runs, k + sum)}`,
        f === 'wall' ? `${Math.min(...totals).toFixed(0)}–${Math.max(...totals).toFixed(0)} ms` : '',
      ]);
    }
  }
  const header = [
    'runs',
    'time',
    'sampling, runs/s',
    'model, runs/s',
    'model with JS sums, runs/s, ×',
    'summary, runs/s',
    'together, runs/s',
    'total min–max',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log(
    '\nmodel = kernel (simulateBlock: sampling, every step of the lever order, costs, breakdown of every K-th run,' +
      `\n  float32 storage; sector sums in ${sectorSumsAvailable() ? 'WebAssembly' : 'JS (no WebAssembly here)'}) less sampling alone;` +
      "\n  model with JS sums = the same with the JS sector sums (wasm: false), × its time over the model's; summary = summarize() (percentiles, levers, breakdown, sensitivity);" +
      `\n  together = kernel + summary. Load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; checksum ${checksum.toFixed(3)}.`,
  );
}
