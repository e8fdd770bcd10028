/**
 * Native DuckDB (@duckdb/node-api, in this process) beside DuckDB-Wasm for the dashboard-query bench
 * (data-bench.ts): the same park tables, the same materialisation and the same SQL on one thread, to
 * report how much slower the Wasm engine is than the native one on identical work, and to check that
 * both give the same rows.
 *
 * The data: the very Arrow IPC bytes the Wasm database was loaded from (the bundled park and the
 * reference tables) are written to temporary Parquet files by parquet-wasm and read by native DuckDB's
 * built-in Parquet reader into tables declared with the column types DuckDB-Wasm gave the same bytes.
 * Before anything is timed, every table is compared row by row with the Wasm one. No extension is
 * installed or loaded from the network (Parquet is built into the native library).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOLEAN, DOUBLE, DuckDBInstance, SQLNULL, VARCHAR, type DuckDBType } from '@duckdb/node-api';
import { tableFromArrays, type Table } from 'apache-arrow';
import { Table as ParquetTable, writeParquet } from 'parquet-wasm/node';
import { bundledPark, referenceTables } from '../../src/data/bundled-node';
import {
  STARTUP_SQL,
  TABLE_NAMES_SQL,
  quoteIdent,
  sqlLiteral,
  type DbPort,
  type SqlValue,
} from '../../src/data/port';
import { QueryCoordinator } from '../../src/data/query-coordinator';
import type { InventoryTables } from '../../src/data/sql/inventory-store-sql';

/** A native DuckDB behind the same port as the Wasm one, plus an untranslated read for timing. */
export interface NativeDb extends DbPort {
  /** `PRAGMA version` of the native library. */
  readonly version: string;
  /**
   * Runs a statement to its end and takes every chunk of its result (materialised in DuckDB), without
   * turning them into JavaScript values or Arrow: the engine's own time, which is what the bench compares.
   */
  read(sql: string, params?: readonly SqlValue[]): Promise<void>;
}

/**
 * DuckDB-Wasm binds every JavaScript number as DOUBLE (`SELECT typeof(?)` says so): the native
 * statements get the same parameter types, so both engines plan the same statement.
 */
const paramTypes = (params: readonly SqlValue[]): DuckDBType[] =>
  params.map((p) =>
    p === null ? SQLNULL : typeof p === 'number' ? DOUBLE : typeof p === 'boolean' ? BOOLEAN : VARCHAR,
  );

/** Starts an in-memory native DuckDB on one thread. */
async function createNativeDb(): Promise<NativeDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const s of [...STARTUP_SQL, 'SET threads = 1']) await conn.run(s);
  const version = String((await conn.runAndReadAll('PRAGMA version')).getRowObjectsJS()[0].library_version);
  const dir = mkdtempSync(join(tmpdir(), 'pcw-native-duckdb-'));
  let files = 0;
  const readAll = (sql: string, params: readonly SqlValue[] = []) =>
    params.length === 0 ? conn.runAndReadAll(sql) : conn.runAndReadAll(sql, [...params], paramTypes(params));
  return {
    version,
    read: async (sql, params = []) => {
      const result =
        params.length === 0 ? await conn.run(sql) : await conn.run(sql, [...params], paramTypes(params));
      for (let i = 0; i < result.chunkCount; i++) result.getChunk(i);
    },
    // As the Wasm port opens its database (castBigIntToDouble): BIGINT and HUGEINT come back as numbers.
    query: async (sql, params) => {
      const reader = await readAll(sql, params);
      const columns = reader.getColumnsObjectJS();
      return tableFromArrays(
        Object.fromEntries(
          reader
            .columnNames()
            .map((name) => [name, columns[name].map((v) => (typeof v === 'bigint' ? Number(v) : v))]),
        ),
      ) as unknown as Table;
    },
    exec: async (sql) => {
      await conn.run(sql);
    },
    insertArrowIPC: async (name, ipc, options) => {
      const file = join(dir, `${files++}.parquet`);
      writeFileSync(file, writeParquet(ParquetTable.fromIPCStream(ipc)));
      const source = `SELECT * FROM read_parquet(${sqlLiteral(file)})`;
      await conn.run(
        options?.append
          ? `INSERT INTO ${quoteIdent(name)} ${source}`
          : `CREATE OR REPLACE TABLE ${quoteIdent(name)} AS ${source}`,
      );
    },
    tableNames: async () =>
      (await conn.runAndReadAll(TABLE_NAMES_SQL)).getRowObjectsJS().map((r) => String(r.table_name)),
    close: async () => {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A native copy of a bundled park as `wasm` holds it: the same IPC bytes, the column types `wasm` gave
 * them, and every table checked row by row (exactly) against `wasm`'s.
 */
export async function openNativeTwin(wasm: DbPort, park: string): Promise<NativeDb> {
  const native = await createNativeDb();
  try {
    for (const t of [...(await bundledPark(park).tables()), ...referenceTables()]) {
      const columns = (await wasm.query(`DESCRIBE ${quoteIdent(t.name)}`))
        .toArray()
        .map((c) => `${quoteIdent(String(c.column_name))} ${String(c.column_type)}`);
      await native.exec(`CREATE TABLE ${quoteIdent(t.name)} (${columns.join(', ')})`);
      await native.insertArrowIPC(t.name, t.ipc, { append: true });
      const all = `SELECT * FROM ${quoteIdent(t.name)}`;
      const diff = resultDifference(await wasm.query(all), await native.query(all), 0);
      if (diff) throw new Error(`native table ${t.name} differs from the Wasm one: ${diff}`);
    }
    return native;
  } catch (e) {
    await native.close();
    throw e;
  }
}

/** The materialised inventory built natively by the app's own code path, and the build's time. */
export async function nativeInventory(native: NativeDb): Promise<{ tables: InventoryTables; ms: number }> {
  const t0 = performance.now();
  const tables = await new QueryCoordinator(async () => native).inventory({});
  return { tables, ms: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cold (first run) and warm (median of 5 runs one after another) times of a statement, as data-bench.ts. */
export async function nativeTimes(
  native: NativeDb,
  sql: string,
  params: readonly SqlValue[],
): Promise<{ cold: number; warm: number }> {
  const time = async () => {
    const t0 = performance.now();
    await native.read(sql, params);
    return performance.now() - t0;
  };
  const cold = await time();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await time());
  return { cold, warm: median(warm) };
}

const same = (a: unknown, b: unknown, rel: number): boolean =>
  typeof a === 'number' && typeof b === 'number'
    ? a === b ||
      (Number.isNaN(a) && Number.isNaN(b)) ||
      Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b))
    : a === b;

/**
 * Where two results differ (column names, row count, or the first value that is not within `rel`
 * relative of the other), or undefined when they are the same.
 */
export function resultDifference(wasm: Table, native: Table, rel: number): string | undefined {
  const names = (t: Table) => t.schema.fields.map((f) => f.name).join(', ');
  if (wasm.numRows !== native.numRows) return `${wasm.numRows} rows in Wasm, ${native.numRows} native`;
  if (wasm.numRows === 0) return undefined;
  if (names(wasm) !== names(native)) return `columns ${names(wasm)} in Wasm, ${names(native)} native`;
  for (const field of wasm.schema.fields) {
    const a = wasm.getChild(field.name)!;
    const b = native.getChild(field.name)!;
    for (let i = 0; i < wasm.numRows; i++) {
      if (!same(a.get(i), b.get(i), rel)) {
        return `row ${i}, ${field.name}: ${String(a.get(i))} in Wasm, ${String(b.get(i))} native`;
      }
    }
  }
  return undefined;
}
