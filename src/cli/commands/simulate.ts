/**
 * `npm run cli -- simulate`: the Monte Carlo scenario engine, headless. The same kernel, planner,
 * merge and summary as the app, run by the app's worker pool over Node worker threads
 * (workers/node-pool.ts). The summary JSON depends on (scenario, park, runs, seed) alone: the same
 * byte for byte whatever `--workers` is.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { float32Text, numericCsvPieces } from '../../core/csv-write';
import { fail, InputError, type Problem } from '../../core/errors';
import { applySettings, settingsFromPairs, shiftGrowth } from '../../core/scenario/apply';
import type { ParkBaseline } from '../../core/scenario/baseline';
import { compileScenario } from '../../core/scenario/compile';
import { controlContext, SETTINGS } from '../../core/scenario/levers';
import type { CompiledModel, RunBlock } from '../../core/scenario/model';
import { isPresetId, presetScenario, PRESET_IDS } from '../../core/scenario/presets';
import { parseScenario, scope2Of, type Scenario } from '../../core/scenario/schema';
import { summarize } from '../../core/scenario/summary';
import { inputsColumns, runsColumns, type RunsColumn } from '../../data/runs-layout';
import { cpuCount, createNodeSimulationRunner } from '../../../workers/node-pool';
import { parseArgs, shown } from '../args';
import { loadPark } from '../load-park';
import { checkFinite, checkOutputPath, writeAtomic } from '../output';
import type { CliCommand, CliIo } from '../types';

const USAGE = `Usage: npm run cli -- simulate --scenario <bau|policy|ambitious|file.json>
       [--park sample|workshop|<folder>] --runs N --seed S [--workers K]
       [--lever KEY=VALUE ...] [--growth-shift X]
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
  --summary   summary JSON: percentiles per year, peak year, neutrality, cumulative emissions,
              intensity changes, lever contributions, emissions by sector and by carrier
              (from every K-th run, about 2,000 runs), sensitivity (Spearman)
  --out       per-run results, Parquet (zstd) or CSV by the extension: a long table with columns
              run, year, gross_tco2, net_tco2, energy_tce, output_10k_cny; and next to it
              <name>.inputs.<ext> with run and one column per uncertain input (its sampled value)`;

/** Warnings of the compiled scenario printed at most; the rest are counted. */
const MAX_WARNINGS = 20;

/** A problem with the command line (an option missing or out of range). */
const usage = (reason: string): never => fail({ file: 'command line', reason });

/**
 * The scenario with the --lever settings (the Pathways sliders' keys and ranges, applied the way the
 * sliders apply them) and the --growth-shift applied; every bad value is reported at once.
 */
function adjustScenario(
  base: Scenario,
  levers: readonly string[],
  growthShift: number | undefined,
  baseline: ParkBaseline,
): Scenario {
  let scenario = base;
  if (levers.length) {
    const ctx = controlContext(baseline);
    const { settings, problems } = settingsFromPairs(base, levers, ctx);
    if (problems.length)
      throw new InputError(
        problems.map((p) => ({ file: 'command line', field: `--lever ${p.text}`, reason: p.reason })),
      );
    scenario = applySettings(base, settings, ctx);
  }
  if (growthShift !== undefined) {
    const x = growthShift;
    try {
      scenario = shiftGrowth(scenario, x);
    } catch (e) {
      usage(`--growth-shift ${x}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return scenario;
}

/** --growth-shift: a fraction per year, checked before any work. */
function growthShiftOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x) || Math.abs(x) > 0.2)
    usage(
      `--growth-shift must be a number between -0.2 and 0.2 (a fraction per year), got "${raw.slice(0, 40)}"`,
    );
  return x;
}

function integer(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) return usage(`--${name} is required`);
  const v = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
    usage(
      `--${name} must be an integer ${min}–${max}, got "${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}"`,
    );
  }
  return v;
}

/**
 * A JSON document's bytes: UTF-8, with or without a byte-order mark (as CSV files are read). A UTF-16
 * file is named as such rather than failing as "not valid JSON", and invalid UTF-8 gives its byte.
 */
function parseJsonDocument(bytes: Uint8Array, file: string): unknown {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    fail({ file, reason: 'the file is UTF-16 text; save it as UTF-8' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail({ file, reason: `not UTF-8 text (invalid byte at offset ${at}); save it as UTF-8` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail({ file, reason: `not valid JSON (${(e as Error).message.slice(0, 200)})` });
  }
}

/** Offset of the first byte that breaks UTF-8 (lead bytes and continuations; for a message). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** Levels of objects and lists a scenario file may nest (it has a handful; checked without recursion). */
const MAX_DEPTH = 32;

/** The path of the first value nested deeper than `max` levels, or null. */
function tooDeep(doc: unknown, max: number): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: doc, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return path;
    for (const [key, inner] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      stack.push({ value: inner, path: at, depth: depth + 1 });
    }
  }
  return null;
}

/** "levers.pv.delivery.max: must be ≥ min" → the problem at field levers.pv.delivery.max. */
function scenarioProblem(file: string, error: string): Problem {
  const m = /^([A-Za-z0-9_$.[\]]+): (.*)$/s.exec(error);
  return m
    ? { file, field: m[1], reason: `invalid scenario: ${m[2]}` }
    : { file, reason: `invalid scenario: ${error}` };
}

/**
 * Compiles the scenario; rank correlations that cannot hold together (the matrix is not positive
 * definite) are refused naming the file and a smallest set of entries that is inconsistent by itself
 * (each entry is dropped in turn while the rest stays inconsistent).
 */
function compileChecked(scenario: Scenario, baseline: ParkBaseline, file: string): CompiledModel {
  const notPositiveDefinite = (e: unknown) => e instanceof Error && /not positive definite/.test(e.message);
  try {
    return compileScenario(scenario, baseline);
  } catch (e) {
    if (!notPositiveDefinite(e)) throw e;
  }
  const entries = scenario.correlations ?? [];
  const inconsistent = (subset: readonly number[]) => {
    try {
      compileScenario({ ...scenario, correlations: subset.map((i) => entries[i]) }, baseline);
      return false;
    } catch (e) {
      if (notPositiveDefinite(e)) return true;
      throw e;
    }
  };
  let kept = entries.map((_, i) => i);
  for (const i of entries.keys()) {
    const without = kept.filter((j) => j !== i);
    if (inconsistent(without)) kept = without;
  }
  const named = kept.map(
    (i) => `correlations[${i}] (${entries[i].inputs.join(', ')}: rho ${entries[i].rho})`,
  );
  return fail({
    file,
    field: 'correlations',
    reason:
      `the rank correlations are inconsistent (not positive definite): ${named.join('; ')} ` +
      'cannot all hold at once (pairs not listed count as 0); weaken or remove one of them',
  });
}

/** A preset or a scenario file, validated. */
async function loadScenario(spec: string, io: CliIo): Promise<{ scenario: Scenario; fromFile: boolean }> {
  if (isPresetId(spec)) return { scenario: presetScenario(spec), fromFile: false };
  if (!spec.endsWith('.json'))
    usage(`--scenario must be ${PRESET_IDS.join(', ')} or a .json file, got "${spec}"`);
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd, spec));
  } catch (e) {
    return fail({ file: spec, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})` });
  }
  const doc = parseJsonDocument(bytes, spec);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    fail({
      file: spec,
      reason: `invalid scenario: the document must be a JSON object {…}, not ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : `a ${typeof doc}`}`,
    });
  const deep = tooDeep(doc, MAX_DEPTH);
  if (deep !== null)
    fail({
      file: spec,
      field: shown(deep, 80),
      reason: `invalid scenario: nested more than ${MAX_DEPTH} levels deep (a scenario has a handful)`,
    });
  const parsed = parseScenario(doc);
  if (!parsed.ok) {
    throw new InputError(parsed.errors.map((e) => scenarioProblem(spec, e)));
  }
  return { scenario: parsed.scenario, fromFile: true };
}

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
    values: ['scenario', 'park', 'runs', 'seed', 'workers', 'summary', 'out', 'lever', 'growth-shift'],
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
  const out = opt('out');
  if (out !== undefined && !['.parquet', '.csv'].includes(extname(out).toLowerCase())) {
    usage(`--out must end in .parquet or .csv, got "${out}"`);
  }
  // Every output is checked before any work, so a bad path fails at once, not after the simulation.
  const summaryFile = checkOutputPath(io.cwd, summaryPath, '--summary');
  const outFile = out === undefined ? undefined : checkOutputPath(io.cwd, out, '--out');
  if (outFile) checkOutputPath(io.cwd, inputsPathOf(outFile), '--out');

  const t0 = performance.now();
  const loaded = await loadScenario(scenarioSpec, io);
  const { fromFile } = loaded;
  // The baseline is accounted with the scenario's Scope-2 method, as the app does (docs/model.md §1).
  const park = await loadPark(opt('park') ?? 'sample', io.cwd, { scope2: scope2Of(loaded.scenario) });
  const scenario = adjustScenario(loaded.scenario, args.all.get('lever') ?? [], growthShift, park.baseline);
  if (fromFile && scenario.dataset !== park.id) {
    io.stderr(
      `warning: Scenario "${scenario.id}" was built for dataset "${scenario.dataset}"; applying it to "${park.id}".\n`,
    );
  }
  // The pool keeps the per-sector and per-carrier breakdown for about 2,000 runs (model.ts BREAKDOWN_ROWS).
  const model = compileChecked(scenario, park.baseline, scenarioSpec);
  // At most MAX_WARNINGS lines (a document with thousands of unknown sectors would print megabytes).
  for (const w of model.warnings.slice(0, MAX_WARNINGS)) io.stderr(`warning: ${shown(w, 300)}\n`);
  if (model.warnings.length > MAX_WARNINGS)
    io.stderr(`warning: … and ${model.warnings.length - MAX_WARNINGS} more warnings of the scenario\n`);

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

export const command: CliCommand = {
  name: 'simulate',
  summary: 'Monte Carlo pathways to 2060 for a scenario and park (summary JSON, runs file)',
  usage: USAGE,
  async run(argv, io) {
    try {
      return await run(argv, io);
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr(`simulate: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  },
};
