/**
 * Loads a park for `simulate`: a bundled park (`datasets/<id>/<table>.arrow`) or a user folder of CSV,
 * Parquet or Arrow files in the canonical schema (datasets/README.md). A folder's files are read and
 * checked here (problems name file, row and column), then loaded into DuckDB; the baseline is built
 * there by the app's own SQL (src/data/park-baseline.ts), key rules included.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Table } from 'apache-arrow';
import { parseNumber, type RawRecord } from '../core/accounting/index';
import { formatProblem, InputError, type Problem } from '../core/errors';
import type { ParkBaseline } from '../core/scenario/baseline';
import { DEFAULT_SCOPE2, type Scope2Method } from '../core/scenario/schema';
import { sectorInfo } from '../core/sectors';
import { bundledPark, bundledParkIds, referenceTables } from '../data/bundled-node';
import { loadParkBaseline, type LocateRecord } from '../data/park-baseline';
import { loadTables, PARK_TABLES, type ParkManifest, type TableBytes } from '../data/parks';
import { quoteIdent, type DbPort } from '../data/port';
import { baselineKey, cacheBaseline, readCachedBaseline, type CachedBaseline } from './baseline-cache';
import { DEFAULT_YEAR_RANGE, readYear } from '../core/import/activity';
import { decodeText } from '../core/import/decode';
import { OUTPUT_VALUE_MAX } from '../core/import/tables';
import { importActivityFile } from './commands/validate';
import { csvObjects, parseCsvBytes } from './csv';
import { readInput } from './input';

/** The tables a bundled park has for the baseline. */
const NEEDED = ['enterprises', 'economics', 'activity'] as const;
/** Read when present: the rooftop-PV stock for PV levers given as a share of the rooftop potential. */
const OPTIONAL = 'pv_installations';
/**
 * Tables a folder may come without, as an imported park in the app may: the park is opened as the app
 * opens one (installParkTables gives them stand-ins) and the warning says what that means.
 */
const STAND_IN_WARNINGS: Record<string, string> = {
  enterprises:
    'enterprises are named by their id and their sector is unknown: results by sector show one sector, unknown',
  economics:
    'no output value: no intensities, and the structural shift lever, which moves output value, has no effect',
};

export interface LoadParkOptions {
  /** Scope-2 method of the coefficients and the history (the scenario's); default DEFAULT_SCOPE2. */
  scope2?: Scope2Method;
}

/** A table as plain records, with where each came from (for messages). */
interface RawTable {
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
  /**
   * What the importer warned about a folder's activity file (a likely unit slip …), as lines to print
   * (at most MAX_WARNINGS, then how many more); none for a bundled park.
   */
  warnings: readonly string[];
}

/** Warnings of a folder's files listed at most; the rest are counted. */
const MAX_WARNINGS = 20;

function fail(problems: readonly Problem[]): never {
  throw new InputError(problems);
}

/** Arrow table → records (bigints become numbers). */
/** Apache Arrow, loaded only when a folder's files are read (a cached baseline needs none of it). */
let arrow: typeof import('apache-arrow') | null = null;
const arrowLib = async () => (arrow ??= await import('apache-arrow'));

function arrowRecords(table: Table, file: string): RawTable {
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

async function readTableFile(path: string, bytes: Buffer): Promise<RawTable> {
  if (path.endsWith('.csv')) {
    const t = parseCsvBytes(new Uint8Array(bytes), path);
    return { file: path, columns: t.header, records: csvObjects(t), rows: t.lines };
  }
  try {
    if (path.endsWith('.parquet')) {
      const { readParquet } = await import('parquet-wasm/node');
      const { tableFromIPC } = await arrowLib();
      return arrowRecords(tableFromIPC(readParquet(new Uint8Array(bytes)).intoIPCStream()), path);
    }
    const { tableFromIPC } = await arrowLib();
    return arrowRecords(tableFromIPC(new Uint8Array(bytes)), path);
  } catch (e) {
    fail([
      {
        file: path,
        reason: `not a readable ${path.split('.').pop()} file (${(e as Error).message ?? e})`,
      },
    ]);
  }
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * The enterprise id of a record, or a problem: empty, or holding a control character (a CSV's are
 * refused as it is decoded; an Arrow or Parquet file's strings are checked here).
 */
function enterpriseId(t: RawTable, i: number, problems: Problem[]): string {
  const id = text(t.records[i].enterprise_id);
  const at = id.search(CONTROL);
  const bad = (reason: string) =>
    problems.push({ file: t.file, row: t.rows[i], column: 'enterprise_id', reason });
  if (id === '') bad('empty');
  else if (at >= 0)
    bad(
      `control character U+${id.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')} at character ${at}`,
    );
  return id;
}

/** A year as the importer reads one: a whole year in its range, written as four digits. */
function yearOf(v: unknown): { year?: number; reason?: string } {
  const cell = typeof v === 'number' || typeof v === 'string' ? v : text(v);
  const { year, reason } = readYear(cell);
  if (year === undefined) return { reason: reason === 'empty' ? 'empty' : reason };
  const [lo, hi] = DEFAULT_YEAR_RANGE;
  if (year < lo || year > hi) return { reason: `${year} is out of range ${lo}–${hi}` };
  return { year };
}

function missingColumns(t: RawTable, needed: readonly string[]): Problem[] {
  return needed
    .filter((c) => !t.columns.includes(c))
    .map((column) => ({ file: t.file, row: 1, column, reason: 'missing column' }));
}

/** Arrow IPC bytes of typed columns, for DuckDB (Arrow loaded by the caller). */
function ipcOf(name: string, columns: Record<string, string[] | Int32Array | Float64Array>): TableBytes {
  const { tableFromArrays, tableToIPC } = arrow!;
  return { name, ipc: tableToIPC(tableFromArrays(columns), 'stream') };
}

/** enterprises: ids present, sectors known (a repeated id is a key rule, checked with the baseline). */
function enterprisesTable(t: RawTable): TableBytes {
  const problems = missingColumns(t, ['enterprise_id', 'sector']);
  if (problems.length) fail(problems);
  const ids: string[] = [];
  const sectors: string[] = [];
  t.records.forEach((r, i) => {
    const row = t.rows[i];
    const id = enterpriseId(t, i, problems);
    const sector = text(r.sector);
    if (!sectorInfo(sector)) {
      problems.push({
        file: t.file,
        row,
        column: 'sector',
        reason: `"${sector}" is not a sector code (src/core/sectors.ts)`,
      });
    }
    ids.push(id);
    sectors.push(sector);
  });
  if (problems.length) fail(problems);
  return ipcOf('enterprises', { enterprise_id: ids, sector: sectors });
}

/**
 * economics: year and output value of every row, by the importer's rules (src/core/import/tables.ts): a
 * four-digit year in range, an output value 0–OUTPUT_VALUE_MAX (10^4 CNY), one row per enterprise and
 * year (a second one would be counted twice: an error naming both rows).
 */
function economicsTable(t: RawTable): TableBytes {
  const problems = missingColumns(t, ['enterprise_id', 'year', 'output_value_10k_cny']);
  if (problems.length) fail(problems);
  const n = t.records.length;
  const ids: string[] = [];
  const years = new Int32Array(n);
  const values = new Float64Array(n);
  const rowOf = new Map<string, number>();
  t.records.forEach((r, i) => {
    const bad = (column: string, reason: string) =>
      problems.push({ file: t.file, row: t.rows[i], column, reason });
    const id = enterpriseId(t, i, problems);
    const { year, reason } = yearOf(r.year);
    const value = parseNumber(r.output_value_10k_cny);
    if (year === undefined) bad('year', reason === 'empty' ? 'empty' : reason!);
    if (value === undefined || value < 0)
      bad('output_value_10k_cny', `"${text(r.output_value_10k_cny).slice(0, 40)}" is not a number ≥ 0`);
    else if (!Number.isFinite(value))
      bad('output_value_10k_cny', `"${text(r.output_value_10k_cny).slice(0, 40)}" is not a finite number`);
    else if (value > OUTPUT_VALUE_MAX)
      bad('output_value_10k_cny', `${value} is out of range 0–${OUTPUT_VALUE_MAX} (10^4 CNY)`);
    if (year !== undefined && id !== '') {
      const key = `${id}\u0000${year}`;
      const first = rowOf.get(key);
      if (first === undefined) rowOf.set(key, t.rows[i]);
      else
        bad(
          'enterprise_id',
          `duplicate: ${JSON.stringify(id.slice(0, 40))}, ${year} is already on row ${first} (it would be counted twice)`,
        );
    }
    ids.push(id);
    years[i] = year ?? 0;
    values[i] = value ?? 0;
  });
  if (problems.length) fail(problems);
  return ipcOf('economics', { enterprise_id: ids, year: years, output_value_10k_cny: values });
}

/**
 * activity: read by the importer (as `account` and `validate` read it): carriers, units, years and
 * amounts checked, duplicate keys refused; rows keep the file's order, amounts and units.
 */
async function activityTable(
  path: string,
  bytes: Buffer,
  raw: Map<string, RawTable>,
  warn: string[],
): Promise<TableBytes> {
  const { activity: a, warnings, warningCount } = await importActivityFile(path, new Uint8Array(bytes));
  for (const w of warnings.slice(0, MAX_WARNINGS)) warn.push(formatProblem(w));
  if (warningCount > MAX_WARNINGS) warn.push(`… and ${warningCount - MAX_WARNINGS} more warnings of ${path}`);
  // Record i of the table comes from the file's row sourceRow[i] (messages of the key checks).
  raw.set('activity', { file: path, columns: [], records: [], rows: Array.from(a.sourceRow ?? []) });
  return ipcOf('activity', {
    enterprise_id: a.enterprise_id,
    year: a.year,
    carrier: a.carrier,
    amount: a.amount,
    unit: a.unit,
  });
}

/** Largest area (ha) a park's green space or wetland is taken to have: judgement (a very large park is a few 10^4 ha). */
const MAX_AREA_HA = 1e6;
/** Largest rooftop PV of one installation (kWp): judgement, far above the largest rooftop plants. */
const MAX_PV_KWP = 1e7;

/** manifest.json: an object; the areas, when given, finite numbers 0–MAX_AREA_HA; the id a string. */
function checkManifest(doc: unknown, file: string): Partial<ParkManifest> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    fail([
      {
        file,
        reason: `expected an object ({"id": …, "green_space_ha": …}), not ${JSON.stringify(doc)?.slice(0, 40)}`,
      },
    ]);
  const m = doc as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const field of ['green_space_ha', 'wetland_ha'] as const) {
    const v = m[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_AREA_HA)
      problems.push({
        file,
        field,
        reason: `${JSON.stringify(v).slice(0, 40)} is not an area in hectares (a number 0–${MAX_AREA_HA})`,
      });
  }
  if (m.id !== undefined && (typeof m.id !== 'string' || m.id.trim() === '' || m.id.length > 64))
    problems.push({
      file,
      field: 'id',
      reason: `${JSON.stringify(m.id).slice(0, 40)} is not a park id (text, 1–64 characters)`,
    });
  if (problems.length) fail(problems);
  return m as Partial<ParkManifest>;
}

/** pv_installations: enterprise_id, commissioned_year, capacity_kwp 0–MAX_PV_KWP. */
function installationsTable(t: RawTable): TableBytes {
  const problems = missingColumns(t, ['enterprise_id', 'commissioned_year', 'capacity_kwp']);
  if (problems.length) fail(problems);
  const n = t.records.length;
  const ids: string[] = [];
  const years = new Int32Array(n);
  const kwp = new Float64Array(n);
  t.records.forEach((r, i) => {
    const bad = (column: string, reason: string) =>
      problems.push({ file: t.file, row: t.rows[i], column, reason });
    const { year, reason } = yearOf(r.commissioned_year);
    const capacity = parseNumber(r.capacity_kwp);
    if (year === undefined) bad('commissioned_year', reason!);
    if (capacity === undefined || capacity < 0)
      bad('capacity_kwp', `"${text(r.capacity_kwp).slice(0, 40)}" is not a number ≥ 0`);
    else if (!Number.isFinite(capacity))
      bad('capacity_kwp', `"${text(r.capacity_kwp).slice(0, 40)}" is not a finite number`);
    else if (capacity > MAX_PV_KWP)
      bad('capacity_kwp', `${capacity} kWp is not plausible for one installation (at most ${MAX_PV_KWP})`);
    ids.push(enterpriseId(t, i, problems));
    years[i] = year ?? 0;
    kwp[i] = capacity ?? 0;
  });
  if (problems.length) fail(problems);
  return ipcOf(OPTIONAL, { enterprise_id: ids, commissioned_year: years, capacity_kwp: kwp });
}

const CHECKS: Record<string, (t: RawTable) => TableBytes> = {
  enterprises: enterprisesTable,
  economics: economicsTable,
  [OPTIONAL]: installationsTable,
};

interface ParkFiles {
  id: string;
  source: string;
  /** Everything the baseline is built from, for the cache key. */
  bytes: (string | Uint8Array)[];
  /** The tables, read and checked (only when the baseline is not cached), and what their reading warned. */
  tables(): Promise<{ tables: TableBytes[]; warnings: string[] }>;
  manifest: Partial<ParkManifest>;
  locate: LocateRecord;
}

/** A file of a park folder; one that cannot be read (or is a device) is named with the reason. */
async function readPark(path: string): Promise<Buffer> {
  try {
    return await readInput(path);
  } catch (e) {
    return fail([
      { file: path, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` },
    ]);
  }
}

async function readFolder(dir: string): Promise<ParkFiles> {
  const find = (name: string) =>
    ['parquet', 'csv', 'arrow'].map((ext) => join(dir, `${name}.${ext}`)).find((f) => existsSync(f));
  const files = new Map<string, { path: string; bytes: Buffer }>();
  const absent: string[] = [];
  for (const name of [...NEEDED, OPTIONAL]) {
    const path = find(name);
    if (!path) {
      if (name === OPTIONAL) continue;
      if (name in STAND_IN_WARNINGS) {
        absent.push(name);
        continue;
      }
      fail([{ file: dir, reason: `no ${name}.csv, ${name}.parquet or ${name}.arrow` }]);
    }
    files.set(name, { path, bytes: await readPark(path) });
  }
  const manifestPath = join(dir, 'manifest.json');
  let manifest: Partial<ParkManifest> = {};
  let manifestText = '';
  if (existsSync(manifestPath)) {
    // Decoded as the importer decodes (a BOM, UTF-16 are fine; invalid bytes are named).
    const { decoded, problems } = decodeText(new Uint8Array(await readPark(manifestPath)), manifestPath);
    if (!decoded) fail(problems);
    manifestText = decoded.text;
    let doc: unknown;
    try {
      doc = JSON.parse(manifestText);
    } catch (e) {
      fail([{ file: manifestPath, reason: `not valid JSON (${(e as Error).message})` }]);
    }
    manifest = checkManifest(doc, manifestPath);
  }
  const raw = new Map<string, RawTable>();
  const locate: LocateRecord = (table, record) => {
    const t = raw.get(table);
    return t ? { file: t.file, row: t.rows[record] ?? record + 1 } : { file: table, row: record + 1 };
  };
  const tables = async () => {
    await arrowLib();
    const out: TableBytes[] = [];
    const warnings = absent.map(
      (name) => `the folder has no ${name}.csv, ${name}.parquet or ${name}.arrow: ${STAND_IN_WARNINGS[name]}`,
    );
    for (const [name, f] of files) {
      if (name === 'activity') {
        out.push(await activityTable(f.path, f.bytes, raw, warnings));
      } else {
        const t = await readTableFile(f.path, f.bytes);
        raw.set(name, t);
        out.push(CHECKS[name](t));
      }
    }
    return { tables: out, warnings };
  };
  const bytes = [...files].flatMap(([name, f]) => [name + extname(f.path), f.bytes]);
  bytes.push(manifestText);
  return { id: manifest.id ?? basename(dir), source: dir, bytes, tables, manifest, locate };
}

async function readBundled(id: string): Promise<ParkFiles> {
  const park = bundledPark(id);
  const tables = await park.tables();
  for (const name of NEEDED) {
    if (!tables.some((t) => t.name === name))
      fail([{ file: `datasets/${id}/${name}.arrow`, reason: 'missing' }]);
  }
  const locate: LocateRecord = (table, record) => ({
    file: `datasets/${id}/${table}.arrow`,
    row: record + 1,
  });
  const bytes = [...tables.flatMap((t) => [t.name, t.ipc]), JSON.stringify(park.manifest)];
  return {
    id,
    source: `datasets/${id}`,
    bytes,
    tables: async () => ({ tables, warnings: [] }),
    manifest: park.manifest,
    locate,
  };
}

/**
 * Loads `spec` (a bundled park id, or a folder relative to `cwd`) into DuckDB with the reference
 * tables and builds its baseline there, as the app does.
 */
export async function loadPark(
  spec: string,
  cwd: string,
  options: LoadParkOptions = {},
): Promise<LoadedPark> {
  let files: ParkFiles;
  if (bundledParkIds().includes(spec)) {
    files = await readBundled(spec);
  } else {
    const dir = resolve(cwd, spec);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      fail([
        {
          file: 'option --park',
          reason: `"${spec}" is neither a bundled park (${bundledParkIds().join(', ')}) nor a folder`,
        },
      ]);
    }
    files = await readFolder(dir);
  }
  const scope2 = options.scope2 ?? DEFAULT_SCOPE2;
  const meta = {
    datasetId: files.id,
    greenSpaceHa: files.manifest.green_space_ha ?? 0,
    wetlandHa: files.manifest.wetland_ha ?? 0,
  };
  const reference = referenceTables();
  const key = baselineKey([
    ...files.bytes,
    ...reference.flatMap((t) => [t.name, t.ipc]),
    JSON.stringify(meta),
    scope2,
  ]);
  const cached = readCachedBaseline(key);
  if (cached) return { id: files.id, source: files.source, ...cached };
  // The same park and options again in this process (tests run many commands in one): built once.
  const memoKey = processKey([...files.bytes, JSON.stringify(meta), scope2]);
  let building = builtHere.get(memoKey);
  if (!building) {
    building = (async () => {
      const { tables, warnings } = await files.tables();
      const baseline = await inParkDb(reference, async (db) => {
        // The app's way of opening a park (stand-ins for the tables a folder lacks included); loaded
        // here, not at start, as it brings Arrow with it.
        const { installParkTables } = await import('../data/user-parks');
        await installParkTables(db, tables);
        return loadParkBaseline(db, meta, { scope2, locate: files.locate });
      });
      cacheBaseline(key, { baseline, warnings });
      return { baseline, warnings };
    })();
    builtHere.set(memoKey, building);
    // A park that failed is not remembered: its error is raised again by building it again.
    building.catch(() => builtHere.delete(memoKey));
  }
  // A copy: a caller may change its baseline without changing the next one's.
  const built = await building;
  return {
    id: files.id,
    source: files.source,
    baseline: structuredClone(built.baseline),
    warnings: built.warnings,
  };
}

/** Baselines built in this process, by park bytes and options (see processKey). */
const builtHere = new Map<string, Promise<CachedBaseline>>();

/** A key over every piece of input (bytes or text), in order. */
function processKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) {
    hash
      .update(String(typeof p === 'string' ? p.length : p.byteLength))
      .update('\0')
      .update(p);
  }
  return hash.digest('hex');
}

/** One DuckDB per process, with the reference tables, started on first use (it takes a while). */
let parkDb: Promise<DbPort> | null = null;
/** Parks are built one after another in it. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` on the process's DuckDB (started with `reference` on first use) with no park tables
 * loaded; drops the park's tables after it. DuckDB is loaded only here, when a baseline is built.
 */
function inParkDb<T>(reference: TableBytes[], work: (db: DbPort) => Promise<T>): Promise<T> {
  parkDb ??= import('../data/duckdb-node').then(async ({ createNodeDb }) => {
    const db = await createNodeDb();
    await loadTables(db, reference);
    return db;
  });
  const run = queue.then(async () => {
    const db = await parkDb!;
    try {
      return await work(db);
    } finally {
      for (const t of PARK_TABLES) await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
    }
  });
  queue = run.catch(() => {});
  return run;
}
