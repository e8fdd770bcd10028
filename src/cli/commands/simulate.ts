/**
 * `npm run cli -- simulate`: the Monte Carlo scenario engine, headless. The same kernel, planner,
 * merge and summary as the app, run by the app's worker pool over Node worker threads
 * (workers/node-pool.ts). The summary JSON depends on (scenario, park, runs, seed) alone: the same
 * byte for byte whatever `--workers` is.
 */
import { extname } from 'node:path';
import { float32Text, numericCsvPieces } from '../../core/csv-write';
import { fail } from '../../core/errors';
import { withCostSettings } from '../../core/scenario/costs';
import { SETTINGS } from '../../core/scenario/levers';
import type { CompiledModel, RunBlock } from '../../core/scenario/model';
import { PRESET_IDS } from '../../core/scenario/presets';
import { scope2Of } from '../../core/scenario/schema';
import { summarize } from '../../core/scenario/summary';
import { inputsColumns, runsColumns, type RunsColumn } from '../../data/runs-layout';
import { cpuCount, createNodeSimulationRunner } from '../../../workers/node-pool';
import { parseArgs } from '../args';
import { loadPark } from '../load-park';
import { checkFinite, checkOutputPath, distinctOutputs, writeAtomic } from '../output';
import type { CliIo } from '../types';
import {
  scenarioCommand,
  adjustScenario,
  compileChecked,
  growthShiftOf,
  integer,
  loadScenario,
  numberOption,
  printWarnings,
  usage,
  printParkWarnings,
} from '../scenario-input';

const USAGE = `Usage: npm run cli -- simulate --scenario <bau|policy|ambitious|file.json>
       [--park sample|workshop|<folder>] --runs N --seed S [--workers K]
       [--lever KEY=VALUE ...] [--growth-shift X] [--carbon-price CNY_PER_T] [--discount-rate R]
       --summary <summary.json> [--out <runs.parquet|runs.csv>]

Monte Carlo decarbonization pathways of a park from its latest data year to 2060 (docs/model.md).

  --scenario  a preset (${PRESET_IDS.join(', ')}) or a scenario JSON document
  --park      a bundled park (sample, the default, or workshop) or a folder holding enterprises,
              economics and activity as .csv, .parquet or .arrow in the canonical schema
              (datasets/README.md), optionally with a manifest.json (green_space_ha, wetland_ha)
  --runs      number of runs, 1–1000000 (memory: about 2 kB per run)
  --seed      random seed, an integer 0–4294967295; run r depends on (seed, r) alone
  --workers   worker threads (default and most: the number of CPUs); the results do not depend on it
  --lever     KEY=VALUE, repeatable: sets a lever on the scenario exactly as the Pathways slider of
              the same key does (${SETTINGS.map((s) => s.key).join(', ')});
              an unknown key or a value outside the slider's range is an error naming it
  --growth-shift  X added to every sector's output growth in every year (0.01 = one percentage
              point per year faster; negative: slower)
  --carbon-price  the carbon price line of the cost summary, CNY per tCO2 (default: the national
              ETS price, docs/model.md §10); it marks which levers pay back, it is not a cost
  --discount-rate  discount rate of the costs, a fraction per year (default 0.08)
  --summary   summary JSON: percentiles per year, peak year, neutrality, cumulative emissions,
              intensity changes, lever contributions, emissions by sector and by carrier
              (from every K-th run, about 2,000 runs), sensitivity (Spearman), targets
              (P(met) of each, with its standard error and median gap) and costs (net present
              cost against BAU, investment by period, cost per tonne of each lever, MACC)
  --out       per-run results, Parquet (zstd) or CSV by the extension: a long table with columns
              run, year, gross_tco2, net_tco2, energy_tce, output_10k_cny; and next to it
              <name>.inputs.<ext> with run and one column per uncertain input (its sampled value)`;

/** Refuses a column value that is NaN or infinite, naming the file, column and row. */
function checkColumns(file: string, columns: Record<string, RunsColumn>): void {
  for (const [name, col] of Object.entries(columns)) {
    for (let r = 0; r < col.length; r++) {
      if (!Number.isFinite(col[r]))
        fail({
          file,
          row: r + 2,
          column: name,
          reason: `${col[r]} is not a finite number; nothing was written`,
        });
    }
  }
}

async function writeCsv(path: string, columns: Record<string, RunsColumn>): Promise<void> {
  const cols = Object.values(columns);
  const text = (j: number) => (cols[j] instanceof Float32Array ? float32Text : String);
  // In pieces, so a million-row table never becomes one giant string.
  await writeAtomic(path, numericCsvPieces(columns, { text }));
}

async function writeParquetFile(path: string, columns: Record<string, RunsColumn>): Promise<void> {
  const { tableFromArrays, tableToIPC } = await import('apache-arrow');
  const { Table, writeParquet, WriterPropertiesBuilder, Compression } = await import('parquet-wasm/node');
  const ipc = tableToIPC(tableFromArrays(columns), 'stream');
  const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  await writeAtomic(path, writeParquet(Table.fromIPCStream(ipc), props));
}

/** `runs.csv` → `runs.inputs.csv`. */
function inputsPathOf(out: string): string {
  const ext = extname(out);
  return out.slice(0, -ext.length) + '.inputs' + ext;
}

/** The --out tables (sim-tables.ts layouts), checked, then written. */
async function writeRuns(out: string, model: CompiledModel, block: RunBlock): Promise<void> {
  const long = runsColumns(block);
  const inputs = inputsColumns(model.inputNames, block);
  checkColumns(out, long);
  checkColumns(inputsPathOf(out), inputs);
  const write = extname(out).toLowerCase() === '.parquet' ? writeParquetFile : writeCsv;
  await write(out, long);
  await write(inputsPathOf(out), inputs);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: [
      'scenario',
      'park',
      'runs',
      'seed',
      'workers',
      'summary',
      'out',
      'lever',
      'growth-shift',
      'carbon-price',
      'discount-rate',
    ],
  });
  if (args.positionals.length) usage(`Unexpected argument "${args.positionals[0]}"`);
  const opt = (name: string) => args.options.get(name);
  const scenarioSpec = opt('scenario') ?? usage('--scenario is required');
  const summaryPath = opt('summary') ?? usage('--summary is required');
  const runs = integer('runs', opt('runs'), 1, 1_000_000);
  const seed = integer('seed', opt('seed'), 0, 0xffffffff);
  let workers = opt('workers') === undefined ? undefined : integer('workers', opt('workers'), 1, 64);
  const cpus = cpuCount();
  if (workers !== undefined && workers > cpus) {
    io.stderr(`note: --workers ${workers} is more than the ${cpus} CPUs here; using ${cpus}\n`);
    workers = cpus;
  }
  const growthShift = growthShiftOf(opt('growth-shift'));
  const carbonPrice = numberOption('carbon-price', opt('carbon-price'), 0, 10_000, 'CNY per tCO2');
  const discountRate = numberOption('discount-rate', opt('discount-rate'), 0, 0.3, 'a fraction per year');
  const out = opt('out');
  if (out !== undefined && !['.parquet', '.csv'].includes(extname(out).toLowerCase())) {
    usage(`--out must end in .parquet or .csv, got "${out}"`);
  }
  // Every output is checked before any work, so a bad path fails at once, not after the simulation.
  const summaryFile = checkOutputPath(io.cwd, summaryPath, '--summary');
  const outFile = out === undefined ? undefined : checkOutputPath(io.cwd, out, '--out');
  if (outFile) {
    const inputsFile = checkOutputPath(io.cwd, inputsPathOf(outFile), '--out');
    distinctOutputs([
      ['--summary', summaryFile],
      ['--out', outFile],
      ['--out (its inputs table)', inputsFile],
    ]);
  }

  const t0 = performance.now();
  const loaded = await loadScenario(scenarioSpec, io);
  const { fromFile } = loaded;
  // The baseline is accounted with the scenario's Scope-2 method, as the app does (docs/model.md §1).
  const park = await loadPark(opt('park') ?? 'sample', io.cwd, { scope2: scope2Of(loaded.scenario) });
  printParkWarnings(park, io);
  const scenario = withCostSettings(
    adjustScenario(loaded.scenario, args.all.get('lever') ?? [], growthShift, park.baseline),
    { carbonPrice, discountRate },
  );
  if (fromFile && scenario.dataset !== park.id) {
    io.stderr(
      `warning: Scenario "${scenario.id}" was built for dataset "${scenario.dataset}"; applying it to "${park.id}".\n`,
    );
  }
  // The pool keeps the per-sector and per-carrier breakdown for about 2,000 runs (model.ts BREAKDOWN_ROWS).
  const model = compileChecked(scenario, park.baseline, scenarioSpec);
  // At most MAX_WARNINGS lines (a document with thousands of unknown sectors would print megabytes).
  printWarnings(model, io);

  const t1 = performance.now();
  const pool = createNodeSimulationRunner({ workers });
  // Ctrl-C stops the threads at once (the run rejects as cancelled) instead of leaving them running.
  const stop = () => void pool.terminate();
  process.once('SIGINT', stop);
  let block: RunBlock;
  try {
    // Summarized here, not in a worker: the summary of a block does not depend on the pool.
    block = (await pool.run(model, { seed, runs, summarize: false })).block;
  } finally {
    process.off('SIGINT', stop);
    await pool.terminate();
  }
  const t2 = performance.now();
  const summary = summarize(model, block, seed);
  const t3 = performance.now();

  checkFinite(summary, summaryPath);
  await writeAtomic(summaryFile, JSON.stringify(summary, null, 2) + '\n');
  const written = [summaryPath];
  if (out && outFile) {
    await writeRuns(outFile, model, block);
    written.push(out, inputsPathOf(out));
  }

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const share = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)} %`);
  io.stdout(
    `${scenario.id} on ${park.id} (base year ${park.baseline.year}): ${runs} runs, seed ${seed}, ` +
      `${pool.size} worker${pool.size > 1 ? 's' : ''}\n` +
      `park and model ${s(t1 - t0)}, simulation ${s(t2 - t1)}, summary ${s(t3 - t2)}, total ${s(performance.now() - t0)}\n` +
      `P(peak ≤ 2030) ${share(summary.peak_year.p_by_2030)}, P(net ≤ 0 by 2060) ${share(summary.neutrality.p_by_2060)}\n` +
      `wrote ${written.join(', ')}\n`,
  );
  return 0;
}

export const command = scenarioCommand(
  'simulate',
  'Monte Carlo pathways to 2060 for a scenario and park (summary JSON, runs file)',
  USAGE,
  run,
);
