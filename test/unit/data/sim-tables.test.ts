import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../../src/data/port';
import { createNodeDb } from '../../../src/data/duckdb-node';
import { ensureRunsTable, offerRunsTable, runsTableKey, writeRunsTable } from '../../../src/data/sim-tables';
import { compileScenario, presetScenario, simulateBlock } from '../../../src/core/scenario/index';
import { handBaseline } from '../core/scenario/fixtures';

let db: DbPort;
beforeAll(async () => {
  db = await createNodeDb();
}, 60_000);
afterAll(async () => db?.close());

const block = simulateBlock(compileScenario(presetScenario('policy'), handBaseline()), 3, 0, 23);

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
}

describe('writeRunsTable', () => {
  it('writes every run and year in slices, the same numbers as the block, and replaces the table', async () => {
    await db.exec('CREATE OR REPLACE TABLE sim_runs AS SELECT 1 AS old');
    await writeRunsTable(db, 'sim_runs', block, 5); // 5 slices: 5 + 5 + 5 + 5 + 3 runs
    const t = await rows(
      'SELECT count(*)::INTEGER AS n, count(DISTINCT run)::INTEGER AS r, min(run) AS lo, max(run) AS hi FROM sim_runs',
    );
    expect(t[0]).toEqual({ n: 23 * block.nYears, r: 23, lo: 0, hi: 22 });
    const all = await rows(
      'SELECT run, year, gross_tco2, net_tco2, energy_tce, output_10k_cny FROM sim_runs ORDER BY run, year',
    );
    all.forEach((row, i) => {
      expect(row.run).toBe(Math.floor(i / block.nYears));
      expect(row.year).toBe(block.years[i % block.nYears]);
      expect([row.gross_tco2, row.net_tco2, row.energy_tce, row.output_10k_cny]).toEqual([
        block.gross[i],
        block.net[i],
        block.energy[i],
        block.output[i],
      ]);
    });
    expect(await db.tableNames()).not.toContain('sim_runs__staging');
  });

  it('leaves the old table as it was when a slice fails, and no staging table', async () => {
    await writeRunsTable(db, 'sim_runs', block, 50);
    const before = await rows('SELECT count(*)::INTEGER AS n, sum(gross_tco2) AS s FROM sim_runs');
    // The second slice fails (as a full disk or an out-of-memory Wasm heap would).
    let calls = 0;
    const failing: DbPort = {
      ...db,
      insertArrowIPC: (name, ipc, options) => {
        if (++calls === 2) return Promise.reject(new Error('disk full'));
        return db.insertArrowIPC(name, ipc, options);
      },
    };
    await expect(writeRunsTable(failing, 'sim_runs', block, 10)).rejects.toThrow('disk full');
    expect(await rows('SELECT count(*)::INTEGER AS n, sum(gross_tco2) AS s FROM sim_runs')).toEqual(before);
    expect(await db.tableNames()).not.toContain('sim_runs__staging');
  });
});

describe('offered runs table', () => {
  const other = simulateBlock(compileScenario(presetScenario('bau'), handBaseline()), 3, 0, 7);
  const count = async () =>
    Number((await rows('SELECT count(DISTINCT run)::INTEGER AS r FROM sim_runs'))[0].r);

  it('is written when first needed, only the latest offer, and then knows its key', async () => {
    await writeRunsTable(db, 'sim_runs', block);
    offerRunsTable('sim_runs', other, 'a');
    offerRunsTable('sim_runs', block, 'b');
    expect(runsTableKey('sim_runs')).toBe('b');
    expect(runsTableKey('other_table')).toBeNull();
    await db.exec('DELETE FROM sim_runs WHERE run > 2'); // what DuckDB holds until the offer is written
    expect(await count()).toBe(3);
    await ensureRunsTable(db);
    expect(await count()).toBe(23);
    expect(runsTableKey('sim_runs')).toBe('b');
    await ensureRunsTable(db); // nothing waiting: nothing written
    expect(await count()).toBe(23);
  });

  it('keeps an offer whose write failed, for the next ask', async () => {
    offerRunsTable('sim_runs', other, 'c');
    const failing: DbPort = {
      ...db,
      insertArrowIPC: async () => {
        throw new Error('out of memory');
      },
    };
    await expect(ensureRunsTable(failing)).rejects.toThrow(/out of memory/);
    expect(runsTableKey('sim_runs')).toBe('c');
    await ensureRunsTable(db);
    expect(await count()).toBe(7);
  });
});
