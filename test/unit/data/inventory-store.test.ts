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
  enterpriseTopFromSql,
  enterpriseYearFromSql,
  type EnterpriseOrderKey,
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
import { emitterRows, sortRows } from '../../../src/ui/pages/accounting/inventory-vm';

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

  it('gives the top enterprises of a year sorted and cut in SQL, as the page sorted all of them', async () => {
    const t = await coordinator.inventory({});
    const keys: EnterpriseOrderKey[] = [
      'energy_tce',
      'scope1_tco2',
      'scope2_tco2',
      'total_tco2',
      'output',
      'intensity',
    ];
    // The workshop-sized cut (20) and one past the sample's enterprises of a year.
    for (const year of [2015, 2024]) {
      const all = emitterRows(
        await db.query(enterpriseYearFromSql(t), [year]),
        (zh) => zh,
        (s) => s,
      );
      for (const key of keys) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const limit of [20, 1000]) {
            const top = await db.query(enterpriseTopFromSql(t, key, dir), [year, limit]);
            const want = sortRows(all, key, dir).slice(0, limit);
            const got = emitterRows(
              top,
              (zh) => zh,
              (s) => s,
            );
            expect(
              got.map((r) => r.id),
              `${year} ${key} ${dir} ${limit}`,
            ).toEqual(want.map((r) => r.id));
            expect(got).toEqual(want);
            expect(Number(top.get(0)!.n_all)).toBe(all.length);
          }
        }
      }
    }
    // Enterprises without output value (NaN) come last in both directions.
    expect(all2024NaNLast(await db.query(enterpriseTopFromSql(t, 'intensity', 'asc'), [2024, 1000]))).toBe(
      true,
    );
  });

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

/** Whether the rows without an intensity (no output value) all come after those with one. */
function all2024NaNLast(t: Table): boolean {
  const rows = emitterRows(
    t,
    (zh) => zh,
    (s) => s,
  );
  const firstNaN = rows.findIndex((r) => Number.isNaN(r.intensity));
  return firstNaN < 0 || rows.slice(firstNaN).every((r) => Number.isNaN(r.intensity));
}
