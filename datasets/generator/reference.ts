/**
 * Reference tables: produced by referenceTables() in src/core/reference/index.ts (so the engine and
 * the SQL see the same numbers) and written here with column types inferred from the values.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Cell, ColumnSpec, Row, TableData } from './schema.ts';

/** The shape referenceTables() returns. */
export interface ReferenceTable {
  name: string;
  description: string;
  rows: Record<string, string | number | null>[];
}

const MODULE_URL = new URL('../../src/core/reference/index.ts', import.meta.url);

/**
 * Loads the reference tables, or null when the module does not exist yet. The import is dynamic so
 * that the generator still runs (and type-checks) before that module is written.
 */
export async function loadReferenceTables(): Promise<ReferenceTable[] | null> {
  if (!existsSync(fileURLToPath(MODULE_URL))) return null;
  const mod = (await import(/* @vite-ignore */ MODULE_URL.href)) as { referenceTables?: () => unknown };
  if (typeof mod.referenceTables !== 'function') {
    throw new Error('src/core/reference/index.ts does not export referenceTables()');
  }
  const tables = mod.referenceTables();
  if (!Array.isArray(tables)) throw new Error('referenceTables() did not return an array');
  for (const t of tables as ReferenceTable[]) {
    if (typeof t?.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(t.name) || !Array.isArray(t.rows)) {
      throw new Error(`malformed reference table ${JSON.stringify(t?.name)}`);
    }
  }
  return tables as ReferenceTable[];
}

/**
 * Column types from the values: all numbers → Float64, except a column whose name contains "year"
 * and holds only integers → Int32; strings, mixed or all-null → Utf8 (numbers then written as text).
 */
export function inferColumns(rows: readonly Row[]): ColumnSpec[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  return names.map((name) => {
    const values = rows
      .map((r) => r[name])
      .filter((v): v is Exclude<Cell, null> => v !== null && v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
    if (!numeric) return { name, type: 'utf8' };
    const intYear = /year/i.test(name) && values.every((v) => Number.isInteger(v));
    return { name, type: intYear ? 'int32' : 'float64' };
  });
}

/** A reference table ready for the writers. */
export function referenceTableData(t: ReferenceTable): TableData {
  return { name: t.name, columns: inferColumns(t.rows), rows: t.rows };
}
