/**
 * Text renderings of a query result for the terminal.
 */
import { toCsv } from '../core/csv-write';
import type { Cell } from '../data/arrow-rows';

function show(c: Cell): string {
  if (c === null) return 'NULL';
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(Math.round(c * 1e6) / 1e6);
  return String(c);
}

/** An aligned plain-text table with a header rule; numbers right-aligned. */
export function formatTable(columns: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(show));
  const widths = columns.map((c, i) => text.reduce((w, r) => Math.max(w, r[i].length), c.length));
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

/** The result as CSV (the one writer, src/core/csv-write.ts). */
export function formatCsv(columns: string[], rows: Cell[][]): string {
  return toCsv(columns, rows);
}
