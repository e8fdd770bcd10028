/**
 * The territorial total and the negative-net list in DuckDB (src/data/sql/territorial-sql.ts) agree with
 * the accounting core (territorialTotals, negativeNetEnterprises) on the sample park, for location- and
 * market-based Scope 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FactorLibrary,
  accountActivity,
  negativeNetEnterprises,
  resolveOptions,
  summarizeInventory,
  territorialTotals,
  type AccountingOptions,
  type ActivityRow,
} from '../../../src/core/accounting/index';
import { openBundledPark } from '../../../src/cli/open-park';
import { numberColumn, stringColumn } from '../../../src/data/arrow-rows';
import type { DbPort } from '../../../src/data/port';
import { QueryCoordinator } from '../../../src/data/query-coordinator';
import { negativeNetFromSql, territorialFromSql } from '../../../src/data/sql/territorial-sql';

let db: DbPort;
let coordinator: QueryCoordinator;
let activity: ActivityRow[];
beforeAll(async () => {
  db = (await openBundledPark('sample')).db;
  coordinator = new QueryCoordinator(async () => db);
  const t = await db.query('SELECT enterprise_id, year, carrier, amount, unit FROM activity');
  const [id, carrier, unit] = ['enterprise_id', 'carrier', 'unit'].map((c) => stringColumn(t, c));
  const [year, amount] = ['year', 'amount'].map((c) => numberColumn(t, c));
  activity = id.map((_, i) => ({
    enterprise_id: id[i],
    year: year[i],
    carrier: carrier[i],
    amount: amount[i],
    unit: unit[i],
  }));
}, 120_000);
afterAll(async () => db?.close());

const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));

describe.each<Partial<AccountingOptions>>([{}, { scope2Method: 'market' }])(
  'territorial SQL against the core, %j',
  (options) => {
    it('gives the same totals and memo items each year', async () => {
      const lib = FactorLibrary.standard();
      const core = territorialTotals(accountActivity(activity, lib, resolveOptions(lib, options)));
      const sql = await db.query(territorialFromSql(await coordinator.inventory(options)));
      expect(sql.numRows).toBe(core.length);
      const col = (c: string) => numberColumn(sql, c);
      core.forEach((y, i) => {
        const pairs: [string, number][] = [
          ['year', y.year],
          ['territorial_tco2', y.territorial_tco2],
          ['net_tco2', y.net_tco2],
          ['electricity_import_mwh', y.electricity_import.amount],
          ['electricity_import_tco2', y.electricity_import.tco2],
          ['heat_import_gj', y.heat_import.amount],
          ['heat_import_tco2', y.heat_import.tco2],
          ['electricity_export_mwh', y.electricity_export.amount],
          ['electricity_export_tco2', y.electricity_export.tco2],
          ['heat_export_gj', y.heat_export.amount],
          ['heat_export_tco2', y.heat_export.tco2],
          ['biogenic_tco2', y.biogenic_tco2],
        ];
        for (const [c, v] of pairs)
          expect(close(col(c)[i], v), `${y.year} ${c}: ${col(c)[i]} ≠ ${v}`).toBe(true);
      });
      // the sample park buys more power than its CHP exports: the two views differ
      expect(core.at(-1)!.territorial_tco2).toBeGreaterThan(0);
      expect(core.at(-1)!.territorial_tco2).toBeLessThan(core.at(-1)!.net_tco2);
    });

    it('lists the same negative enterprise-years', async () => {
      const lib = FactorLibrary.standard();
      const core = negativeNetEnterprises(
        summarizeInventory(accountActivity(activity, lib, resolveOptions(lib, options))),
      );
      // the sample park's gas CHP is credited for its power at the grid average, above its own gas
      expect(core.some((n) => n.year === 2024)).toBe(true);
      const t = await coordinator.inventory(options);
      for (const year of [2015, 2024]) {
        const sql = await db.query(negativeNetFromSql(t), [year]);
        const expected = core.filter((n) => n.year === year);
        expect(stringColumn(sql, 'enterprise_id')).toEqual(expected.map((n) => n.enterprise_id));
        numberColumn(sql, 'total_tco2').forEach((v, i) =>
          expect(close(v, expected[i].total_tco2)).toBe(true),
        );
      }
    });
  },
);
