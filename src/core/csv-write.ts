/**
 * The one CSV writer (RFC 4180): fields separated by a comma (or another delimiter), CRLF line ends, a
 * field quoted when it holds the delimiter, a quote, a line break or leading/trailing spaces (which
 * readers trim), quotes doubled inside. Optional UTF-8 byte-order mark, so spreadsheet programs read
 * Chinese text. Empty for null and undefined; numbers as the shortest text that reads back the same.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Field separator (default ','). */
  delimiter?: string;
  /** Start with the UTF-8 byte-order mark U+FEFF (default false). */
  bom?: boolean;
}

/** The line end of RFC 4180. */
export const CSV_EOL = '\r\n';
const BOM = '\uFEFF';

/** One field: quoted only when it must be; a non-finite number is an empty field. */
export function csvField(v: CsvValue, delimiter = ','): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  const quote =
    s.includes(delimiter) ||
    s.includes('"') ||
    s.includes('\n') ||
    s.includes('\r') ||
    (s !== '' && s.trim() !== s);
  return quote ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, without its line end. */
export function csvLine(values: readonly CsvValue[], delimiter = ','): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}

/** A header and rows of values as CSV text, every line ended by CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const d = options.delimiter ?? ',';
  const lines = [csvLine(header, d)];
  for (const r of rows) lines.push(csvLine(r, d));
  return (options.bom ? BOM : '') + lines.join(CSV_EOL) + CSV_EOL;
}

/** Objects as CSV rows of the given columns (a missing key is an empty field). */
export function recordsToCsv(
  columns: readonly string[],
  records: readonly Readonly<Record<string, unknown>>[],
  options: CsvOptions = {},
): string {
  return toCsv(
    columns,
    records.map((r) => columns.map((c) => r[c] as CsvValue)),
    options,
  );
}

/** The shortest decimal that reads back as the same float32 (String() would print the float64 expansion). */
export function float32Text(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  for (let p = 6; p < 9; p++) {
    const t = Number(v.toPrecision(p));
    if (Math.fround(t) === v) return String(t);
  }
  return String(Number(v.toPrecision(9)));
}

/**
 * Numeric columns of equal length as CSV text in pieces of at most `rowsPerPiece` rows (the header
 * with the first), so a table of millions of rows never becomes one string. `text` formats column j's
 * values (default String); a non-finite value is refused with its column and row.
 */
export function* numericCsvPieces(
  columns: Readonly<Record<string, ArrayLike<number>>>,
  options: CsvOptions & { text?: (column: number) => (v: number) => string; rowsPerPiece?: number } = {},
): Generator<string> {
  const d = options.delimiter ?? ',';
  const names = Object.keys(columns);
  const cols = Object.values(columns);
  const text = cols.map((_, j) => options.text?.(j) ?? String);
  const rows = cols.length > 0 ? cols[0].length : 0;
  const step = Math.max(1, options.rowsPerPiece ?? 20_000);
  let piece = (options.bom ? BOM : '') + csvLine(names, d) + CSV_EOL;
  for (let start = 0; start < rows; start += step) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(rows, start + step); r++) {
      const fields: string[] = [];
      for (let j = 0; j < cols.length; j++) {
        const v = cols[j][r];
        if (!Number.isFinite(v))
          throw new RangeError(`column ${names[j]}, row ${r + 1}: ${v} is not a finite number`);
        fields.push(text[j](v));
      }
      lines.push(fields.join(d));
    }
    yield piece + lines.join(CSV_EOL) + CSV_EOL;
    piece = '';
  }
  if (piece) yield piece;
}
