/**
 * Stable encoders: CSV (UTF-8, header, RFC 4180 quoting) and Arrow IPC stream, both from the same
 * column specs, so the two files of a table always hold the same values.
 */
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Cell, ColumnSpec, Row, TableData } from './schema.ts';

/** Formats one cell. Numbers use JS shortest round-trip form (stable across platforms); null is empty. */
export function formatCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number in dataset: ${value}`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The table as CSV text with a header row and "\n" line endings. */
export function toCsv(table: TableData): string {
  const lines = [table.columns.map((c) => formatCell(c.name)).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => formatCell(cellOf(row, c))).join(','));
  }
  return lines.join('\n') + '\n';
}

function cellOf(row: Row, col: ColumnSpec): Cell {
  const v = row[col.name];
  if (v === undefined || v === null) return null;
  if (col.type === 'utf8') return typeof v === 'string' ? v : String(v);
  if (typeof v !== 'number')
    throw new Error(`column ${col.name}: expected a number, got ${JSON.stringify(v)}`);
  if (col.type === 'int32' && !Number.isInteger(v))
    throw new Error(`column ${col.name}: ${v} is not an integer`);
  return v;
}

/** The table as Arrow IPC stream bytes (Utf8 / Int32 / Float64 columns, nullable). */
export function toArrowStream(table: TableData): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const col of table.columns) {
    const values = table.rows.map((r) => cellOf(r, col));
    if (col.type === 'utf8') vectors[col.name] = vectorFromArray(values as (string | null)[], new Utf8());
    else if (col.type === 'int32')
      vectors[col.name] = vectorFromArray(values as (number | null)[], new Int32());
    else vectors[col.name] = vectorFromArray(values as (number | null)[], new Float64());
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/**
 * Stable JSON: two-space indent, arrays of primitives on one line (as Prettier prints them), trailing
 * newline. Key order is the insertion order of the object.
 */
export function toJson(value: unknown): string {
  return printJson(value, '') + '\n';
}

function printJson(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object'))
      return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + printJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${printJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
