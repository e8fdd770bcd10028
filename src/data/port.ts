/**
 * The one narrow port to DuckDB (browser: DuckDB-Wasm async; Node: DuckDB-Wasm blocking).
 * Everything else talks SQL through this interface and gets Arrow tables back.
 */
import type { RecordBatch, Schema, Table } from 'apache-arrow';

export type SqlValue = string | number | boolean | null;

/** A result that arrives in record batches (the SQL console's). */
export interface BatchStream extends AsyncIterable<RecordBatch> {
  /** The result's columns, once the stream has been opened or read. */
  readonly schema: Schema | undefined;
}

/** The SQL console's own connection: its statements stream and can be cancelled; pages keep theirs. */
export interface ConsoleConnection {
  /** Runs a statement whose result is not shown. */
  exec(sql: string): Promise<void>;
  /** Starts a statement and streams its result. */
  stream(sql: string): Promise<BatchStream>;
  /** Cancels the statement under way (a no-op when none is). */
  cancel(): Promise<void>;
}

export interface DbPort {
  /** Runs one statement and returns its result as an Arrow table. Parameters bind to `?` placeholders. */
  query(sql: string, params?: readonly SqlValue[]): Promise<Table>;
  /** Runs statements whose result is not needed. */
  exec(sql: string): Promise<void>;
  /**
   * Creates (or replaces) table `name` from Arrow IPC stream bytes; with `append`, adds the rows to the
   * existing table `name` instead (same columns).
   */
  insertArrowIPC(name: string, ipc: Uint8Array, options?: { append?: boolean }): Promise<void>;
  /** Names of the user tables, sorted. */
  tableNames(): Promise<string[]>;
  /** A connection for the SQL console (adapters that have one). */
  console?(): Promise<ConsoleConnection>;
  close(): Promise<void>;
}

/** Quotes an SQL identifier (table or column name) for DuckDB. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Renders a value as an SQL literal; the one place user values are escaped when they cannot be bound. */
export function sqlLiteral(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Cannot write ${v} as an SQL literal`);
    return String(v);
  }
  return `'${v.replaceAll("'", "''")}'`;
}

/** The statement that lists user tables (shared by both adapters). */
export const TABLE_NAMES_SQL =
  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name";

/**
 * Settings applied to every new database: no extension is installed or loaded from the network (without
 * them, a Parquet or JSON function fails offline with a misleading error instead of a clear one).
 */
export const STARTUP_SQL = [
  'SET GLOBAL autoinstall_known_extensions = false',
  'SET GLOBAL autoload_known_extensions = false',
];

/** Turns a failing DuckDB call into an Error whose message is the database's own, cleaned of noise. */
export function dbError(e: unknown, sql?: string): Error {
  const raw = e instanceof Error ? e.message : String(e);
  const err = new Error(raw.replace(/^Error:\s*/, ''));
  if (sql) (err as Error & { sql?: string }).sql = sql;
  return err;
}
