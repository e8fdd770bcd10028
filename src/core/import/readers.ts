/**
 * File bytes → grids: CSV (any encoding decode.ts knows, separator sniffed), XLSX/XLS workbooks
 * (SheetJS CE; merged cells filled from their top-left cell and kept for header detection), JSON
 * (an array of objects, or `{columns, rows}`), and Arrow tables (what a Parquet reader gives).
 * Parquet itself is read by the caller (parquet-wasm needs its own start-up in the browser) and handed
 * in as Arrow IPC bytes. A corrupt or unreadable file is a problem naming the file, never a crash.
 */
import { read, utils, type Range, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { tableFromIPC, type Table } from 'apache-arrow';
import { InputError, type Problem } from '../errors';
import { csvRecords, csvScan, parseCsv, sniffDelimiter, type CsvTable } from './csv';
import { decodeText, ENCODING_NAMES, type Encoding, type EncodingChoice } from './decode';
import type { Cell, Grid, Merge } from './grid';

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'parquet' | 'arrow';

export interface ReadOptions {
  encoding?: EncodingChoice;
  /** Sheet name (workbooks); default: every sheet that has a header, else the first. */
  sheet?: string;
  /** Parquet bytes → Arrow IPC stream bytes (parquet-wasm), supplied by the caller. */
  parquetToIpc?: (bytes: Uint8Array) => Uint8Array;
  /** CSV: keep the text and parse rows past the first ones while they are read (Grid.tail). */
  lazy?: boolean;
}

/** Records of a lazy CSV parsed at once: enough for the header search (the first 30 rows) and more. */
const HEAD_RECORDS = 64;

export interface ReadResult {
  grids: Grid[];
  format?: FileFormat;
  encoding?: Encoding;
  encodingDetected?: boolean;
  sheetNames?: string[];
  problems: Problem[];
}

/** The format a file name says (case-insensitive extension). */
function formatOf(name: string): FileFormat | undefined {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  if (ext === 'arrow' || ext === 'arrows' || ext === 'ipc') return 'arrow';
  return undefined;
}

function sniffFormat(bytes: Uint8Array): FileFormat | undefined {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) return 'xlsx';
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return 'xlsx';
  if (b(0) === 0x50 && b(1) === 0x41 && b(2) === 0x52 && b(3) === 0x31) return 'parquet';
  return undefined;
}

/**
 * The header name of the column a character offset falls in (counting separators on its line), so a
 * control character in an id is located by column too.
 */
function columnAt(text: string, at: number, delimiter: string): string | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const index = text.slice(lineStart, at).split(delimiter).length - 1;
  const headerEnd = text.search(/\r|\n/);
  const header = text.slice(0, headerEnd < 0 ? undefined : headerEnd).split(delimiter);
  const name = header[index]
    ?.replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim();
  return name || undefined;
}

/**
 * A CSV file in a fixed layout (header row, comma-separated: factor tables, a park folder's tables)
 * from its bytes, decoded as the importer decodes any CSV: UTF-8 with or without a BOM, GBK/GB18030,
 * UTF-16 by its BOM or zero bytes. Invalid bytes and control characters are errors with their line
 * (and column), and a CSV error in a file that is not UTF-8 names the encoding it was read as.
 * Throws an InputError.
 */
export function parseCsvBytes(bytes: Uint8Array, file: string): CsvTable {
  const { decoded, problems, control } = decodeText(bytes, file);
  if (!decoded) {
    throw new InputError(
      problems.map((p) => {
        const column =
          control && p.row !== undefined && p.row > 1 ? columnAt(control.text, control.at, ',') : undefined;
        return column ? { ...p, column } : p;
      }),
    );
  }
  try {
    return parseCsv(decoded.text, ',', file);
  } catch (e) {
    if (!(e instanceof InputError) || decoded.encoding === 'utf-8') throw e;
    const enc = ` (read as ${ENCODING_NAMES[decoded.encoding]})`;
    throw new InputError(e.problems.map((p) => ({ ...p, reason: p.reason + enc })));
  }
}

function readCsv(bytes: Uint8Array, file: string, opts: ReadOptions, out: ReadResult): void {
  const { decoded, problems, control } = decodeText(bytes, file, opts.encoding);
  for (const item of problems) {
    const column =
      control && item.row !== undefined && item.row > 1
        ? columnAt(control.text, control.at, sniffDelimiter(control.text))
        : undefined;
    out.problems.push(column ? { ...item, column } : item);
  }
  if (!decoded) return;
  out.encoding = decoded.encoding;
  out.encodingDetected = decoded.detected;
  const enc = decoded.encoding === 'utf-8' ? '' : ` (read as ${ENCODING_NAMES[decoded.encoding]})`;
  try {
    const text = decoded.text;
    const delimiter = file.toLowerCase().endsWith('.tsv') ? '\t' : sniffDelimiter(text);
    if (!opts.lazy) {
      const { records, lines } = csvRecords(text, delimiter, file);
      out.grids.push({ file, rows: records, rowNumbers: lines });
      return;
    }
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    const cursor = { i: 0, line: 1 };
    csvScan(text, delimiter, file, cursor, (f, line) => {
      rows.push(f);
      rowNumbers.push(line);
      return rows.length < HEAD_RECORDS;
    });
    const grid: Grid = { file, rows, rowNumbers };
    if (cursor.i < text.length) {
      let estimate = 0;
      for (let i = text.indexOf('\n', cursor.i); i >= 0; i = text.indexOf('\n', i + 1)) estimate++;
      grid.tail = { text, delimiter, cursor, estimate, note: enc };
    }
    out.grids.push(grid);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems) out.problems.push({ ...p, reason: p.reason + enc });
  }
}

const letter = (c: number): string => utils.encode_col(c);

/**
 * The part of a sheet's declared range its cells occupy. A workbook states its sheets' dimensions
 * itself, and a file of a few kilobytes may claim every row and column (A1:XFD1048576): laid out in
 * full, that is billions of empty cells (minutes and gigabytes, never an answer). Only the empty rows
 * and columns after the last cell are cut, so a sheet whose dimension is right reads as before.
 */
function usedRange(ws: WorkSheet, declared: Range): Range | null {
  if ((ws as { '!data'?: unknown })['!data'] !== undefined) return declared; // dense: no phantom cells
  let lastRow = -1;
  let lastColumn = -1;
  for (const k in ws) {
    if (k.charCodeAt(0) === 33) continue; // "!ref", "!merges" …
    const { r, c } = utils.decode_cell(k);
    if (r > lastRow) lastRow = r;
    if (c > lastColumn) lastColumn = c;
  }
  if (lastRow < declared.s.r || lastColumn < declared.s.c) return null;
  return {
    s: declared.s,
    e: { r: Math.min(declared.e.r, lastRow), c: Math.min(declared.e.c, lastColumn) },
  };
}

function sheetGrid(ws: WorkSheet, file: string, name: string, many: boolean): Grid {
  const ref = ws['!ref'];
  const label = many ? `${file} [${name}]` : file;
  const range = ref ? usedRange(ws, utils.decode_range(ref)) : null;
  if (!range) return { file: label, sheet: name, rows: [], rowNumbers: [] };
  const rows = utils.sheet_to_json<Cell[]>(ws, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
    range,
  });
  // Merges are cut to the same range (a declared merge may span the whole sheet too).
  const merges: Merge[] = (ws['!merges'] ?? [])
    .filter((m) => m.s.r <= range.e.r && m.s.c <= range.e.c)
    .map((m) => ({
      r0: m.s.r - range.s.r,
      c0: m.s.c - range.s.c,
      r1: Math.min(m.e.r, range.e.r) - range.s.r,
      c1: Math.min(m.e.c, range.e.c) - range.s.c,
    }));
  for (const m of merges) {
    const v = rows[m.r0]?.[m.c0];
    for (let r = m.r0; r <= m.r1; r++) {
      if (!rows[r]) continue;
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) rows[r][c] = v;
    }
  }
  const rowNumbers = rows.map((_, i) => range.s.r + i + 1);
  const width = range.e.c - range.s.c + 1;
  const columnLetters = Array.from({ length: width }, (_, i) => letter(range.s.c + i));
  // Drop wholly empty rows (spreadsheets keep formatting rows); row numbers keep the user's numbering.
  const keep = rows.map((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  const kept: Cell[][] = [];
  const keptNumbers: number[] = [];
  const index = new Map<number, number>();
  rows.forEach((r, i) => {
    if (!keep[i]) return;
    index.set(i, kept.length);
    kept.push(r);
    keptNumbers.push(rowNumbers[i]);
  });
  const remap = (r: number) => index.get(r);
  const keptMerges = merges
    .map((m) => ({ ...m, r0: remap(m.r0), r1: remap(m.r1) }))
    .filter((m): m is Merge => m.r0 !== undefined && m.r1 !== undefined);
  return { file: label, sheet: name, rows: kept, rowNumbers: keptNumbers, merges: keptMerges, columnLetters };
}

function readWorkbook(bytes: Uint8Array, file: string, opts: ReadOptions, out: ReadResult): void {
  let wb: WorkBook;
  try {
    wb = read(bytes, { type: 'array', cellDates: false, cellHTML: false, cellFormula: false });
  } catch (e) {
    out.problems.push({ file, reason: `not a readable Excel workbook (${(e as Error).message})` });
    return;
  }
  out.sheetNames = wb.SheetNames;
  if (opts.sheet !== undefined) {
    const ws = wb.Sheets[opts.sheet];
    if (!ws) {
      out.problems.push({
        file,
        reason: `no sheet "${opts.sheet}"; sheets: ${wb.SheetNames.map((s) => `"${s}"`).join(', ')}`,
      });
      return;
    }
    out.grids.push(sheetGrid(ws, file, opts.sheet, wb.SheetNames.length > 1));
    return;
  }
  for (const name of wb.SheetNames) {
    out.grids.push(sheetGrid(wb.Sheets[name], file, name, wb.SheetNames.length > 1));
  }
}

function readJson(bytes: Uint8Array, file: string, opts: ReadOptions, out: ReadResult): void {
  const { decoded, problems } = decodeText(bytes, file, opts.encoding);
  for (const item of problems) out.problems.push(item);
  if (!decoded) return;
  let doc: unknown;
  try {
    doc = JSON.parse(decoded.text);
  } catch (e) {
    out.problems.push({ file, reason: `not valid JSON (${(e as Error).message})` });
    return;
  }
  const rows: Cell[][] = [];
  let header: string[];
  if (Array.isArray(doc)) {
    const seen = new Map<string, number>();
    header = [];
    for (let i = 0; i < doc.length; i++) {
      const rec = doc[i] as unknown;
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
        out.problems.push({ file, row: i + 1, reason: `record ${i + 1} is not an object` });
        return;
      }
      for (const k of Object.keys(rec)) {
        if (!seen.has(k)) {
          seen.set(k, header.length);
          header.push(k);
        }
      }
    }
    for (const rec of doc as Record<string, unknown>[]) {
      rows.push(header.map((h) => jsonCell(rec[h])));
    }
  } else if (
    doc !== null &&
    typeof doc === 'object' &&
    Array.isArray((doc as { columns?: unknown }).columns) &&
    Array.isArray((doc as { rows?: unknown }).rows)
  ) {
    header = (doc as { columns: unknown[] }).columns.map(String);
    for (const r of (doc as { rows: unknown[] }).rows) {
      if (!Array.isArray(r)) {
        out.problems.push({ file, row: rows.length + 1, reason: `row ${rows.length + 1} is not an array` });
        return;
      }
      rows.push(r.map(jsonCell));
    }
  } else {
    out.problems.push({
      file,
      reason:
        'expected an array of records ([{"enterprise_id": …}, …]) or {"columns": [...], "rows": [[...], ...]}',
    });
    return;
  }
  // Row 1 is the header, record i is row i + 1, as if the file were a spreadsheet.
  out.grids.push({ file, rows: [header, ...rows], rowNumbers: [1, ...rows.map((_, i) => i + 2)] });
}

function jsonCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Arrow table → grid (header row 1, record i on row i + 1). */
function gridFromArrow(table: Table, file: string): Grid {
  const header = table.schema.fields.map((f) => f.name);
  const vectors = header.map((_, i) => table.getChildAt(i)!);
  const rows: Cell[][] = [header];
  const rowNumbers = [1];
  for (let r = 0; r < table.numRows; r++) {
    const row: Cell[] = new Array(header.length);
    for (let c = 0; c < header.length; c++) {
      const v = vectors[c].get(r) as unknown;
      row[c] = typeof v === 'bigint' ? Number(v) : (v as Cell);
    }
    rows.push(row);
    rowNumbers.push(r + 2);
  }
  return { file, rows, rowNumbers };
}

function readArrowLike(
  bytes: Uint8Array,
  file: string,
  opts: ReadOptions,
  format: FileFormat,
  out: ReadResult,
): void {
  try {
    let ipc = bytes;
    if (format === 'parquet') {
      if (!opts.parquetToIpc) {
        out.problems.push({ file, reason: 'Parquet is not available here' });
        return;
      }
      ipc = opts.parquetToIpc(bytes);
    }
    out.grids.push(gridFromArrow(tableFromIPC(ipc), file));
  } catch (e) {
    out.problems.push({
      file,
      reason: `not a readable ${format === 'parquet' ? 'Parquet' : 'Arrow'} file (${String((e as Error).message ?? e).slice(0, 200)})`,
    });
  }
}

/** Reads one file into grids; the format comes from the name, else from the bytes, else CSV. */
export function readFile(name: string, bytes: Uint8Array, opts: ReadOptions = {}): ReadResult {
  const out: ReadResult = { grids: [], problems: [] };
  if (bytes.length === 0) {
    out.problems.push({ file: name, reason: 'the file is empty' });
    return out;
  }
  const named = formatOf(name);
  const format = sniffFormat(bytes) ?? named ?? 'csv';
  out.format = format;
  if (named === 'xlsx' && sniffFormat(bytes) === undefined) {
    out.problems.push({
      file: name,
      reason: 'not an Excel workbook (the file does not start like .xlsx or .xls)',
    });
    return out;
  }
  if (format === 'csv') readCsv(bytes, name, opts, out);
  else if (format === 'xlsx') readWorkbook(bytes, name, opts, out);
  else if (format === 'json') readJson(bytes, name, opts, out);
  else readArrowLike(bytes, name, opts, format, out);
  return out;
}
