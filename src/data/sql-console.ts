/**
 * Runs the SQL console's scripts: the gate first (src/data/sql/console-guard.ts: park tables read-only,
 * scratch tables allowed, no extension, file or network), then every statement on the console's own
 * connection, the last one's result streamed in record batches. Rows are kept up to a cap and the
 * stream is stopped there (the caller says so); between batches the page gets the thread back, so a
 * result of millions of rows never freezes it, and a cancel lands between two batches at the latest.
 */
import type { RecordBatch } from 'apache-arrow';
import { toCell, type Cell } from './arrow-rows';
import type { ConsoleConnection } from './port';
import { checkConsoleSql, tokenize, type Refusal } from './sql/console-guard';

/** The gate refused the script: nothing of it ran. */
export class ConsoleRefusal extends Error {
  override name = 'ConsoleRefusal';
  constructor(readonly refusal: Refusal) {
    super(`statement ${refusal.statement}: ${refusal.verb} refused (${refusal.kind})`);
  }
}

/** The script was cancelled (by the user or the time limit) before it ended. */
export class ConsoleCancelled extends Error {
  override name = 'ConsoleCancelled';
}

export interface ConsoleResult {
  columns: string[];
  rows: Cell[][];
  /** True when the result had more rows than the cap (they were not read). */
  more: boolean;
  statements: number;
}

export interface ConsoleRun {
  result: Promise<ConsoleResult>;
  /** Stops the script; `result` then rejects with ConsoleCancelled. */
  cancel(): void;
}

function batchRows(b: RecordBatch, from: number, to: number): Cell[][] {
  const cols = b.schema.fields.map((_, i) => b.getChildAt(i)!);
  const out: Cell[][] = [];
  for (let r = from; r < to; r++) out.push(cols.map((c) => toCell(c.get(r))));
  return out;
}

const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/** Starts a script on the console's connection. `onRows` hears the rows read so far, batch by batch. */
export function runConsole(
  conn: ConsoleConnection,
  sql: string,
  options: { maxRows: number; onRows?: (rows: number) => void },
): ConsoleRun {
  let cancelled = false;
  const result = (async (): Promise<ConsoleResult> => {
    const refusal = checkConsoleSql(sql);
    if (refusal) throw new ConsoleRefusal(refusal);
    const statements = tokenize(sql);
    if (statements.length === 0) return { columns: [], rows: [], more: false, statements: 0 };
    const check = () => {
      if (cancelled) throw new ConsoleCancelled('cancelled');
    };
    for (const s of statements.slice(0, -1)) {
      check();
      await conn.exec(s.text);
    }
    check();
    let stream;
    try {
      stream = await conn.stream(statements.at(-1)!.text);
    } catch (e) {
      check();
      throw e;
    }
    let columns: string[] | null = null;
    const rows: Cell[][] = [];
    let more = false;
    for await (const batch of stream) {
      check();
      columns ??= batch.schema.fields.map((f) => f.name);
      const take = Math.min(batch.numRows, options.maxRows - rows.length);
      for (const r of batchRows(batch, 0, take)) rows.push(r);
      options.onRows?.(rows.length);
      if (take < batch.numRows) {
        more = true;
        break;
      }
      await breathe();
    }
    check();
    // A result without rows still has its columns (the reader knows them once it is read to the end).
    columns ??= stream.schema?.fields.map((f) => f.name) ?? [];
    return { columns, rows, more, statements: statements.length };
  })();
  return {
    result,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      void conn.cancel().catch(() => undefined);
    },
  };
}
