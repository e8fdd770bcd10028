/**
 * The importer: files as the user has them (CSV in UTF-8/GBK, XLSX, Parquet, JSON; Chinese or English
 * headers; long, wide or P201 layouts) → validated canonical tables. One code path for the app's
 * import worker, the CLI's `validate` and `import`, and every reader of activity. Nothing here loads
 * or saves anything: callers load `tables` only when they choose to (valid rows only, or nothing).
 */
import type { Problem } from '../errors';
import { importActivity, type ActivityImport } from './activity';
import { activityTable, type TypedTable } from './columns';
import type { EncodingChoice, Encoding } from './decode';
import type { MappingDoc } from './mapping';
import { readFile, type FileFormat } from './readers';
import { DEFAULT_MAX_PROBLEMS, represented } from './problems';
import { importEconomics, importEnterprises, type TableImport } from './tables';

/** What the importer is doing, for progress bars. */
export type ImportPhase = 'reading' | 'checking' | 'enterprises' | 'economics';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ParkImportInput {
  activity?: readonly InputFile[];
  enterprises?: InputFile;
  economics?: InputFile;
  mapping?: MappingDoc;
  encoding?: EncodingChoice;
  sheet?: string;
  parquetToIpc?: (bytes: Uint8Array) => Uint8Array;
  maxProblems?: number;
  /** Activity rows as the file gives them (see ActivityOptions.asGiven): what the accounting engine reads. */
  asGiven?: boolean;
  progress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface FileInfo {
  file: string;
  format?: FileFormat;
  encoding?: Encoding;
  encodingDetected?: boolean;
  sheets?: string[];
}

export interface ParkImport {
  activity?: ActivityImport;
  enterprises?: TableImport;
  economics?: TableImport;
  /** Every problem, errors first then warnings, at most maxProblems. */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  files: FileInfo[];
  /** Canonical tables of the valid rows, ready to load (activity, feedstock, enterprises, economics). */
  tables: { name: string; table: TypedTable }[];
  /** First and last year of the activity loaded. */
  years?: [number, number];
}

/** Imports what is given; reads every file before judging any, and checks ids across tables. */
export function importPark(input: ParkImportInput): ParkImport {
  const mapping = input.mapping ?? {};
  const max = input.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const files: FileInfo[] = [];
  const early: Problem[] = [];
  const read = (f: InputFile, lazy = false) => {
    const r = readFile(f.name, f.bytes, {
      encoding: input.encoding ?? mapping.encoding,
      sheet: input.sheet ?? mapping.sheet,
      parquetToIpc: input.parquetToIpc,
      lazy,
    });
    files.push({
      file: f.name,
      format: r.format,
      encoding: r.encoding,
      encodingDetected: r.encodingDetected,
      sheets: r.sheetNames,
    });
    for (const item of r.problems) early.push(item);
    return r.grids;
  };
  const out: ParkImport = { problems: [], errorCount: 0, warningCount: 0, files, tables: [] };
  const all: Problem[] = [];
  let errors = 0;
  let warnings = 0;
  if (input.enterprises) {
    input.progress?.('enterprises', 0, 1);
    const grids = read(input.enterprises);
    if (grids.length) out.enterprises = importEnterprises(grids.slice(0, 1), mapping, max);
  }
  if (input.economics) {
    input.progress?.('economics', 0, 1);
    const grids = read(input.economics);
    if (grids.length) out.economics = importEconomics(grids.slice(0, 1), mapping, max);
  }
  if (input.activity?.length) {
    input.progress?.('reading', 0, 1);
    // Activity files may be large: their CSV rows are parsed while they are read.
    const grids = input.activity.flatMap((f) => read(f, true));
    if (grids.length) {
      out.activity = importActivity(grids, {
        mapping,
        maxProblems: max,
        asGiven: input.asGiven,
        progress: (d, t) => input.progress?.('checking', d, t),
      });
    }
  }
  for (const p of early) {
    all.push(p);
    if (p.severity === 'warning') warnings++;
    else errors++;
  }
  for (const part of [out.enterprises, out.economics, out.activity]) {
    if (!part) continue;
    for (const item of part.problems) all.push(item);
    errors += part.errorCount;
    warnings += part.warningCount;
  }
  // Ids across tables: activity and economics must name enterprises that the enterprises table has.
  const ents = out.enterprises;
  if (ents) {
    const ids = new Set(ents.table.columns[0].values as string[]);
    const check = (file: string | undefined, label: string, rows: ArrayLike<string>, n: number) => {
      const reported = new Set<string>();
      for (let i = 0; i < n; i++) {
        const id = rows[i];
        if (ids.has(id) || reported.has(id)) continue;
        reported.add(id);
        errors++;
        all.push({
          file: file ?? label,
          column: 'enterprise_id',
          reason: `enterprise "${id}" is not in the enterprises file`,
        });
      }
    };
    if (out.activity && input.activity)
      check(
        input.activity[0].name,
        'activity',
        out.activity.activity.enterprise_id,
        out.activity.activity.length,
      );
    if (out.economics && input.economics) {
      const eid = out.economics.table.columns[0].values as string[];
      check(input.economics.name, 'economics', eid, eid.length);
    }
  }
  // Errors, then warnings; within each, by file (in the order met) and row.
  const fileOrder = new Map<string, number>();
  for (const p of all) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  const rank = (p: Problem) => (p.severity === 'warning' ? 1 : 0);
  // A "… and n more like this" line comes after the rows of its file.
  const rowOf = (p: Problem) => (represented(p) > 1 ? Number.MAX_SAFE_INTEGER : (p.row ?? -1));
  all.sort(
    (a, b) => rank(a) - rank(b) || fileOrder.get(a.file)! - fileOrder.get(b.file)! || rowOf(a) - rowOf(b),
  );
  out.problems = all.slice(0, max);
  out.errorCount = errors;
  out.warningCount = warnings;
  if (out.enterprises) out.tables.push({ name: 'enterprises', table: out.enterprises.table });
  if (out.economics) out.tables.push({ name: 'economics', table: out.economics.table });
  if (out.activity) {
    const a = out.activity.activity;
    out.tables.push({ name: 'activity', table: activityTable(a) });
    if (out.activity.feedstock.length > 0)
      out.tables.push({ name: 'feedstock', table: activityTable(out.activity.feedstock) });
    if (a.length > 0) {
      let lo = a.year[0];
      let hi = a.year[0];
      for (let i = 1; i < a.length; i++) {
        if (a.year[i] < lo) lo = a.year[i];
        if (a.year[i] > hi) hi = a.year[i];
      }
      out.years = [lo, hi];
    }
  }
  return out;
}

/** Rows that would load: the canonical activity rows (or the other tables' rows without activity). */
export function rowsToLoad(r: ParkImport): number {
  return r.tables.reduce((a, t) => a + (t.name === 'feedstock' ? 0 : t.table.length), 0);
}

export type { ActivityImport } from './activity';
export type { TableImport } from './tables';
export { readFile, type ReadResult } from './readers';
export { ENCODING_CHOICES, ENCODING_NAMES, type EncodingChoice, type Encoding } from './decode';
export { parseMapping, type MappingDoc, type ColumnChoice } from './mapping';
export { type SheetPlan, type ColumnPlan, type Layout } from './plan';
export { toIpc, toCsvText, activityTable, type ActivityColumns, type TypedTable } from './columns';
export { STEAM_GRADES, DEFAULT_STEAM_GRADE, steamGjPerTonne } from './steam';
export { FIELDS, type Field } from './vocab';
