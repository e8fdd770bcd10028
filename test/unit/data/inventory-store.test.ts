/**
 * The materialised inventory (src/data/sql/inventory-store-sql.ts) gives the same rows as the inline
 * dashboard SQL it replaces (src/data/sql/inventory-views-sql.ts), on the sample park, for several
 * accounting settings; only the order of partial sums differs, so numbers agree to 1e-9 relative.
 */
import type { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountingOptions } from '../../../src/core/accounting/index';
import { openBundledPark } from '../../../src/cli/open-park';
import { columnNames, rowSlice, type Cell } from '../../../src/data/arrow-rows';
import type { DbPort } from '../../../src/data/port';
import { QueryCoordinator } from '../../../src/data/query-coordinator';
import {
  carrierYearsFromSql,
  enterpriseYearFromSql,
  inventoryKey,
  parkYearsFromSql,
  sankeyFromSql,
  sectorYearsFromSql,
} from '../../../src/data/sql/inventory-store-sql';
import {
  carrierYearsSql,
  enterpriseYearSql,
  parkYearsSql,
  sankeySql,
  sectorYearsSql,
} from '../../../src/data/sql/inventory-views-sql';

const OPTION_SETS: Partial<AccountingOptions>[] = [
  {},
  { electricityMethod: 'equal' },
  { gridYear: 2022, gridRegion: 'east' },
  { scope2Method: 'market', residualMixFactor: 0.7, supplierHeatFactor: 0.065 },
];

let db: DbPort;
let coordinator: QueryCoordinator;
beforeAll(async () => {
  db = (await openBundledPark('sample')).db;
  coordinator = new QueryCoordinator(async () => db);
}, 120_000);
afterAll(async () => db?.close());

function expectSameRows(actual: Table, expected: Table, what: string): void {
  expect(columnNames(actual), what).toEqual(columnNames(expected));
  expect(actual.numRows, what).toBe(expected.numRows);
  expect(expected.numRows, what).toBeGreaterThan(0);
  const a = rowSlice(actual);
  const e = rowSlice(expected);
  const close = (x: Cell, y: Cell) =>
    typeof x === 'number' && typeof y === 'number'
      ? Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))
      : x === y;
  for (let r = 0; r < e.length; r++) {
    for (let c = 0; c < e[r].length; c++) {
      if (!close(a[r][c], e[r][c])) {
        expect.fail(`${what}: row ${r}, ${columnNames(expected)[c]}: ${a[r][c]} ≠ ${e[r][c]}`);
      }
    }
  }
}

describe('the materialised inventory', () => {
  it('has one key per distinct setting, whatever the order of its fields', () => {
    expect(inventoryKey({ gridYear: 2022, gridRegion: 'east' })).toBe(
      inventoryKey({ gridRegion: 'east', gridYear: 2022 }),
    );
    expect(inventoryKey({})).toBe(inventoryKey({ gridYear: undefined }));
    expect(new Set(OPTION_SETS.map(inventoryKey)).size).toBe(OPTION_SETS.length);
  });

  for (const options of OPTION_SETS) {
    it(`gives the same rows as the inline SQL: ${JSON.stringify(options)}`, async () => {
      const t = await coordinator.inventory(options);
      const both = async (fresh: string, old: string, params: (string | number)[], what: string) =>
        expectSameRows(await db.query(fresh, params), await db.query(old, params), what);
      await both(parkYearsFromSql(t), parkYearsSql(options), [], 'park years');
      await both(sectorYearsFromSql(t), sectorYearsSql(options), [], 'sector years');
      await both(carrierYearsFromSql(t), carrierYearsSql(options), [], 'carrier years');
      for (const year of [2015, 2020, 2024]) {
        await both(sankeyFromSql(t), sankeySql(options), [year], `sankey ${year}`);
        await both(enterpriseYearFromSql(t), enterpriseYearSql(options), [year], `enterprises ${year}`);
        await both(
          enterpriseYearFromSql(t, true),
          enterpriseYearSql(options, true),
          [year, 'chemicals'],
          `chemicals ${year}`,
        );
      }
    });
  }

  it('is built once per settings and data version, and again after the data changed', async () => {
    const a = coordinator.inventory({ gridYear: 2021 });
    const b = coordinator.inventory({ gridYear: 2021 });
    expect(b).toBe(a);
    const steps: number[] = [];
    coordinator.invalidate();
    // The build under way when the data changed stops rather than describe the old data.
    await expect(a).rejects.toThrow(/dataset changed/);
    const c = await coordinator.inventory({ gridYear: 2021 }, (p) => steps.push(p.done / p.total));
    expect(await db.query(`SELECT count(*) AS n FROM ${c.esy}`)).toBeTruthy();
    expect(steps.at(-1)).toBe(1);
    expect(steps.length).toBeGreaterThan(2);
  });
});
