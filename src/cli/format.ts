/**
 * Text renderings of a query result for the terminal.
 */
import type { Cell } from '../data/arrow-rows';

function show(c: Cell): string {
  if (c === null) return 'NULL';
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(Math.round(c * 1e6) / 1e6);
  return String(c);
}

/** An aligned plain-text table with a header rule; numbers right-aligned. */
export function formatTable(columns: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(show));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => r[i].length)));
  const numeric = columns.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'),
  );
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (numeric[i] ? s.padStart(widths[i]) : s.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns), rule, ...text.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join(
    '\n',
  );
}

/** An array of objects, one per row. */
export function formatJson(columns: string[], rows: Cell[][]): string {
  return JSON.stringify(
    rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))),
    null,
    2,
  );
}

/** RFC 4180 CSV: header row, fields quoted when they hold a comma, quote or line break. */
export function formatCsv(columns: string[], rows: Cell[][]): string {
  const field = (c: Cell | string) => {
    const s = c === null ? '' : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
