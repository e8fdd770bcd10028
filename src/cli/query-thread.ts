/**
 * The thread `query` runs its SQL in (src/cli/commands/query.ts): DuckDB with a bundled park, locked
 * down (no file or network access, no extension loading, settings locked), so the command can end it
 * when the time limit passes, even inside a long statement.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { columnNames, rowSlice, type Cell } from '../data/arrow-rows';
import { tokenize } from '../data/sql/console-guard';
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

const PLAIN = /^(select|with|from|values|table)$/i;

/**
 * A plain query (not PRAGMA, SHOW …) can be wrapped to fetch at most `n` rows. Its first word decides,
 * comments before it skipped (a leading `-- note` must not let a query past the limit).
 */
export function limitedSql(sql: string, n: number): string {
  const body = sql.trim().replace(/;+\s*$/, '');
  const first = tokenize(body)[0]?.tokens[0];
  const plain = first !== undefined && (first.kind === 'word' ? PLAIN.test(first.text) : first.text === '(');
  return plain ? `SELECT * FROM (${body}\n) LIMIT ${n}` : body;
}

/**
 * The statements of a script (split as the SQL-console gate splits them: strings and comments
 * understood), each wrapped by limitedSql; run one after another, the last one's rows are the result.
 */
export function limitedStatements(sql: string, n: number): string[] {
  return tokenize(sql).map((s) => limitedSql(s.text, n));
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
      const statements = limitedStatements(request.sql, request.maxRows + 1);
      if (statements.length === 0) return post({ type: 'error', message: 'the SQL holds only comments' });
      let result = await db.query(statements[0]);
      for (const s of statements.slice(1)) result = await db.query(s);
      const rows = rowSlice(result, 0, request.maxRows);
      post({ type: 'result', columns: columnNames(result), rows, more: result.numRows > request.maxRows });
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
