/**
 * Loads a park for `simulate`: a bundled park (`datasets/<id>/<table>.arrow`) or a user folder of CSV,
 * Parquet or Arrow files in the canonical schema (datasets/README.md), and builds the scenario
 * baseline from it with the accounting engine's coefficients. Problems name file, row and column.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import {
  FactorLibrary,
  accountActivity,
  carrierCoefficients,
  formatIssue,
  parkTotals,
  parseNumber,
  validateActivityRows,
  type RawRecord,
  type ValidationIssue,
} from '../core/accounting/index';
import {
  baselineFromRows,
  rooftopStockFrom,
  type ParkBaseline,
  type PvInstallation,
} from '../core/scenario/baseline';
import { DEFAULT_SCOPE2, type Scope2Method } from '../core/scenario/schema';
import { sectorInfo } from '../core/sectors';
import { bundledPark, bundledParkIds } from '../data/bundled-node';
import type { ParkManifest } from '../data/parks';
import { CsvError, csvObjects, parseCsv } from './csv';

/** The tables the baseline needs. */
const NEEDED = ['enterprises', 'economics', 'activity'] as const;
type Needed = (typeof NEEDED)[number];
/** Read when present: the rooftop-PV stock for PV levers given as a share of the rooftop potential. */
const OPTIONAL = 'pv_installations';
type ParkTables = Record<Needed, RawTable> & { pv_installations?: RawTable };

export interface LoadParkOptions {
  /** Scope-2 method of the coefficients and the history (the scenario's); default DEFAULT_SCOPE2. */
  scope2?: Scope2Method;
}

/** A table as plain records, with where each came from (for messages). */
export interface RawTable {
  file: string;
  columns: string[];
  records: RawRecord[];
  /** Row number of each record as messages give it (CSV: its line; Arrow/Parquet: 1-based record number). */
  rows: number[];
}

export interface LoadedPark {
  id: string;
  /** Where it was read from, for messages. */
  source: string;
  baseline: ParkBaseline;
}

/** A problem worded for the user (file, row, column). */
export class ParkInputError extends Error {
  override name = 'ParkInputError';
}

function fail(issues: readonly ValidationIssue[]): never {
  const shown = issues.slice(0, 20).map(formatIssue);
  if (issues.length > 20) shown.push(`… and ${issues.length - 20} more problems`);
  throw new ParkInputError(shown.join('\n'));
}

/** Arrow table → records (bigints become numbers). */
export function arrowRecords(table: Table, file: string): RawTable {
  const columns = table.schema.fields.map((f) => f.name);
  const vectors = columns.map((_, i) => table.getChildAt(i)!);
  const records: RawRecord[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const rec: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const v = vectors[i].get(r);
      rec[c] = typeof v === 'bigint' ? Number(v) : v;
    });
    records.push(rec);
  }
  return { file, columns, records, rows: records.map((_, i) => i + 1) };
}

async function readTableFile(path: string): Promise<RawTable> {
  const bytes = await readFile(path);
  if (path.endsWith('.csv')) {
    try {
      const t = parseCsv(bytes.toString('utf8'));
      return { file: path, columns: t.header, records: csvObjects(t), rows: t.lines };
    } catch (e) {
      if (e instanceof CsvError) throw new ParkInputError(`${path}: row ${e.line}: ${e.message}`);
      throw e;
    }
  }
  try {
    if (path.endsWith('.parquet')) {
      const { readParquet } = await import('parquet-wasm/node');
      return arrowRecords(tableFromIPC(readParquet(new Uint8Array(bytes)).intoIPCStream()), path);
    }
    return arrowRecords(tableFromIPC(new Uint8Array(bytes)), path);
  } catch (e) {
    throw new ParkInputError(
      `${path}: not a readable ${path.split('.').pop()} file (${(e as Error).message ?? e})`,
    );
  }
}

async function readFolder(dir: string): Promise<{ tables: ParkTables; manifest: Partial<ParkManifest> }> {
  const tables = {} as ParkTables;
  const find = (name: string) =>
    ['parquet', 'csv', 'arrow'].map((ext) => join(dir, `${name}.${ext}`)).find((f) => existsSync(f));
  for (const name of NEEDED) {
    const file = find(name);
    if (!file) throw new ParkInputError(`${dir}: no ${name}.csv, ${name}.parquet or ${name}.arrow`);
    tables[name] = await readTableFile(file);
  }
  const pvFile = find(OPTIONAL);
  if (pvFile) tables[OPTIONAL] = await readTableFile(pvFile);
  const manifestPath = join(dir, 'manifest.json');
  let manifest: Partial<ParkManifest> = {};
  if (existsSync(manifestPath)) {
    try {
      manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Partial<ParkManifest>;
    } catch (e) {
      throw new ParkInputError(`${manifestPath}: not valid JSON (${(e as Error).message})`);
    }
  }
  return { tables, manifest };
}

async function readBundled(id: string): Promise<{ tables: ParkTables; manifest: ParkManifest }> {
  const park = bundledPark(id);
  const bytes = new Map((await park.tables()).map((t) => [t.name, t.ipc]));
  const tables = {} as ParkTables;
  for (const name of NEEDED) {
    const ipc = bytes.get(name);
    if (!ipc) throw new ParkInputError(`datasets/${id}/${name}.arrow is missing`);
    tables[name] = arrowRecords(tableFromIPC(ipc), `datasets/${id}/${name}.arrow`);
  }
  const pv = bytes.get(OPTIONAL);
  if (pv) tables[OPTIONAL] = arrowRecords(tableFromIPC(pv), `datasets/${id}/${OPTIONAL}.arrow`);
  return { tables, manifest: park.manifest };
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

function missingColumns(t: RawTable, needed: readonly string[]): ValidationIssue[] {
  return needed
    .filter((c) => !t.columns.includes(c))
    .map((column) => ({ file: t.file, row: 1, column, reason: 'missing column' }));
}

/** enterprise_id → sector, checked: ids present and unique, sectors known. */
function sectorMap(t: RawTable): Map<string, string> {
  const issues = missingColumns(t, ['enterprise_id', 'sector']);
  if (issues.length) fail(issues);
  const map = new Map<string, string>();
  t.records.forEach((r, i) => {
    const row = t.rows[i];
    const id = text(r.enterprise_id);
    const sector = text(r.sector);
    if (id === '') issues.push({ file: t.file, row, column: 'enterprise_id', reason: 'empty' });
    else if (map.has(id))
      issues.push({ file: t.file, row, column: 'enterprise_id', reason: `"${id}" repeats` });
    if (!sectorInfo(sector)) {
      issues.push({
        file: t.file,
        row,
        column: 'sector',
        reason: `"${sector}" is not a sector code (src/core/sectors.ts)`,
      });
    }
    map.set(id, sector);
  });
  if (issues.length) fail(issues);
  return map;
}

/** Output value (10^4 CNY) by year and sector, checked. */
function outputByYear(t: RawTable, sectors: Map<string, string>): Map<number, Record<string, number>> {
  const issues = missingColumns(t, ['enterprise_id', 'year', 'output_value_10k_cny']);
  if (issues.length) fail(issues);
  const out = new Map<number, Record<string, number>>();
  t.records.forEach((r, i) => {
    const row = t.rows[i];
    const bad = (column: string, reason: string) => issues.push({ file: t.file, row, column, reason });
    const sector = sectors.get(text(r.enterprise_id));
    const year = parseNumber(r.year);
    const value = parseNumber(r.output_value_10k_cny);
    if (sector === undefined) bad('enterprise_id', `"${text(r.enterprise_id)}" is not in enterprises`);
    if (year === undefined || !Number.isInteger(year)) bad('year', `"${text(r.year)}" is not a year`);
    if (value === undefined || value < 0)
      bad('output_value_10k_cny', `"${text(r.output_value_10k_cny)}" is not a number ≥ 0`);
    if (sector === undefined || year === undefined || value === undefined) return;
    const bySector = out.get(year) ?? {};
    bySector[sector] = (bySector[sector] ?? 0) + value;
    out.set(year, bySector);
  });
  if (issues.length) fail(issues);
  return out;
}

/** PV installations, checked (enterprise_id, commissioned_year, capacity_kwp ≥ 0). */
function installations(t: RawTable): PvInstallation[] {
  const issues = missingColumns(t, ['enterprise_id', 'commissioned_year', 'capacity_kwp']);
  if (issues.length) fail(issues);
  const out: PvInstallation[] = [];
  t.records.forEach((r, i) => {
    const bad = (column: string, reason: string) =>
      issues.push({ file: t.file, row: t.rows[i], column, reason });
    const year = parseNumber(r.commissioned_year);
    const kwp = parseNumber(r.capacity_kwp);
    if (year === undefined || !Number.isInteger(year))
      bad('commissioned_year', `"${text(r.commissioned_year)}" is not a year`);
    if (kwp === undefined || kwp < 0) bad('capacity_kwp', `"${text(r.capacity_kwp)}" is not a number ≥ 0`);
    if (year === undefined || kwp === undefined) return;
    out.push({ enterprise_id: text(r.enterprise_id), commissioned_year: year, capacity_kwp: kwp });
  });
  if (issues.length) fail(issues);
  return out;
}

/**
 * Builds the baseline from the three tables: the latest activity year is the base year; its activity
 * summed by sector × carrier in canonical units; coefficients from the accounting engine for that year
 * under the Scope-2 method asked for; park totals of every year (accounting's parkTotals, same method)
 * as the history; the rooftop-PV stock from pv_installations when given, else from PV generation.
 */
export function baselineFromTables(
  id: string,
  tables: ParkTables,
  manifest: Partial<ParkManifest>,
  lib: FactorLibrary = FactorLibrary.standard(),
  options: LoadParkOptions = {},
): ParkBaseline {
  const scope2 = options.scope2 ?? DEFAULT_SCOPE2;
  const sectors = sectorMap(tables.enterprises);
  const outputs = outputByYear(tables.economics, sectors);
  const act = tables.activity;
  const { rows, errors } = validateActivityRows(act.records, act.file, {
    columns: act.columns,
    lineNumbers: act.rows,
  });
  rows.forEach((r) => {
    if (!sectors.has(r.enterprise_id)) {
      const i = act.records.findIndex((rec) => text(rec.enterprise_id) === r.enterprise_id);
      errors.push({
        file: act.file,
        row: act.rows[i],
        column: 'enterprise_id',
        reason: `"${r.enterprise_id}" is not in enterprises`,
      });
    }
  });
  if (errors.length) fail(errors);
  if (rows.length === 0) throw new ParkInputError(`${act.file}: no activity rows`);

  const lines = accountActivity(rows, lib, { scope2Method: scope2 });
  const year = Math.max(...rows.map((r) => r.year));
  const pvGeneration = new Map<string, number>();
  for (const l of lines) {
    if (l.year !== year) continue;
    const pv = l.carrier === 'pv_electricity' ? l.amount_canonical : 0;
    pvGeneration.set(l.enterprise_id, (pvGeneration.get(l.enterprise_id) ?? 0) + pv);
  }
  const output = outputs.get(year);
  if (!output) throw new ParkInputError(`${tables.economics.file}: no rows for the base year ${year}`);
  const totals = parkTotals(lines).filter((t) => outputs.has(t.year));
  const sumOutput = (y: number) => Object.values(outputs.get(y) ?? {}).reduce((a, b) => a + b, 0);
  return baselineFromRows(
    lines
      .filter((l) => l.year === year)
      .map((l) => ({
        sector: sectors.get(l.enterprise_id)!,
        carrier: l.carrier,
        amount: l.amount_canonical,
      })),
    output,
    (carrier) => carrierCoefficients(lib, carrier, { scope2Method: scope2 }, year),
    {
      datasetId: id,
      year,
      scope2,
      rooftop: rooftopStockFrom(
        year,
        pvGeneration,
        tables.pv_installations && installations(tables.pv_installations),
      ),
      greenSpaceHa: manifest.green_space_ha ?? 0,
      wetlandHa: manifest.wetland_ha ?? 0,
      history: {
        years: totals.map((t) => t.year),
        totalTco2: totals.map((t) => t.total_tco2),
        energyTce: totals.map((t) => t.energy_tce),
        outputValue: totals.map((t) => sumOutput(t.year)),
      },
    },
  );
}

/** Loads `spec` (a bundled park id, or a folder relative to `cwd`) and builds its baseline. */
export async function loadPark(
  spec: string,
  cwd: string,
  options: LoadParkOptions = {},
): Promise<LoadedPark> {
  const lib = FactorLibrary.standard();
  if (bundledParkIds().includes(spec)) {
    const { tables, manifest } = await readBundled(spec);
    return {
      id: spec,
      source: `datasets/${spec}`,
      baseline: baselineFromTables(spec, tables, manifest, lib, options),
    };
  }
  const dir = resolve(cwd, spec);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ParkInputError(
      `Park "${spec}" is neither a bundled park (${bundledParkIds().join(', ')}) nor a folder`,
    );
  }
  const { tables, manifest } = await readFolder(dir);
  const id = manifest.id ?? basename(dir);
  return { id, source: dir, baseline: baselineFromTables(id, tables, manifest, lib, options) };
}
