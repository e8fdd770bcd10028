/**
 * The thread `query` runs its SQL in (src/cli/commands/query.ts): DuckDB with a bundled park, locked
 * down (no file or network access, no extension loading, settings locked), so the command can end it
 * when the time limit passes, even inside a long statement.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { columnNames, rowSlice, type Cell } from '../data/arrow-rows';
import { openBundledPark } from './open-park';

/** What the command sends once the thread is ready. */
export interface QueryRequest {
  sql: string;
  /** Rows to return at most; one more is fetched to know whether the result is longer. */
  maxRows: number;
}

export type QueryReply =
  | { type: 'ready' }
  | { type: 'result'; columns: string[]; rows: Cell[][]; more: boolean }
  | { type: 'error'; message: string };

/** Applied after the park is loaded: queries read the loaded tables and nothing else. */
export const LOCKDOWN_SQL = [
  'SET enable_external_access = false',
  'SET allow_community_extensions = false',
  'SET lock_configuration = true',
];

/** A plain query (not PRAGMA, SHOW …) can be wrapped to fetch at most `n` rows. */
export function limitedSql(sql: string, n: number): string {
  const body = sql.trim().replace(/;+\s*$/, '');
  return /^(select|with|from|values|table|\()/i.test(body) ? `SELECT * FROM (${body}\n) LIMIT ${n}` : body;
}

const port = parentPort;
if (port) {
  const { park } = workerData as { park: string };
  const post = (reply: QueryReply) => port.postMessage(reply);
  const ready = openBundledPark(park).then(async ({ db }) => {
    for (const s of LOCKDOWN_SQL) await db.exec(s);
    return db;
  });
  ready.then(
    () => post({ type: 'ready' }),
    (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
  port.once('message', async (request: QueryRequest) => {
    try {
      const db = await ready;
      const result = await db.query(limitedSql(request.sql, request.maxRows + 1));
      const rows = rowSlice(result, 0, request.maxRows);
      post({ type: 'result', columns: columnNames(result), rows, more: result.numRows > request.maxRows });
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
