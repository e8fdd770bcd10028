import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBrowserDb } from '../../src/data/duckdb-browser';
import { bundledParks, fetchReferenceTables } from '../../src/data/bundled-browser';
import { loadTables } from '../../src/data/parks';
import type { DbPort } from '../../src/data/port';
import { numberColumn } from '../../src/data/arrow-rows';
import { parkTotalsSql } from '../../src/data/sql/inventory-sql';

let db: DbPort;
beforeAll(async () => {
  db = await createBrowserDb();
  const sample = bundledParks().find((p) => p.manifest.id === 'sample')!;
  await loadTables(db, await sample.tables());
  await loadTables(db, await fetchReferenceTables());
});
afterAll(() => db?.close());

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('sample park totals: engine in Node vs SQL in DuckDB-Wasm in Chromium', () => {
  for (const method of ['location', 'market'] as const) {
    it(`agree year by year (Scope 2 ${method}-based)`, async () => {
      const node = inject('nodeParkTotals')[method];
      const t = await db.query(parkTotalsSql({ scope2Method: method }));
      const years = numberColumn(t, 'year');
      expect(Array.from(years)).toEqual(node.map((n) => n.year));
      for (const col of ['energy_tce', 'scope1_tco2', 'scope2_tco2', 'total_tco2'] as const) {
        const sql = numberColumn(t, col);
        node.forEach((n, i) => {
          expect(close(sql[i], n[col]), `${col} ${n.year}: SQL ${sql[i]} vs engine ${n[col]}`).toBe(true);
        });
      }
      // Not a vacuous comparison: the park emits millions of tonnes.
      expect(node.at(-1)!.total_tco2).toBeGreaterThan(1e6);
    });
  }
});
