/**
 * DuckDB-Wasm in the browser, started lazily; its wasm and worker files come from the npm package,
 * served by Vite from the app's own origin (never a CDN).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import {
  STARTUP_SQL,
  TABLE_NAMES_SQL,
  dbError,
  quoteIdent,
  type BatchStream,
  type ConsoleConnection,
  type DbPort,
  type SqlValue,
} from './port';
import { SCRATCH_SCHEMA } from './sql/console-guard';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts a fresh DuckDB-Wasm instance (one worker) and returns the port over one connection. */
export async function createBrowserDb(): Promise<DbPort> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const s of STARTUP_SQL) await conn.query(s);
  // The SQL console's own tables; and no file, URL or extension is reachable from SQL at all (the park's
  // data arrives as Arrow bytes, which this does not touch).
  await conn.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(SCRATCH_SCHEMA)}`);
  await conn.query('SET GLOBAL enable_external_access = false');
  // Marks the moment for the benchmarks and tests (time from navigation to a usable database).
  performance.mark('pcw:db-ready');

  // One statement at a time on the connection keeps results and errors paired.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const port: DbPort = {
    query: (sql: string, params: readonly SqlValue[] = []) =>
      serial(async () => {
        try {
          if (params.length === 0) return (await conn.query(sql)) as unknown as Table;
          const stmt = await conn.prepare(sql);
          try {
            return (await stmt.query(...params)) as unknown as Table;
          } finally {
            await stmt.close();
          }
        } catch (e) {
          throw dbError(e, sql);
        }
      }),
    exec: (sql: string) =>
      serial(async () => {
        try {
          await conn.query(sql);
        } catch (e) {
          throw dbError(e, sql);
        }
      }),
    insertArrowIPC: (name: string, ipc: Uint8Array, options?: { append?: boolean }) =>
      serial(async () => {
        if (!options?.append) await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
        await conn.insertArrowFromIPCStream(ipc, { name, create: !options?.append });
      }),
    console: async (): Promise<ConsoleConnection> => {
      const c = await db.connect();
      return {
        exec: async (sql) => {
          try {
            await c.query(sql);
          } catch (e) {
            throw dbError(e, sql);
          }
        },
        stream: async (sql) => {
          try {
            return (await c.send(sql, true)) as unknown as BatchStream;
          } catch (e) {
            throw dbError(e, sql);
          }
        },
        cancel: async () => {
          await c.cancelSent();
        },
      };
    },
    tableNames: () =>
      serial(async () => {
        const t = await conn.query(TABLE_NAMES_SQL);
        return t.getChild('table_name')!.toArray() as string[];
      }),
    close: async () => {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
  return port;
}

let shared: Promise<DbPort> | null = null;

/** The app's database: started on first use, behind one promise. */
export function appDb(): Promise<DbPort> {
  shared ??= createBrowserDb().catch((e) => {
    shared = null;
    throw e;
  });
  return shared;
}
