/**
 * `npm run cli -- account`: the carbon inventory of an activity file, per enterprise and year, with
 * the same engine as the app (src/core/accounting). The activity is read by the importer (as `validate`
 * and the app read it); bad input exits non-zero naming file, row, column.
 */
import { extname, resolve } from 'node:path';
import {
  AccountingError,
  FactorLibrary,
  carrierCode,
  negativeNetEnterprises,
  parseNumber,
  resolveOptions,
  summarizeInventory,
  TerritorialTotals,
  type AccountingOptions,
  type FactorOverride,
  type InventoryLine,
  type TerritorialYear,
} from '../../core/accounting/index';
import { accountColumns, type ActivityColumnsView } from '../../core/accounting/stream';
import { cut } from '../../core/accounting/ranges';
import { CSV_EOL, csvLine, toCsv, type CsvValue } from '../../core/csv-write';
import { fail, formatProblem, InputError, type Problem } from '../../core/errors';
import { UnitError, parseUnit, unitDimension } from '../../core/units';
import { parseArgs } from '../args';
import { csvObjects, parseCsvBytes, type CsvTable } from '../csv';
import { checkFinite, checkOutputPath, distinctOutputs, writeAtomic } from '../output';
import type { CliCommand, CliIo } from '../types';
import { importActivityFile } from './validate';
import { readInput } from '../input';

const USAGE = `Usage: npm run cli -- account --activity <activity.csv> [--enterprises <enterprises.csv>]
       [--factors <factors.csv>] [--grid-year <year>] [--grid-region <code>]
       [--electricity-method equivalent|equal] [--scope2-method location|market]
       [--residual-mix-factor <tCO2/MWh>] [--supplier-heat-factor <tCO2/GJ>] --out <file.json|file.csv>
       [--park-out <file.json|file.csv>]

Carbon inventory per enterprise and year: energy (tce, GB/T 2589-2020), Scope 1, Scope 2, deductions
for exported electricity/heat and total (GB/T 32150-2015), biogenic CO2 outside the total.

  --activity            activity read by the importer, as \`validate\` reads it: .csv (UTF-8, GBK,
                        UTF-16), .xlsx, .parquet or .json; enterprise_id,year,carrier,amount,unit or
                        Chinese headers and names (企业代码,年份,能源品种,消费量,计量单位; 电力, 蒸汽 …)
  --enterprises         CSV with enterprise_id (or id) and optionally name_zh, name_en, sector
  --factors             CSV with carrier,unit,tco2_per_unit,tce_per_unit: replaces the library for the
                        carriers listed (a blank cell keeps the library's value for that part)
  --grid-year           grid-factor year for every row (default: each row's year; a year without a
                        published factor uses the nearest earlier published year)
  --grid-region         national (default), north, northeast, east, central, northwest, south,
                        southwest, national_market (carbon-market factor)
  --electricity-method  equivalent (0.1229 kgce/kWh, default) or equal (coal for power)
  --scope2-method       location (default) or market (green power 0, rest residual mix)
  --out                 output file; .json (array of objects) or .csv. \`net_negative\` marks an
                        enterprise-year whose net total is below zero: exports credited above its own
                        emissions (e.g. a gas CHP's power at the grid average), not a removal
  --park-out            park totals by year: the territorial (production-based) total, Σ Scope 1 of
                        all enterprises, beside the consumption-based net total, with electricity and
                        heat imports and exports as memo items
Docs: docs/accounting.md`;

const VALUE_OPTIONS = [
  'activity',
  'enterprises',
  'factors',
  'grid-year',
  'grid-region',
  'electricity-method',
  'scope2-method',
  'residual-mix-factor',
  'supplier-heat-factor',
  'out',
  'park-out',
] as const;

async function readBytes(io: CliIo, file: string): Promise<Buffer> {
  try {
    return await readInput(resolve(io.cwd, file));
  } catch (e) {
    fail({ file, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
  }
}

/** A factors or enterprises CSV, decoded as the importer decodes (UTF-8, GBK, UTF-16; bad bytes named). */
async function readCsv(io: CliIo, file: string): Promise<CsvTable> {
  return parseCsvBytes(new Uint8Array(await readBytes(io, file)), file);
}

/**
 * The activity file through the importer (the app's and `validate`'s): CSV in UTF-8 or GBK, XLSX,
 * Parquet, JSON; Chinese or English headers and names. Rows keep the file's order, amounts and units,
 * as columns (no object per row: a million rows are accounted a chunk at a time).
 */
async function readActivity(io: CliIo, file: string): Promise<ActivityColumnsView> {
  const bytes = new Uint8Array(await readBytes(io, file));
  const { activity, warnings, warningCount } = await importActivityFile(file, bytes);
  for (const w of warnings) io.stderr(`account: warning: ${formatProblem(w)}\n`);
  if (warningCount > warnings.length)
    io.stderr(`account: warning: … and ${warningCount - warnings.length} more warnings\n`);
  return activity;
}

/** Rows per piece handed to the file: a piece is a few hundred kB of text. */
const ROWS_PER_PIECE = 1000;

/**
 * The output text in pieces, each row made, checked (no NaN or infinity; nothing is written if one
 * is found) and formatted as it is reached: the same bytes as JSON.stringify(rows, null, 2) + '\n'
 * or recordsToCsv(columns of the first row, rows), without holding every row or the whole text.
 */
function* outputPieces<T extends Record<string, unknown>>(
  count: number,
  rowAt: (i: number) => T,
  format: '.json' | '.csv',
  out: string,
): Generator<string, void, undefined> {
  let columns: string[] = [];
  let piece: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = rowAt(i);
    try {
      checkFinite(row, out);
    } catch (e) {
      // Named as a check of the whole array names it: [row].field.
      if (!(e instanceof InputError)) throw e;
      throw new InputError(e.problems.map((p) => ({ ...p, field: `[${i}].${p.field}` })));
    }
    if (format === '.json') {
      piece.push(`${i === 0 ? '[\n' : ',\n'}  ${JSON.stringify(row, null, 2).replaceAll('\n', '\n  ')}`);
    } else {
      if (i === 0) {
        columns = Object.keys(row);
        piece.push(csvLine(columns) + CSV_EOL);
      }
      piece.push(csvLine(columns.map((c) => row[c] as CsvValue)) + CSV_EOL);
    }
    if (piece.length >= ROWS_PER_PIECE) {
      yield piece.join('');
      piece = [];
    }
  }
  if (format === '.json') piece.push(count === 0 ? '[]\n' : '\n]\n');
  yield piece.join('');
}

/** The lines as they pass, each also added to `into` (none is kept: a million lines need not be). */
function* addLines(lines: Iterable<InventoryLine>, into: TerritorialTotals): Generator<InventoryLine> {
  for (const l of lines) {
    into.add(l);
    yield l;
  }
}

/** Park totals by year as CSV: each boundary flow as two columns (amount, tCO2). */
function parkCsv(years: readonly TerritorialYear[]): string {
  const flows = ['electricity_import', 'heat_import', 'electricity_export', 'heat_export'] as const;
  const unit = (f: string) => (f.startsWith('electricity') ? 'mwh' : 'gj');
  const columns = [
    'year',
    'territorial_tco2',
    'net_tco2',
    ...flows.flatMap((f) => [`${f}_${unit(f)}`, `${f}_tco2`]),
    'biogenic_tco2',
  ];
  return toCsv(
    columns,
    years.map((y) => [
      y.year,
      y.territorial_tco2,
      y.net_tco2,
      ...flows.flatMap((f) => [y[f].amount, y[f].tco2]),
      y.biogenic_tco2,
    ]),
  );
}

function failAll(problems: readonly Problem[]): never {
  throw new InputError(problems);
}

function requireColumns(t: CsvTable, file: string, columns: readonly string[]): void {
  const missing = columns.filter((c) => !t.header.includes(c));
  if (missing.length > 0)
    failAll(missing.map((column) => ({ file, row: 1, column, reason: 'missing column' })));
}

async function readFactors(io: CliIo, file: string): Promise<FactorOverride[]> {
  const t = await readCsv(io, file);
  requireColumns(t, file, ['carrier', 'unit', 'tco2_per_unit', 'tce_per_unit']);
  const issues: Problem[] = [];
  const out: FactorOverride[] = [];
  csvObjects(t).forEach((r, i) => {
    const row = t.lines[i];
    const bad = (column: string, reason: string) => issues.push({ file, row, column, reason });
    const carrier = carrierCode(r.carrier);
    if (!carrier) return bad('carrier', `unknown carrier "${cut(r.carrier)}"`);
    try {
      unitDimension(parseUnit(r.unit), carrier);
    } catch (e) {
      if (e instanceof UnitError) return bad('unit', e.message);
      throw e;
    }
    const nums: Record<'tco2_per_unit' | 'tce_per_unit', number | null> = {
      tco2_per_unit: null,
      tce_per_unit: null,
    };
    for (const k of ['tco2_per_unit', 'tce_per_unit'] as const) {
      if (r[k].trim() === '') continue;
      const v = parseNumber(r[k]);
      if (v === undefined) return bad(k, `"${r[k]}" is not a number`);
      if (!Number.isFinite(v)) return bad(k, `"${r[k].slice(0, 40)}" is not a finite number`);
      nums[k] = v;
    }
    if (nums.tco2_per_unit === null && nums.tce_per_unit === null) {
      return bad('tco2_per_unit', 'both tco2_per_unit and tce_per_unit are blank');
    }
    out.push({ carrier, unit: r.unit, ...nums, source: file, row });
  });
  if (issues.length > 0) failAll(issues);
  return out;
}

interface EnterpriseInfo {
  name_zh?: string;
  name_en?: string;
  sector?: string;
}

async function readEnterprises(io: CliIo, file: string): Promise<Map<string, EnterpriseInfo>> {
  const t = await readCsv(io, file);
  const idColumn = t.header.includes('enterprise_id') ? 'enterprise_id' : 'id';
  requireColumns(t, file, [idColumn]);
  const map = new Map<string, EnterpriseInfo>();
  const rowOf = new Map<string, number>();
  const problems: Problem[] = [];
  csvObjects(t).forEach((r, i) => {
    const id = r[idColumn].trim();
    const row = t.lines[i];
    if (id === '') fail({ file, row, column: idColumn, reason: 'empty' });
    const first = rowOf.get(id);
    if (first !== undefined) {
      problems.push({
        file,
        row,
        column: idColumn,
        reason: `enterprise "${id.slice(0, 40)}" is already on row ${first}`,
      });
      return;
    }
    rowOf.set(id, row);
    map.set(id, { name_zh: r.name_zh, name_en: r.name_en, sector: r.sector });
  });
  if (problems.length > 0) failAll(problems);
  return map;
}

function options(args: Map<string, string>): Partial<AccountingOptions> {
  const o: Partial<AccountingOptions> = {};
  const year = args.get('grid-year');
  if (year !== undefined) {
    // Written as the importer reads years: four digits (not 2e3 or 2022.5).
    const y = /^\s*\d{4}\s*$/.test(year) ? parseNumber(year) : undefined;
    if (y === undefined || !Number.isInteger(y))
      fail({ file: '--grid-year', reason: `"${year}" is not a year` });
    o.gridYear = y;
  }
  if (args.has('grid-region')) o.gridRegion = args.get('grid-region')!;
  if (args.has('electricity-method')) {
    o.electricityMethod = args.get('electricity-method') as AccountingOptions['electricityMethod'];
  }
  if (args.has('scope2-method'))
    o.scope2Method = args.get('scope2-method') as AccountingOptions['scope2Method'];
  for (const [flag, key] of [
    ['residual-mix-factor', 'residualMixFactor'],
    ['supplier-heat-factor', 'supplierHeatFactor'],
  ] as const) {
    const v = args.get(flag);
    if (v === undefined) continue;
    const n = parseNumber(v);
    if (n === undefined) fail({ file: `--${flag}`, reason: `"${v}" is not a number` });
    o[key] = n;
  }
  return o;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv, { values: VALUE_OPTIONS });
  } catch (e) {
    io.stderr(`account: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const args = parsed.options;
  const activityFile = args.get('activity');
  const out = args.get('out');
  if (parsed.positionals.length > 0) {
    io.stderr(
      `account: command line: unexpected argument "${parsed.positionals[0].slice(0, 80)}"\n${USAGE}\n`,
    );
    return 2;
  }
  if (!activityFile || !out) {
    io.stderr(`account: command line: --activity and --out are required\n${USAGE}\n`);
    return 2;
  }
  const format = extname(out).toLowerCase();
  if (format !== '.json' && format !== '.csv') {
    io.stderr(`account: --out must end in .json or .csv, not "${out}"\n`);
    return 2;
  }
  const parkOut = args.get('park-out');
  const parkFormat = parkOut === undefined ? null : extname(parkOut).toLowerCase();
  if (parkFormat !== null && parkFormat !== '.json' && parkFormat !== '.csv') {
    io.stderr(`account: --park-out must end in .json or .csv, not "${parkOut}"\n`);
    return 2;
  }
  try {
    // The output is checked before any work, so a bad path fails at once.
    const path = checkOutputPath(io.cwd, out, '--out');
    const parkPath = parkOut === undefined ? null : checkOutputPath(io.cwd, parkOut, '--park-out');
    if (parkPath !== null)
      distinctOutputs([
        ['--out', path],
        ['--park-out', parkPath],
      ]);
    let lib = FactorLibrary.standard();
    const opts = resolveOptions(lib, options(args));
    const factorsFile = args.get('factors');
    const overrideRows = factorsFile ? await readFactors(io, factorsFile) : [];
    if (overrideRows.length > 0) lib = lib.withOverrides(overrideRows);
    const enterprises = args.has('enterprises')
      ? await readEnterprises(io, args.get('enterprises')!)
      : undefined;

    const activity = await readActivity(io, activityFile);

    // Park totals (--park-out) are summed from the lines as they pass, when asked for.
    const territorial = parkPath === null ? null : new TerritorialTotals();
    const lines = accountColumns(activity, lib, opts);
    const summaries = summarizeInventory(territorial ? addLines(lines, territorial) : lines);
    const negative = negativeNetEnterprises(summaries);
    const overrides = [...new Set(overrideRows.map((f) => f.carrier))].join(' ');
    if (enterprises) {
      const unknown = new Set<string>();
      for (const s of summaries) if (!enterprises.has(s.enterprise_id)) unknown.add(s.enterprise_id);
      if (unknown.size > 0) {
        io.stderr(
          `account: warning: ${unknown.size} enterprise id(s) not in ${args.get('enterprises')}: ${[...unknown].slice(0, 10).join(', ')}\n`,
        );
      }
    }
    const market = opts.scope2Method === 'market';
    const rowAt = (i: number) => {
      const s = summaries[i];
      const e = enterprises?.get(s.enterprise_id);
      // The factor actually applied to purchased electricity: the residual mix under market-based
      // Scope 2 (unless one is given), the region's location factor otherwise.
      const grid = market
        ? lib.residualFactor(opts.gridYear ?? s.year)
        : lib.gridFactor(opts.gridRegion, opts.gridYear ?? s.year);
      const gridValue = market ? (opts.residualMixFactor ?? grid.value) : grid.value;
      const names = enterprises
        ? { name_zh: e?.name_zh ?? null, name_en: e?.name_en ?? null, sector: e?.sector ?? null }
        : {};
      const { enterprise_id, ...figures } = s;
      return {
        enterprise_id,
        ...names,
        ...figures,
        electricity_method: opts.electricityMethod,
        scope2_method: opts.scope2Method,
        grid_region: opts.gridRegion,
        grid_year: grid.year,
        grid_factor_tco2_per_mwh: gridValue,
        grid_factor_type: market ? 'residual_mix' : grid.factorType,
        factor_overrides: overrides,
        // After every earlier column, so a reader of the CSV by position is not disturbed.
        net_negative: s.total_tco2 < 0,
      };
    };
    await writeAtomic(path, outputPieces(summaries.length, rowAt, format, out));
    if (parkPath !== null) {
      const park = territorial!.totals();
      checkFinite(park, parkOut!);
      await writeAtomic(
        parkPath,
        parkFormat === '.json' ? JSON.stringify(park, null, 2) + '\n' : parkCsv(park),
      );
    }
    let first = Infinity;
    let last = -Infinity;
    for (const s of summaries) {
      if (s.year < first) first = s.year;
      if (s.year > last) last = s.year;
    }
    io.stdout(
      `Wrote ${summaries.length} rows (${new Set(summaries.map((s) => s.enterprise_id)).size} enterprises, ` +
        `${first}–${last}) to ${out}\n`,
    );
    if (parkPath !== null) io.stdout(`Wrote park totals by year to ${parkOut}\n`);
    if (negative.length > 0) {
      const ids = [...new Set(negative.map((n) => n.enterprise_id))];
      io.stdout(
        `Note: ${negative.length} enterprise-year(s) have a negative net total (net_negative): exports ` +
          `credited above their own emissions, not a removal (${ids.slice(0, 5).join(', ')}` +
          `${ids.length > 5 ? ', …' : ''})\n`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof AccountingError || e instanceof UnitError) {
      io.stderr(`account: ${e.message}\n`);
      // A mistake on the command line exits 2, as in main.ts.
      return e instanceof InputError && e.problems.every((p) => p.file === 'command line') ? 2 : 1;
    }
    throw e;
  }
}

export const command: CliCommand = {
  name: 'account',
  summary: 'Carbon inventory (tce, Scope 1/2, total tCO2) per enterprise and year from an activity CSV',
  usage: USAGE,
  run,
};
