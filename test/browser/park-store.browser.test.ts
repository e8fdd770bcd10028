/**
 * ParkStore opens one park after another even when the planner switches while a park is still being
 * put in place: the second open's tables go in only after the first's transaction has ended (they share
 * DuckDB's one connection and its staging tables). Before, the second install ran inside the first's
 * transaction and both failed ("cannot start a transaction within a transaction"), leaving no park.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledParks, fetchReferenceTables } from '../../src/data/bundled-browser';
import { createBrowserDb } from '../../src/data/duckdb-browser';
import type { DbPort } from '../../src/data/port';
import { ParkStore } from '../../src/ui/state/park.svelte';

let db: DbPort;
beforeAll(async () => {
  db = await createBrowserDb();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

/**
 * `db` whose first COMMIT waits until `release()`; counts the calls other work makes while it waits
 * (`during`): with the installs in turn there are none.
 */
function commitGate(inner: DbPort) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reachedCommit!: () => void;
  const reached = new Promise<void>((resolve) => (reachedCommit = resolve));
  let waiting = false;
  let used = false;
  const calls: string[] = [];
  const note = (what: string) => {
    if (waiting) calls.push(what);
  };
  const port: DbPort = {
    query: (sql, params) => (note(`query ${sql.slice(0, 40)}`), inner.query(sql, params)),
    exec: async (sql) => {
      if (!used && sql.trim() === 'COMMIT') {
        used = true;
        waiting = true;
        reachedCommit();
        await gate;
        waiting = false;
      } else note(`exec ${sql.slice(0, 40)}`);
      return inner.exec(sql);
    },
    insertArrowIPC: (name, ipc, options) => (
      note(`insert ${name}`),
      inner.insertArrowIPC(name, ipc, options)
    ),
    tableNames: () => (note('tableNames'), inner.tableNames()),
    close: () => inner.close(),
  };
  return { port, reached, release, during: () => calls };
}

const count = async (table: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).getChild('n')!.get(0));

describe('ParkStore', () => {
  it('puts a park in place only after the one being put in place before it, when the planner switches', async () => {
    const gated = commitGate(db);
    const park = new ParkStore({
      db: async () => gated.port,
      parks: bundledParks(),
      reference: fetchReferenceTables,
    });
    const first = park.open('sample');
    await gated.reached; // the sample park's tables are being swapped in: its transaction is open
    const keyOfFirst = park.dataKey;
    const second = park.open('workshop');
    // The second open has its files and would install them now.
    const t0 = performance.now();
    while (park.dataKey === keyOfFirst && performance.now() - t0 < 10_000)
      await new Promise((r) => setTimeout(r, 5));
    expect(park.dataKey).not.toBe(keyOfFirst);
    await new Promise((r) => setTimeout(r, 300));
    expect(gated.during()).toEqual([]);
    gated.release();
    await Promise.all([first, second]);
    expect(park.error).toBeNull();
    expect(park.status).toBe('ready');
    expect(park.manifest?.id).toBe('workshop');
    const workshop = bundledParks().find((p) => p.manifest.id === 'workshop')!;
    const enterprises = (await workshop.tables()).find((t) => t.name === 'enterprises')!;
    expect(enterprises).toBeDefined();
    // The workshop's tables are the ones in place, and no staging table is left.
    const { tableFromIPC } = await import('apache-arrow');
    expect(await count('enterprises')).toBe(tableFromIPC(enterprises.ipc).numRows);
    expect((await db.tableNames()).filter((n) => n.startsWith('__staging_'))).toEqual([]);
  }, 60_000);
});
