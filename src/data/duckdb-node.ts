/**
 * DuckDB-Wasm in Node (blocking build) for the CLI and Node tests: the same engine the browser runs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { RecordBatch, Table } from 'apache-arrow';
import {
  STARTUP_SQL,
  TABLE_NAMES_SQL,
  dbError,
  quoteIdent,
  type BatchStream,
  type DbPort,
  type SqlValue,
} from './port';

/** Starts an in-memory DuckDB in this process. */
export async function createNodeDb(): Promise<DbPort> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  for (const s of STARTUP_SQL) conn.query(s);

  const run = <T>(sql: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw dbError(e, sql);
    }
  };

  return {
    query: async (sql: string, params: readonly SqlValue[] = []) =>
      run(sql, () => {
        if (params.length === 0) return conn.query(sql) as unknown as Table;
        const stmt = conn.prepare(sql);
        try {
          return stmt.query(...params) as unknown as Table;
        } finally {
          stmt.close();
        }
      }),
    exec: async (sql: string) => {
      run(sql, () => conn.query(sql));
    },
    insertArrowIPC: async (name: string, ipc: Uint8Array, options?: { append?: boolean }) => {
      if (!options?.append) conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      // IPC bytes, not a Table: the blocking build loads Arrow's CommonJS build, whose Table class
      // is not the ESM one, so an ESM Table would be dropped without an error.
      conn.insertArrowFromIPCStream(ipc, { name, create: !options?.append });
    },
    // The blocking build runs a statement to its end before it returns: nothing to cancel.
    console: async () => ({
      exec: async (sql: string) => {
        run(sql, () => conn.query(sql));
      },
      stream: async (sql: string): Promise<BatchStream> => {
        let reader;
        try {
          reader = await conn.send(sql, true);
        } catch (e) {
          throw dbError(e, sql);
        }
        return {
          schema: reader.schema as unknown as BatchStream['schema'],
          async *[Symbol.asyncIterator]() {
            for (const b of reader) yield b as unknown as RecordBatch;
          },
        };
      },
      cancel: async () => undefined,
    }),
    tableNames: async () => {
      const t = conn.query(TABLE_NAMES_SQL) as unknown as Table;
      return t.getChild('table_name')!.toArray() as string[];
    },
    close: async () => {
      conn.close();
      db.reset();
    },
  };
}
