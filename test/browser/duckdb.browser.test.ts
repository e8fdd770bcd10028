import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserDb } from '../../src/data/duckdb-browser';
import { bundledParks, fetchReferenceTables } from '../../src/data/bundled-browser';
import { loadTables } from '../../src/data/parks';
import type { DbPort } from '../../src/data/port';
import { numberColumn } from '../../src/data/arrow-rows';
import { carrierYearsSql, parkYearsSql } from '../../src/data/sql/inventory-views-sql';

let db: DbPort;

beforeAll(async () => {
  db = await createBrowserDb();
  const sample = bundledParks().find((p) => p.manifest.id === 'sample')!;
  await loadTables(db, await sample.tables());
  await loadTables(db, await fetchReferenceTables());
});
afterAll(() => db?.close());

describe('DuckDB-Wasm in Chromium over the bundled sample park', () => {
  it('loads every table with the row count its manifest states', async () => {
    const sample = bundledParks().find((p) => p.manifest.id === 'sample')!;
    for (const [name, { rows }] of Object.entries(sample.manifest.tables)) {
      const t = await db.query(`SELECT count(*) AS n FROM "${name}"`);
      expect(Number(t.get(0)!.n), name).toBe(rows);
    }
  });

  it('binds parameters and returns Arrow', async () => {
    const t = await db.query('SELECT count(*) AS n FROM enterprises WHERE sector = ?', ['chp']);
    expect(Number(t.get(0)!.n)).toBe(1);
    expect(t.schema.fields[0].name).toBe('n');
  });

  it('reports a bad query as an error and keeps working', async () => {
    await expect(db.query('SELECT no_such_column FROM enterprises')).rejects.toThrow(/no_such_column/);
    const t = await db.query('SELECT 41 + 1 AS x');
    expect(Number(t.get(0)!.x)).toBe(42);
  });

  it('has extension auto-loading off, so nothing is fetched from the internet', async () => {
    const t = await db.query("SELECT current_setting('autoload_known_extensions') AS v");
    expect(t.get(0)!.v).toBe(false);
  });

  it('computes the overview energy: the carrier breakdown sums to the yearly park total', async () => {
    const kpi = await db.query(parkYearsSql());
    const byCarrier = await db.query(carrierYearsSql());
    const years = numberColumn(kpi, 'year');
    const energy = numberColumn(kpi, 'energy_tce');
    const cy = numberColumn(byCarrier, 'year');
    const ct = numberColumn(byCarrier, 'energy_tce');
    years.forEach((y, i) => {
      const sum = ct.reduce((s, v, j) => (cy[j] === y ? s + v : s), 0);
      expect(sum).toBeCloseTo(energy[i], 3);
      expect(energy[i]).toBeGreaterThan(0);
    });
  });
});
