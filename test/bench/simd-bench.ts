/**
 * `BENCH_PART=simd npm run -s bench`: whether a WebAssembly SIMD kernel would pay where the engine's
 * work is data-parallel. Two pieces, each as JS, as scalar wasm and as wasm SIMD (f64x2 lanes: double
 * precision, as the kernel-vs-reference test asks 1e-9), compiled from AssemblyScript at bench time
 * (test/bench/simd/*.as.ts, build.ts):
 *  - normalInv (AS 241) over 2^20 uniforms at once, and in calls of the copula's size, as sampleRun
 *    draws them per run;
 *  - the sector sums of every year of a run, the data-parallel part of runBlock's lever stages.
 * Measured in Node on one thread and in headless Chromium (same code, simd/measure.ts, bundled by
 * Vite); then the share of the kernel each piece takes in Node (sampling and simulateBlock timed as
 * `BENCH_PART=kernel` does), the most a speed-up of that piece could buy (Amdahl), and a verdict
 * computed from the figures. Prints figures only; no assertions.
 */
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { loadPark } from '../../src/cli/load-park';
import { Sfc32 } from '../../src/core/random';
import { compileScenario } from '../../src/core/scenario/compile';
import { prepareKernel } from '../../src/core/scenario/kernel-prep';
import { simulateBlock } from '../../src/core/scenario/kernel';
import { sampleDetail, type CompiledModel } from '../../src/core/scenario/model';
import { presetScenario } from '../../src/core/scenario/presets';
import { drawPermutation, sampleRun, sampleScratch } from '../../src/core/scenario/sampling';
import { CHROMIUM_ARGS, locateChromium } from '../tools/chromium';
import { ASC_FLAGS, buildSimdWasm } from './simd/build';
import { jsPieces, measureSimd, type Figure, type SectorInputs } from './simd/measure';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 42;
const N = 2 ** 20;
/** Runs whose sector sums are timed per repetition. */
const SECTOR_RUNS = 4000;
/** Runs of the kernel timed for the shares: every run attributed at 10k, every 5th at 100k (model.ts). */
const SHARE_RUNS = [10_000, 100_000];
/** Above this speed-up of the whole sampling or model part, wasm would be worth integrating. */
const WORTH = 1.3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The sector sums' inputs: the model's constants and the g, e of the first `runs` runs as sampled. */
function sectorInputs(model: CompiledModel, runs: number): SectorInputs {
  const P = prepareKernel(model);
  const nS = model.nSectors;
  const rng = new Sfc32();
  const params = new Float64Array(model.nSlots);
  const scratch = sampleScratch(model);
  const g: number[] = [];
  const e: number[] = [];
  for (let r = 0; r < runs; r++) {
    rng.seedRun(SEED, r);
    sampleRun(model, rng, params, scratch);
    for (let i = 0; i < nS * 3; i++) g.push(model.growthSlot[i] >= 0 ? params[model.growthSlot[i]] : 0);
    for (let s = 0; s < nS; s++) e.push(model.intensitySlot[s] >= 0 ? params[model.intensitySlot[s]] : 0);
  }
  return {
    nS,
    nY: model.nYears,
    runs,
    g,
    e,
    growthWeights: Array.from(model.growthWeights),
    mq: Array.from(P.mq),
    pq: Array.from(P.pq),
    groupStart: Array.from(P.groupStart),
    groupedSectors: Array.from(P.groupedSectors),
  };
}

/**
 * Sampling alone as the kernel does it per run (as kernel-parts-bench.ts), the whole kernel as the app
 * and the CLI run it (lever and breakdown rows of model.ts sampleDetail), and the JS pieces alone for as
 * many runs, in turn in each of 3 rounds (so they share the machine's load): median ms.
 */
function kernelTimes(model: CompiledModel, inputs: SectorInputs, runs: number) {
  const rng = new Sfc32();
  const params = new Float64Array(model.nSlots);
  const scratch = sampleScratch(model);
  const order = new Int32Array(model.nLevers);
  const batch = model.copulaSlots.length;
  const pieces = jsPieces(inputs, batch);
  let sink = 0;
  const parts = (n: number) => [
    () => {
      for (let r = 0; r < n; r++) {
        rng.seedRun(SEED, r);
        sampleRun(model, rng, params, scratch);
        drawPermutation(rng, order);
        sink += params[0];
      }
    },
    () => void simulateBlock(model, SEED, 0, n, sampleDetail(n)),
    pieces.sums(n),
    pieces.inv(n * batch),
  ];
  for (const f of parts(2000)) f();
  const t: number[][] = [[], [], [], []];
  const timed = parts(runs);
  for (let i = 0; i < 3; i++) {
    timed.forEach((f, j) => {
      const t0 = performance.now();
      f();
      t[j].push(performance.now() - t0);
    });
  }
  if (Number.isNaN(sink)) console.log('(checksum NaN)');
  const [samplingMs, kernelMs, sumsMs, invMs] = t.map(median);
  return { samplingMs, kernelMs, sumsMs, invMs };
}

/** The same measurements in headless Chromium: measure.ts bundled by Vite into one script. */
async function chromiumFigures(
  wasm: Uint8Array,
  inputs: SectorInputs,
  opts: { n: number; batch: number; reps: number },
): Promise<{ figures: Figure[]; version: string } | string> {
  const executablePath = locateChromium();
  if (!executablePath) return 'no Chromium found (test/tools/chromium.ts)';
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(HERE, 'simd/measure.ts'), formats: ['iife'], name: 'simdBench' },
    },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  const code = first.output.find((o) => o.type === 'chunk')?.code;
  if (!code) return 'the bundle of simd/measure.ts has no code';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await page.setContent('<!doctype html><title>simd</title>');
    await page.addScriptTag({ content: code });
    const figures = await page.evaluate(
      ([bytes, s, o]) =>
        (window as unknown as { simdBench: { measureSimd: typeof measureSimd } }).simdBench.measureSimd(
          Uint8Array.from(bytes),
          s,
          o,
        ),
      [Array.from(wasm), inputs, opts] as const,
    );
    return { figures, version: browser.version() };
  } finally {
    await browser.close();
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);
const diff = (d: number) => (d === 0 ? '0' : d.toExponential(1));

function printFigures(title: string, figures: Figure[]): void {
  const header = ['piece', 'variant', 'time', 'of it copying', 'speed-up over JS', 'max |Δ| vs JS'];
  const rows = figures.map((f) => [
    f.piece,
    f.variant,
    `${fmt(f.ns)} ns/${f.piece === 'normalInv' ? 'value' : 'run-year'}`,
    f.copyNs === null ? '—' : `${fmt(f.copyNs)} ns`,
    `${fmt(f.speedup, 2)}×`,
    f.variant.startsWith('JS') ? '—' : `${diff(f.maxDiff)} ${f.maxDiff <= 1e-9 ? '✓' : '✗'}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** The fastest wasm variant of a piece among those named with `like`. */
const bestWasm = (figures: Figure[], piece: Figure['piece'], like: string) =>
  figures
    .filter((f) => f.piece === piece && f.variant.startsWith('wasm') && f.variant.includes(like))
    .reduce((a, b) => (b.speedup > a.speedup ? b : a));

/** Speed-up of a whole part when a share f of it runs s times faster (Amdahl). */
const amdahl = (f: number, s: number) => 1 / (1 - f + f / s);

export async function printSimdBench(): Promise<void> {
  const reps = Math.max(5, Number(process.env.REPS ?? 7));
  const loadStart = load();
  const park = await loadPark('sample', process.cwd());
  const model = compileScenario(presetScenario('policy'), park.baseline);
  const batch = model.copulaSlots.length;
  const t0 = performance.now();
  const wasm = await buildSimdWasm();
  const buildMs = performance.now() - t0;
  console.log(
    `WebAssembly SIMD against the JS kernel: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, ` +
      `load average ${loadStart} at start; medians of ${reps} after 2 warm-up repetitions.` +
      `\nwasm: AssemblyScript (asc ${ASC_FLAGS.join(' ')}) from test/bench/simd/*.as.ts, ${wasm.length.toLocaleString('en')} bytes, ` +
      `compiled in ${buildMs.toFixed(0)} ms; no imports.` +
      `\nnormalInv: 2^${Math.log2(N)} uniforms (sfc32, every 1024th a tail value down to 5e-324, and 0 and 1 once), at once` +
      `\n  and in calls of ${batch} (the copula's size: sampleRun's normalInv calls per run). Sector sums: ${SECTOR_RUNS.toLocaleString('en')} runs` +
      ` × ${model.nYears} years × ${model.nSectors} sectors (park sample, scenario policy).`,
  );
  const inputs = sectorInputs(model, SECTOR_RUNS);
  const opts = { n: N, batch, reps };
  const node = await measureSimd(wasm, inputs, opts);
  printFigures('Node, one thread', node);

  let browser: Figure[] | null = null;
  try {
    const b = await chromiumFigures(wasm, inputs, opts);
    if (typeof b === 'string') console.log(`\nChromium: skipped, ${b}.`);
    else {
      browser = b.figures;
      printFigures(`Headless Chromium ${b.version}, page main thread`, browser);
    }
  } catch (e) {
    console.log(`\nChromium: failed (${e instanceof Error ? e.message : String(e)}).`);
  }

  // Shares of the kernel (Node): each piece's JS time over the part it sits in, timed side by side.
  // The use the kernel would make: normalInv in calls of the copula's size, sector sums a call per run.
  const inv = bestWasm(node, 'normalInv', 'calls of');
  const sums = bestWasm(node, 'sector sums', 'a call per run');
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const x = (v: number) => `${fmt(v, 2)}×`;
  const shares = SHARE_RUNS.map((runs) => {
    const { samplingMs, kernelMs, sumsMs, invMs } = kernelTimes(model, inputs, runs);
    const modelMs = kernelMs - samplingMs;
    const saved = invMs * (1 - 1 / inv.speedup) + sumsMs * (1 - 1 / sums.speedup);
    return {
      runs,
      samplingMs,
      modelMs,
      kernelMs,
      fInv: invMs / samplingMs,
      fSums: sumsMs / modelMs,
      invK: invMs / kernelMs,
      sumsK: sumsMs / kernelMs,
      invPart: amdahl(invMs / samplingMs, inv.speedup),
      sumsPart: amdahl(sumsMs / modelMs, sums.speedup),
      kernelBoth: kernelMs / (kernelMs - saved),
    };
  });
  const header = [
    'runs',
    'sampling',
    'model',
    'normalInv of sampling (kernel)',
    'sector sums of model (kernel)',
    'at most: sampling, model',
    `with ${inv.variant}`,
    `with ${sums.variant}`,
    'kernel with both',
  ];
  const rows = shares.map((r) => [
    r.runs.toLocaleString('en'),
    `${r.samplingMs.toFixed(0)} ms`,
    `${r.modelMs.toFixed(0)} ms`,
    `${pct(r.fInv)} (${pct(r.invK)})`,
    `${pct(r.fSums)} (${pct(r.sumsK)})`,
    `${x(1 / (1 - r.fInv))}, ${x(1 / (1 - r.fSums))}`,
    `sampling ${x(r.invPart)}`,
    `model ${x(r.sumsPart)}`,
    x(r.kernelBoth),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `\nShares in the kernel, Node, as the app runs it (model = simulateBlock − sampling alone; medians of 3), ` +
      `and the JS pieces timed beside them (${batch} normalInv per run, ${model.nYears} run-years of sector sums per run)` +
      `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}` +
      `\n"at most": the piece made free (Amdahl); "with": the best wasm of the piece as the kernel would call it, ` +
      `${x(inv.speedup)} and ${x(sums.speedup)} the JS in Node.`,
  );
  if (browser) {
    const bi = bestWasm(browser, 'normalInv', 'calls of');
    const bs = bestWasm(browser, 'sector sums', 'a call per run');
    console.log(`Chromium: ${bi.variant} ${x(bi.speedup)} the JS; ${bs.variant} ${x(bs.speedup)} the JS.`);
  }
  const invPart = Math.max(...shares.map((r) => r.invPart));
  const best = shares.reduce((a, b) => (b.sumsPart > a.sumsPart ? b : a));
  const least = shares.reduce((a, b) => (b.sumsPart < a.sumsPart ? b : a));
  const sumsPart = best.sumsPart;
  // How much of the sector sums' gain is wasm rather than SIMD: the scalar wasm at the same share.
  const scalarSums = node.find((f) => f.piece === 'sector sums' && f.variant.startsWith('wasm scalar'))!;
  const accurate = [...node, ...(browser ?? [])].every((f) => f.maxDiff <= 1e-9);
  const worth = (invPart > WORTH || sumsPart > WORTH) && accurate;
  const runsOf = (r: { runs: number }) => `${r.runs.toLocaleString('en')} runs`;
  console.log(
    `\nVerdict: normalInv in ${inv.variant} is ${x(inv.speedup)} the JS, the sector sums in ${sums.variant} ` +
      `${x(sums.speedup)} the JS; at their shares that makes sampling at best ${x(invPart)} and the model ` +
      `${x(best.sumsPart)} as fast at ${runsOf(best)} (${x(least.sumsPart)} at ${runsOf(least)}; scalar wasm alone ` +
      `${x(amdahl(best.fSums, scalarSums.speedup))}), the kernel with both ${x(best.kernelBoth)}; threshold ${WORTH}×` +
      `${accurate ? '' : '; some wasm output differs from JS by more than 1e-9'}: ` +
      (worth
        ? `wasm SIMD would pay for the ${invPart > WORTH ? 'normalInv and ' : ''}sector sums at ${runsOf(best)}; integrating it is a separate change.`
        : 'the kernel keeps JS.') +
      `\nLoad average at the end ${load()}.`,
  );
}
