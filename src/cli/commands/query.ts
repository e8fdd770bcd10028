import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail } from '../../core/errors';
import { bundledParkIds } from '../../data/bundled-node';
import { checkConsoleSql } from '../../data/sql/console-guard';
import { parseArgs, shown } from '../args';
import { formatCsv, formatJson, formatTable } from '../format';
import type { QueryReply, QueryRequest } from '../query-thread';
import type { CliCommand } from '../types';
import { readInput } from '../input';

const DEFAULT_MAX_ROWS = 10_000;
const DEFAULT_TIMEOUT_S = 60;

const usage = `Usage: npm run cli -- query "<SQL>" [--park sample|workshop] [--format table|csv|json]
       [--max-rows N] [--timeout S]
       npm run cli -- query --file <query.sql> [options]

Runs SQL over a bundled park (default: sample) in DuckDB. Tables: enterprises, economics, activity,
production, pv_installations and the reference tables ref_*. Example:
  npm run cli -- query "select count(*) from enterprises"

The query reads the loaded tables only: they are read-only, and there are no files, no network and no
extensions (INSTALL/LOAD refused).
  --max-rows  most rows a result may have (default ${DEFAULT_MAX_ROWS}); a longer one prints nothing
  --timeout   seconds a query may run (default ${DEFAULT_TIMEOUT_S}); then it is stopped
  --file      read the SQL from a file (UTF-8). Use it for long SQL: Linux allows one argument of
              at most 128 kB, and npm hands the whole command line to the shell as one; a longer SQL
              text is refused before the CLI starts ("Argument list too long", or npm exit 249)`;

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || v < 1 || v > max)
    fail({
      file: 'command line',
      reason: `--${name} must be an integer 1–${max}, got "${raw.slice(0, 40)}"`,
    });
  return v;
}

/** The SQL of a --file: UTF-8 text (a byte-order mark is dropped). */
async function sqlFile(cwd: string, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readInput(resolve(cwd, file));
  } catch (e) {
    return fail({ file, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail({ file, reason: 'not UTF-8 text; save the SQL as UTF-8' });
  }
}

/** Where the query thread's module is: the TypeScript sources (started through tsx) or the bundle. */
function startThread(park: string): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('../query-thread.ts', import.meta.url).href;
    return new Worker(new URL('../../../workers/node-worker-boot.mjs', import.meta.url), {
      workerData: { entry, park },
    });
  }
  return new Worker(new URL('./query-thread.mjs', import.meta.url), { workerData: { park } });
}

/** Runs the SQL in its thread; ends the thread when the time limit passes (counted once DuckDB is up). */
function runInThread(park: string, request: QueryRequest, timeoutS: number): Promise<QueryReply> {
  return new Promise((resolve) => {
    const worker = startThread(park);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (reply: QueryReply) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      resolve(reply);
    };
    worker.on('message', (reply: QueryReply) => {
      if (reply.type !== 'ready') return finish(reply);
      worker.postMessage(request);
      timer = setTimeout(
        () =>
          finish({
            type: 'error',
            message: `the query ran longer than ${timeoutS} s and was stopped; allow more with --timeout <seconds>`,
          }),
        timeoutS * 1000,
      );
    });
    worker.on('error', (e) => finish({ type: 'error', message: e.message }));
    worker.on('exit', (code) => finish({ type: 'error', message: `the query thread ended (code ${code})` }));
  });
}

export const command: CliCommand = {
  name: 'query',
  summary: 'Run SQL over the bundled datasets and print a table, CSV or JSON',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['park', 'format', 'max-rows', 'timeout', 'file'],
      positionals: true,
    });
    const file = args.options.get('file');
    if (file !== undefined && args.positionals.length > 0)
      fail({
        file: 'command line',
        reason: 'give the SQL either as text or with --file, not both',
      });
    const sql = (file === undefined ? args.positionals.join(' ') : await sqlFile(io.cwd, file)).trim();
    if (!sql)
      fail({
        file: file ?? 'command line',
        reason: 'No SQL given. Example: npm run cli -- query "select count(*) from enterprises"',
      });
    const format = args.options.get('format') ?? 'table';
    if (!['table', 'csv', 'json'].includes(format))
      fail({ file: 'command line', reason: `--format must be table, csv or json, not "${format}"` });
    const maxRows = positive('max-rows', args.options.get('max-rows'), DEFAULT_MAX_ROWS, 10_000_000);
    const timeoutS = positive('timeout', args.options.get('timeout'), DEFAULT_TIMEOUT_S, 86_400);
    // Checked here, before DuckDB starts in its thread.
    const park = args.options.get('park') ?? 'sample';
    const parks = bundledParkIds();
    if (!parks.includes(park))
      fail({
        file: 'command line',
        reason: `--park must be a bundled park (${parks.join(', ')}), not "${shown(park)}"`,
      });
    if (/^\s*(force\s+)?(install|load)\b/i.test(sql)) {
      io.stderr(
        'SQL error: extensions cannot be installed or loaded here (no network or file access); ' +
          'the tables and DuckDB’s built-in functions are available\n',
      );
      return 1;
    }
    // The app's SQL-console gate: the park's tables are read-only (the rest is DuckDB's lockdown).
    const refusal = checkConsoleSql(sql);
    if (refusal?.kind === 'readonly') {
      io.stderr(
        `SQL error: statement ${refusal.statement}: ${refusal.verb}${refusal.target ? ` ${refusal.target}` : ''} ` +
          'refused: the park’s tables are read-only\n',
      );
      return 1;
    }
    const reply = await runInThread(park, { sql, maxRows }, timeoutS);
    if (reply.type === 'error') {
      io.stderr(`SQL error: ${reply.message}\n`);
      return 1;
    }
    if (reply.type !== 'result') return 1;
    if (reply.more) {
      io.stderr(
        `SQL error: the result has more than ${maxRows} rows; nothing was printed. ` +
          'Narrow the query (WHERE, LIMIT, GROUP BY) or allow more with --max-rows <n>\n',
      );
      return 1;
    }
    const { columns, rows } = reply;
    if (format === 'json') io.stdout(formatJson(columns, rows) + '\n');
    else if (format === 'csv') io.stdout(formatCsv(columns, rows));
    else io.stdout(formatTable(columns, rows) + '\n');
    return 0;
  },
};
