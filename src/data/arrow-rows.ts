/**
 * Arrow → plain values, for the edges only (a table cell, a CLI line, a tooltip).
 */
import type { Table } from 'apache-arrow';

export type Cell = string | number | boolean | null;

/** Converts one Arrow value to a plain cell (bigints become numbers, dates ISO strings). */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'toJSON' in (v as object))
    return JSON.stringify((v as { toJSON(): unknown }).toJSON());
  return String(v);
}

/** Column names of a result. */
export function columnNames(t: Table): string[] {
  return t.schema.fields.map((f) => f.name);
}

/** Rows [from, to) of a result as arrays of cells. */
export function rowSlice(t: Table, from = 0, to = t.numRows): Cell[][] {
  const cols = t.schema.fields.map((_, i) => t.getChildAt(i)!);
  const out: Cell[][] = [];
  for (let r = from; r < Math.min(to, t.numRows); r++) out.push(cols.map((c) => toCell(c.get(r))));
  return out;
}

/** A numeric column as a Float64Array (nulls become NaN). */
export function numberColumn(t: Table, name: string): Float64Array {
  const col = t.getChild(name);
  if (!col) throw new Error(`Result has no column "${name}"`);
  const out = new Float64Array(t.numRows);
  for (let i = 0; i < t.numRows; i++) {
    const v = col.get(i);
    out[i] = v === null || v === undefined ? NaN : Number(v);
  }
  return out;
}

/** A text column as strings (nulls become ''). */
export function stringColumn(t: Table, name: string): string[] {
  const col = t.getChild(name);
  if (!col) throw new Error(`Result has no column "${name}"`);
  const out: string[] = new Array(t.numRows);
  for (let i = 0; i < t.numRows; i++) out[i] = String(col.get(i) ?? '');
  return out;
}
