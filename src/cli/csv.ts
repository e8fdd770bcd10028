/**
 * CSV for the CLI: the strict RFC 4180 reader lives in the core importer (src/core/import/csv.ts) and is
 * re-exported here; the writer below quotes only where needed.
 */
export { CsvError, csvObjects, parseCsv, type CsvTable } from '../core/import/csv';

function cell(v: unknown, delimiter: string): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  const needsQuotes =
    s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s.trim() !== s;
  return needsQuotes ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes rows (objects) as CSV with the given columns, LF line ends and a final newline. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  options: { delimiter?: string; bom?: boolean } = {},
): string {
  const d = options.delimiter ?? ',';
  const lines = [
    columns.map((c) => cell(c, d)).join(d),
    ...rows.map((r) => columns.map((c) => cell(r[c], d)).join(d)),
  ];
  return (options.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
