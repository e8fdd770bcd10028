/**
 * `npm run bench`: runs/s and peak memory of the simulation engine on the sample park to 2060.
 * (a) the kernel in Node on one thread; (b) the plain per-run reference and the ratio; (c) the whole
 * engine in headless Chromium with 1 and 2 workers, summaries included; plus the CLI's Node pool.
 * Prints figures only; no assertions. Targets (issue 4, 2-core machine): 10k runs end to end ≤ 1 s,
 * 1k preview ≤ 100 ms, 100k ≤ 10 s and ≤ 300 MB.
 */
import { cpus, loadavg } from 'node:os';
import { loadPark } from '../../src/cli/load-park';
import { compileScenario } from '../../src/core/scenario/compile';
import { presetScenario } from '../../src/core/scenario/presets';
import { browserBench } from './browser-bench';
import { printFootprintBench } from './footprint-bench';
import { nodeBench, poolBench } from './node-bench';
import { importBench, printImportBench } from './import-bench';
import { cliStartBench } from './cli-bench';
import { printWorkshopBench } from './workshop-bench';
import { printCompareBench } from './compare-bench';
import { printDataBench, printStartBench } from './data-bench';
import { printKernelPartsBench } from './kernel-parts-bench';
import { printAppBench } from './app-bench';
import { printSimdBench } from './simd-bench';

const SEED = 42;
const SCENARIO = 'policy';
const SIZES = [1000, 10_000, 100_000];

const ms = (x: number | null) =>
  x === null ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;
const rate = (runs: number, x: number | null) =>
  x === null ? '—' : `${Math.round((runs / x) * 1000).toLocaleString('en')}`;
const mb = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} MB`);
const mark = (x: number, target: number) => `${x <= target ? '✓' : '✗'}`;
const added = (r: {
  rendererBeforeMb: number | null;
  rendererPeakRssMb: number | null;
  peakReset: boolean;
}) =>
  r.rendererBeforeMb === null || r.rendererPeakRssMb === null || !r.peakReset
    ? '—'
    : `${mb(r.rendererPeakRssMb - r.rendererBeforeMb)} ${mark(r.rendererPeakRssMb - r.rendererBeforeMb, 300)}`;

function table(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** (f) CLI start: whole commands, prebuilt bundle against tsx from the sources. */
function printCliStart(): void {
  const rows = cliStartBench();
  table(
    '(f) CLI start: whole commands, wall time (median of 3) and peak RSS, /usr/bin/time',
    ['command', 'bundle (npm run cli)', 'peak', 'tsx (npm run cli:dev)', 'peak'],
    [...new Set(rows.map((r) => r.label))].map((label) => {
      const [b, t] = (['bundle', 'tsx'] as const).map((way) =>
        rows.find((r) => r.label === label && r.way === way)!,
      );
      const s = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)} s`);
      return [
        label,
        `${s(b.medianS)} ${b.medianS === null ? '' : mark(b.medianS, 1)}`,
        mb(b.peakMb),
        s(t.medianS),
        mb(t.peakMb),
      ];
    }),
  );
  console.log(
    'Target: ≤ 1 s for both with the bundle. The bundle keeps the baseline a park gave (built by DuckDB once, keyed' +
      "\n  by the park's bytes and the build), so simulate on a known park does not start DuckDB; tsx transpiles at every start.",
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  // BENCH_PART=footprint runs only part (e).
  if (process.env.BENCH_PART === 'footprint') return printFootprintBench();
  // BENCH_PART=cli runs only part (f).
  if (process.env.BENCH_PART === 'cli') return printCliStart();
  // BENCH_PART=workshop runs only part (h).
  if (process.env.BENCH_PART === 'workshop') return printWorkshopBench();
  // BENCH_PART=app runs only part (j): the Pathways page of the built app.
  if (process.env.BENCH_PART === 'app') return printAppBench();
  // BENCH_PART=compare runs only part (i).
  if (process.env.BENCH_PART === 'compare') return printCompareBench();
  // BENCH_PART=data runs only part (g); BENCH_PART=start only its start figures (g′).
  if (process.env.BENCH_PART === 'data') return printDataBench();
  if (process.env.BENCH_PART === 'start') return printStartBench();
  // BENCH_PART=import runs only part (e) of the importer and the CLI at scale (200k and 1M rows).
  if (process.env.BENCH_PART === 'import') return printImportBench(await importBench());
  // BENCH_PART=simd runs only the WebAssembly SIMD comparison (normalInv, sector sums; JS against wasm).
  if (process.env.BENCH_PART === 'simd') return printSimdBench();
  const park = await loadPark('sample', process.cwd());
  const model = compileScenario(presetScenario(SCENARIO), park.baseline);
  // BENCH_PART=kernel runs only the engine's parts (sampling, model, summary) on one thread.
  if (process.env.BENCH_PART === 'kernel') return printKernelPartsBench(model, SEED, SIZES);
  console.log(
    `Simulation engine benchmark: park ${park.id}, scenario ${SCENARIO}, ${model.years[0]}–${model.years.at(-1)} ` +
      `(${model.nYears} years), ${model.nSectors} sectors, ${model.nInputs} uncertain inputs, ${model.nLevers} levers, seed ${SEED}`,
  );
  console.log(
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (figures scale with other load)`,
  );
  console.log(
    'As the app and the CLI: lever contributions and costs of every L-th run (at most 20,000 rows), and the sector/carrier breakdown of every K-th run (about 2,000 rows).',
  );

  // BENCH_PART=browser skips (a), (b) and (d), e.g. while working on the in-browser engine.
  if (process.env.BENCH_PART !== 'browser') {
    const node = nodeBench(model, SEED, SIZES, 15_000);
    table(
      '(a) kernel and (b) per-run reference, Node, one thread',
      [
        'runs',
        'kernel',
        'kernel runs/s',
        'per CPU-second',
        'reference',
        'reference runs/s',
        'kernel/ref',
        'summary CPU',
        'result',
        'process peak RSS',
      ],
      node.map((r) => [
        r.runs.toLocaleString('en'),
        ms(r.kernelMs),
        rate(r.runs, r.kernelMs),
        rate(r.runs, r.kernelCpuMs),
        ms(r.referenceMs),
        rate(r.runs, r.referenceMs),
        r.referenceMs === null ? '—' : `${(r.referenceMs / r.kernelMs).toFixed(1)}×`,
        ms(r.summaryCpuMs),
        mb(r.blockMb),
        mb(r.peakRssMb),
      ]),
    );
    const [everyRun] = nodeBench(model, SEED, [10_000], 0, 1);
    console.log(
      `    with the breakdown of every run: 10k runs in ${ms(everyRun.kernelMs)} (${rate(10_000, everyRun.kernelMs)} runs/s), ` +
        `result ${mb(everyRun.blockMb)}`,
    );

    const pool = await poolBench(model, SEED, [10_000], 2);
    table(
      '(d) CLI engine: Node worker_threads pool, 2 workers (planner + merge, no summary)',
      ['runs', 'time', 'runs/s'],
      pool.map((r) => [r.runs.toLocaleString('en'), ms(r.ms), rate(r.runs, r.ms)]),
    );
    // (a') the kernel's parts per thread: sampling, model (also with the JS sector sums), summary.
    console.log("\n(a') engine parts, Node, one thread (also alone: BENCH_PART=kernel)");
    printKernelPartsBench(model, SEED, SIZES);
  }

  const browser = await browserBench(model, SEED, [1, 2]);
  table(
    '(c) whole engine in headless Chromium (runner + workers + merge + summary in a worker), warm pool',
    [
      'workers',
      'pool start',
      '1k preview (median)',
      'slowest',
      'of it summary',
      '→ full 10k',
      '10k',
      'of it summary',
      'bare kernel 10k',
      '100k',
      'of it summary',
      '100k runs/s',
      'main heap peak',
      '100k result',
      'renderer before 100k',
      'renderer peak in 100k',
      'added by 100k',
    ],
    browser.map((r) => [
      String(r.workers),
      ms(r.startMs),
      `${ms(r.previewMs)} ${mark(r.previewMs, 100)}`,
      ms(r.previewWorstMs),
      ms(r.previewSummaryMs),
      ms(r.previewFullMs),
      `${ms(r.run10kMs)} ${mark(r.run10kMs, 1000)}`,
      ms(r.summarize10kMs),
      ms(r.kernel10kMs),
      `${ms(r.run100kMs)} ${mark(r.run100kMs, 10_000)}`,
      ms(r.summarize100kMs),
      rate(100_000, r.run100kMs),
      mb(r.heapPeakMb),
      mb(r.resultMb),
      mb(r.rendererBeforeMb),
      `${mb(r.rendererPeakRssMb)}${r.peakReset ? '' : ' (life)'}`,
      added(r),
    ]),
  );
  table(
    "(c'') responsiveness: a 100k run cancelled at its first progress (was asserted < 50 / < 200 ms in the tests)",
    ['workers', 'promise rejected', 'workers stopped'],
    browser.map((r) => [String(r.workers), ms(r.cancelRejectMs), ms(r.cancelStopMs)]),
  );
  table(
    "(c') memory the whole engine adds in Chromium (renderer peak during one plain run minus its level before)",
    ['workers', '1k', '10k', '100k'],
    browser.map((r) => [String(r.workers), mb(r.added1kMb), mb(r.added10kMb), added(r)]),
  );
  console.log(
    '\nTargets: 1k preview ≤ 100 ms, 10k end to end ≤ 1 s, 100k ≤ 10 s and ≤ 300 MB (✓ met, ✗ missed).' +
      '\n"1k preview": 7 slider changes (each a new model, a 1k preview then the full 10k): median and slowest;' +
      '\n  the preview leaves the lever contributions out; "→ full 10k" is the median time to the full result.' +
      '\n"bare kernel 10k": simulateBlock on the page\'s main thread, no workers, no summary (same load).' +
      '\n"main heap peak" is the page\'s V8 heap (performance.memory; typed-array storage is outside it);' +
      '\n"renderer before 100k" (VmRSS): the whole renderer process (Chromium, the page, both workers and their' +
      '\n  JIT code) after the smaller runs and a garbage collection, just before the 100k run;' +
      '\n"renderer peak in 100k" (VmHWM, reset just before): its peak during the 100k run, summary included;' +
      '\n"added by 100k" = peak − before: the memory the engine needs for 100k runs (the 300 MB target).',
  );
  await printFootprintBench();
  printImportBench(await importBench());
  printCliStart();
  await printWorkshopBench();
  await printCompareBench();
  await printAppBench();
  await printDataBench();
  console.log(`Benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
