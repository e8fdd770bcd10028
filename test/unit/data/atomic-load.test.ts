/**
 * Loading an import into DuckDB is atomic: staging tables, then one swap. A failure while staging or
 * swapping leaves every table of the loaded park as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../src/data/duckdb-node';
import type { DbPort } from '../../../src/data/port';
import { loadTablesAtomic } from '../../../src/data/user-parks';
import { activityTable, importPark, toIpc } from '../../../src/core/import/index';
import { gbk } from '../../fixtures/import/encode';

let db: DbPort;
beforeAll(async () => {
  db = await createNodeDb();
}, 120_000);
afterAll(() => db?.close());

const ipcOf = (text: string) => {
  const r = importPark({ activity: [{ name: 'a.csv', bytes: gbk(text) }] });
  expect(r.errorCount).toBe(0);
  return toIpc(activityTable(r.activity!.activity));
};
const snapshot = async () => ({
  tables: await db.tableNames(),
  activity: (await db.query('SELECT * FROM activity ORDER BY ALL')).toArray().map((r) => JSON.stringify(r)),
});

describe('loadTablesAtomic', () => {
  it('swaps a park in, drops park tables the new one lacks, and changes nothing when a table fails', async () => {
    await db.exec('CREATE TABLE production AS SELECT 1 AS x');
    await loadTablesAtomic(db, [
      { name: 'activity', ipc: ipcOf('企业代码,年份,能源品种,消费量,计量单位\nE1,2024,电力,5,万千瓦时\n') },
    ]);
    const first = await snapshot();
    expect(first.tables).toEqual(['activity']);
    expect(first.activity).toHaveLength(1);

    const good = ipcOf(
      '企业代码,年份,能源品种,消费量,计量单位\nE2,2023,天然气,7,万立方米\nE3,2023,柴油,1,吨\n',
    );
    // A database that fails on the second table (out of memory, a cancelled load …).
    const failing: DbPort = {
      ...db,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      tableNames: () => db.tableNames(),
      close: () => db.close(),
      insertArrowIPC: (name, ipc, o) =>
        name.endsWith('economics')
          ? Promise.reject(new Error('out of memory'))
          : db.insertArrowIPC(name, ipc, o),
    };
    await expect(
      loadTablesAtomic(failing, [
        { name: 'activity', ipc: good },
        { name: 'economics', ipc: good },
      ]),
    ).rejects.toThrow('out of memory');
    expect(await snapshot()).toEqual(first);

    await loadTablesAtomic(db, [{ name: 'activity', ipc: good }]);
    expect((await snapshot()).activity).toHaveLength(2);
  }, 60_000);
});
