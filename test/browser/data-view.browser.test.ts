/**
 * The Data view is safe (issue 14), in real Chromium with DuckDB-Wasm: the park's tables are read-only
 * to the SQL console (DROP TABLE activity is refused with a message, and every page still works after),
 * scratch tables are the user's, a running query can be cancelled, a 10-million-row result streams
 * into the grid capped, INSTALL httpfs and file or URL readers are refused (and closed in the database
 * itself), sim_runs before a simulation says what to do; tables export as CSV for Excel and as Parquet
 * that reads back into DuckDB with the same rows.
 */
import { tableFromIPC } from 'apache-arrow';
import { flushSync, mount, unmount } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledParks, fetchReferenceTables } from '../../src/data/bundled-browser';
import { createBrowserDb } from '../../src/data/duckdb-browser';
import { loadTables } from '../../src/data/parks';
import type { ConsoleConnection, DbPort } from '../../src/data/port';
import { ConsoleCancelled, ConsoleRefusal, runConsole } from '../../src/data/sql-console';
import { parquetToIpc, tableCsv, tableParquet } from '../../src/data/table-export';
import App from '../../src/ui/App.svelte';

let db: DbPort;
let conn: ConsoleConnection;

beforeAll(async () => {
  db = await createBrowserDb();
  const sample = bundledParks().find((p) => p.manifest.id === 'sample')!;
  await loadTables(db, await sample.tables());
  await loadTables(db, await fetchReferenceTables());
  conn = await db.console!();
});
afterAll(() => db?.close());

const count = async (table: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).get(0)!.n);

describe('the SQL console', () => {
  it('refuses DROP TABLE activity, and the table is still there', async () => {
    const before = await count('activity');
    const run = runConsole(conn, 'DROP TABLE activity', { maxRows: 100 });
    const e = await run.result.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConsoleRefusal);
    expect((e as ConsoleRefusal).refusal).toMatchObject({ kind: 'readonly', target: 'activity' });
    expect(await count('activity')).toBe(before);
  });

  it('lets the user make, fill, read and drop scratch tables', async () => {
    const made = await runConsole(
      conn,
      'CREATE TABLE scratch.mine AS SELECT * FROM activity WHERE year = 2024; INSERT INTO scratch.mine SELECT * FROM scratch.mine LIMIT 1; SELECT count(*) AS n FROM scratch.mine',
      { maxRows: 10 },
    ).result;
    const n2024 = Number((await db.query('SELECT count(*) AS n FROM activity WHERE year = 2024')).get(0)!.n);
    expect(made.columns).toEqual(['n']);
    expect(made.rows[0][0]).toBe(n2024 + 1);
    await runConsole(conn, 'DROP TABLE scratch.mine', { maxRows: 10 }).result;
    const left = await db.query(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'scratch' AND table_name = 'mine'",
    );
    expect(Number(left.get(0)!.n)).toBe(0);
  });

  it('refuses INSTALL httpfs, and the database itself reaches no file or URL', async () => {
    const e = await runConsole(conn, 'INSTALL httpfs', { maxRows: 10 }).result.catch((x: unknown) => x);
    expect((e as ConsoleRefusal).refusal).toMatchObject({ kind: 'extension', target: 'httpfs' });
    const u = await runConsole(conn, "SELECT * FROM 'https://example.org/a.csv'", {
      maxRows: 10,
    }).result.catch((x: unknown) => x);
    expect((u as ConsoleRefusal).refusal.kind).toBe('external');
    // Behind the gate: external access is off in the database (a file read fails even if asked directly).
    await expect(db.query("SELECT * FROM read_csv('whatever.csv')")).rejects.toThrow(
      /external access|disabled/i,
    );
    await expect(db.query("SELECT * FROM read_csv('https://example.org/a.csv')")).rejects.toThrow(
      /external access|disabled/i,
    );
  });

  it('cancels a long query, and the console works after', async () => {
    const run = runConsole(conn, 'SELECT sum(i) AS s FROM range(100000000000) t(i)', { maxRows: 10 });
    setTimeout(() => run.cancel(), 300);
    const e = await run.result.catch((x: unknown) => x);
    // Cancelled by the user: the runner's own error, or DuckDB's "interrupted" when it stopped mid-step.
    expect(e instanceof ConsoleCancelled || /interrupt/i.test(String(e))).toBe(true);
    const after = await runConsole(conn, 'SELECT 42 AS x', { maxRows: 10 }).result;
    expect(after.rows).toEqual([[42]]);
  });

  it('streams a 10-million-row result in batches, keeping only the capped rows', async () => {
    const seen: number[] = [];
    const r = await runConsole(conn, 'SELECT i, i * 2 AS j FROM range(10000000) t(i)', {
      maxRows: 1000,
      onRows: (n) => seen.push(n),
    }).result;
    expect(r.rows).toHaveLength(1000);
    expect(r.more).toBe(true);
    expect(r.rows[999]).toEqual([999, 1998]);
    expect(seen.at(-1)).toBe(1000);
    // The rest of the result was not read: the connection answers at once.
    expect((await runConsole(conn, 'SELECT 1 AS one', { maxRows: 10 }).result).rows).toEqual([[1]]);
  });

  it('says to run a simulation first when sim_runs does not exist yet', async () => {
    const e = await runConsole(conn, 'SELECT * FROM sim_runs', { maxRows: 10 }).result.catch(
      (x: unknown) => x,
    );
    expect(String(e)).toMatch(/sim_runs does not exist/);
  });
});

describe('exports', () => {
  it('writes CSV with a BOM and CRLF lines, one per row', async () => {
    const text = (await tableCsv(db, 'enterprises')).join('');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^enterprise_id,name_zh,name_en,sector/);
    expect(lines.length - 2).toBe(await count('enterprises'));
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes Parquet that reads back into DuckDB with the same rows', async () => {
    const bytes = await tableParquet(db, 'activity');
    expect(String.fromCharCode(...bytes.slice(0, 4))).toBe('PAR1');
    const ipc = await parquetToIpc(bytes);
    expect(tableFromIPC(ipc).numRows).toBe(await count('activity'));
    await db.insertArrowIPC('activity_back', ipc);
    const diff = await db.query(`SELECT count(*) AS n FROM (
      (SELECT * FROM activity EXCEPT ALL SELECT * FROM activity_back)
      UNION ALL (SELECT * FROM activity_back EXCEPT ALL SELECT * FROM activity))`);
    expect(Number(diff.get(0)!.n)).toBe(0);
    await db.exec('DROP TABLE activity_back');
  });
});

/** Waits until `test` holds, checking every 50 ms, up to `ms`. */
async function until(test: () => boolean, ms = 60_000, what = 'condition'): Promise<void> {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the Data page in the app', () => {
  let target: HTMLElement;
  let app: Record<string, unknown>;
  beforeAll(async () => {
    location.hash = '#/data?park=sample&lang=en';
    target = document.createElement('div');
    document.body.appendChild(target);
    app = mount(App, { target });
    await until(() => !!target.querySelector('[data-testid="table-activity"]'), 120_000, 'the table list');
  });
  afterAll(() => {
    unmount(app);
    target.remove();
  });

  const q = (sel: string) => target.querySelector<HTMLElement>(sel);

  async function runInConsole(sql: string): Promise<void> {
    const area = target.querySelector<HTMLTextAreaElement>('.console textarea')!;
    const panel = target.querySelector<HTMLElement>('.console')!;
    const before = panel.dataset.finished;
    area.value = sql;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    q('[data-testid="sql-run"]')!.click();
    await until(() => panel.dataset.finished !== before, 60_000, `the console to run ${sql}`);
  }

  it('refuses DROP TABLE activity with a message, and every page still works', async () => {
    await runInConsole('DROP TABLE activity');
    expect(q('[data-testid="sql-error"]')!.textContent).toMatch(/activity is a park table and read-only/);
    for (const page of ['overview', 'inventory', 'self-check', 'data']) {
      location.hash = `#/${page}?park=sample&lang=en`;
      await until(
        () => (target.querySelector('main')?.textContent ?? '').length > 200 && !q('main .loading'),
        60_000,
        page,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(q('main .error-box'), `${page}: ${q('main .error-box')?.textContent}`).toBeNull();
    }
    await until(() => !!q('[data-testid="kpi-emissions"]') || location.hash.startsWith('#/data'));
  });

  it('says what to do when sim_runs does not exist yet', async () => {
    location.hash = '#/data?park=sample&lang=en';
    await until(() => !!target.querySelector('.console textarea'));
    await runInConsole('SELECT * FROM sim_runs');
    expect(q('[data-testid="sql-hint"]')!.textContent).toMatch(/run a simulation on the Pathways page first/);
  });

  it('lists a scratch table the console made', async () => {
    await runInConsole('CREATE OR REPLACE TABLE scratch.top AS SELECT * FROM enterprises LIMIT 3');
    await until(() => !!q('[data-testid="table-scratch.top"]'), 10_000, 'the scratch table');
    expect(q('[data-testid="table-scratch.top"]')!.textContent).toMatch(/scratch\.top\s*3/);
  });
  it('asks before clearing the stored data and lists exactly what would go; Keep removes nothing', async () => {
    localStorage.setItem('pcw.test.entry', '1');
    q('[data-testid="data-clear"]')!.click();
    await until(() => !!q('[data-testid="clear-confirm"]'), 10_000, 'the confirmation');
    const listed = q('[data-testid="clear-confirm"]')!.textContent!;
    expect(listed).toMatch(/Imported parks: none/);
    expect(listed).toMatch(/Saved column mappings: 0/);
    expect(listed).toMatch(/Tables in scratch: scratch\.top/);
    const local = Object.keys(localStorage).filter((k) => k.startsWith('pcw.')).length;
    expect(listed).toContain(`${local} entries`);
    q('[data-testid="clear-no"]')!.click();
    flushSync();
    expect(q('[data-testid="clear-confirm"]')).toBeNull();
    expect(localStorage.getItem('pcw.test.entry')).toBe('1');
    expect(q('[data-testid="table-scratch.top"]')).not.toBeNull();
    localStorage.removeItem('pcw.test.entry');
  });
});
