import { tableFromJSON, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  summarizeInventory,
  type AccountingOptions,
  type ActivityRow,
} from '../../../src/core/accounting/index';
import { referenceTables } from '../../../src/core/reference/index';
import { convert } from '../../../src/core/units';
import { createNodeDb } from '../../../src/data/duckdb-node';
import type { DbPort } from '../../../src/data/port';
import { inventoryLinesSql, inventorySummarySql, parkTotalsSql } from '../../../src/data/sql/inventory-sql';

const OPTION_SETS: Partial<AccountingOptions>[] = [
  {},
  { electricityMethod: 'equal' },
  { gridRegion: 'east' },
  { gridRegion: 'national_market' },
  { gridYear: 2022 },
  { gridYear: 2030, gridRegion: 'south' },
  { scope2Method: 'market' },
  { scope2Method: 'market', residualMixFactor: 0.7, supplierHeatFactor: 0.065 },
];

describe('inventory SQL text', () => {
  it('builds for every option set', () => {
    for (const o of OPTION_SETS) {
      for (const sql of [
        inventoryLinesSql(o),
        inventorySummarySql(o),
        parkTotalsSql(o),
        parkTotalsSql(o, true),
      ]) {
        expect(sql).toMatch(/^WITH act AS/);
        expect(sql).toContain('CROSS JOIN ref_emission_factors f');
        expect(sql).toContain('JOIN coef c ON c.year = a.year AND c.carrier = a.carrier');
      }
    }
  });

  it('switches on the options', () => {
    expect(inventorySummarySql()).toContain(
      "WHERE region = 'national' AND factor_type IN ('average', 'carbon_market')",
    );
    expect(inventorySummarySql({ gridRegion: '华东' })).toContain("WHERE region = 'east'");
    expect(inventorySummarySql()).toContain('r.year <= y.year');
    expect(inventorySummarySql({ gridYear: 2022 })).toContain('r.year <= 2022');
    expect(inventorySummarySql()).not.toContain('ref_coal_equivalent ce');
    expect(inventorySummarySql({ electricityMethod: 'equal' })).toContain(
      'COALESCE(ce.tce_per_unit, f.tce_per_unit)',
    );
    expect(inventorySummarySql()).toContain(
      "WHEN f.kind = 'electricity' THEN f.grid_mwh_per_unit * x.grid_factor",
    );
    expect(inventorySummarySql({ scope2Method: 'market' })).toContain(
      "CASE WHEN f.carrier = 'green_electricity' THEN 0 ELSE f.grid_mwh_per_unit * x.residual_factor END",
    );
    expect(inventorySummarySql({ scope2Method: 'market', residualMixFactor: 0.7 })).toContain('* 0.7 END');
    expect(inventorySummarySql({ supplierHeatFactor: 0.065 })).toContain("WHEN f.kind = 'heat' THEN 0.065");
    expect(inventorySummarySql({ activityTable: 'my "act"' })).toContain('FROM "my ""act"""');
    expect(parkTotalsSql({}, true)).toContain('LEFT JOIN "enterprises" e');
  });

  it('rejects bad options like the engine', () => {
    expect(() => inventorySummarySql({ gridRegion: 'mars' })).toThrow(/Unknown grid region/);
    expect(() => inventorySummarySql({ electricityMethod: 'both' as never })).toThrow(/electricityMethod/);
    expect(() => inventorySummarySql({ residualMixFactor: Number.NaN })).toThrow(/residualMixFactor/);
  });
});

// The same inventory two ways, engine and DuckDB, on a small park covering every carrier and year fallback.
const ACTIVITY: ActivityRow[] = [];
const CARRIER_UNITS: [string, string, number][] = [
  ['raw_coal', 't', 12.5],
  ['natural_gas', '10^4 m3', 830.25],
  ['diesel', 't', 3.7],
  ['gasoline', 't', 2.2],
  ['fuel_oil', 't', 1.1],
  ['lpg', 't', 0.9],
  ['biomass', 't', 40],
  ['electricity', '10^4 kWh', 321.123],
  ['green_electricity', '10^4 kWh', 45.6],
  ['pv_electricity', '10^4 kWh', 12.3],
  ['heat', 'GJ', 1500],
  ['heat_in_park', 'GJ', 20_000],
  ['electricity_export', '10^4 kWh', 77.7],
  ['heat_export', 'GJ', 15_000],
  ['process_co2', 't', 99.9],
];
for (const year of [2015, 2020, 2021, 2022, 2023, 2024]) {
  for (const [i, id] of ['E1', 'E2', 'E3'].entries()) {
    for (const [j, [carrier, unit, amount]] of CARRIER_UNITS.entries()) {
      if ((i + j + year) % 3 === 0) continue;
      ACTIVITY.push({
        enterprise_id: id,
        year,
        carrier,
        amount: amount * (1 + i / 7 + (year - 2015) / 13),
        unit,
      });
    }
  }
}
const SECTORS = { E1: 'chp', E2: 'chemicals', E3: 'food' };

function ipc(rows: Record<string, unknown>[]): Uint8Array {
  return tableToIPC(tableFromJSON(rows as Record<string, string | number | null>[]), 'stream');
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('inventory SQL in DuckDB equals the engine', () => {
  let db: DbPort;
  beforeAll(async () => {
    db = await createNodeDb();
    for (const t of referenceTables()) await db.insertArrowIPC(t.name, ipc(t.rows));
    await db.insertArrowIPC('activity', ipc(ACTIVITY.map((r) => ({ ...r }))));
    await db.insertArrowIPC(
      'enterprises',
      ipc(Object.entries(SECTORS).map(([enterprise_id, sector]) => ({ enterprise_id, sector }))),
    );
  }, 60_000);
  afterAll(async () => db?.close());

  const rowsOf = async (sql: string) =>
    (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);

  it.each(OPTION_SETS.map((o) => [JSON.stringify(o), o] as const))(
    'per enterprise-year, options %s',
    async (_, o) => {
      const lib = FactorLibrary.standard();
      const expected = summarizeInventory(accountActivity(ACTIVITY, lib, o));
      const actual = await rowsOf(inventorySummarySql(o));
      expect(actual.length).toBe(expected.length);
      expected.forEach((e, i) => {
        const got = actual[i];
        expect(got.enterprise_id).toBe(e.enterprise_id);
        expect(Number(got.year)).toBe(e.year);
        for (const [k, v] of Object.entries(e)) {
          if (typeof v !== 'number' || k === 'year') continue;
          expect(close(Number(got[k]), v), `${e.enterprise_id} ${e.year} ${k}: ${got[k]} vs ${v}`).toBe(true);
        }
      });
    },
  );

  it.each(OPTION_SETS.slice(0, 3).map((o) => [JSON.stringify(o), o] as const))(
    'park totals, options %s',
    async (_, o) => {
      const expected = parkTotals(accountActivity(ACTIVITY, FactorLibrary.standard(), o), SECTORS);
      const park = await rowsOf(parkTotalsSql(o));
      const bySector = await rowsOf(parkTotalsSql(o, true));
      expect(park.length).toBe(expected.length);
      expected.forEach((e, i) => {
        for (const k of [
          'energy_tce',
          'scope1_tco2',
          'scope2_tco2',
          'deduction_tco2',
          'total_tco2',
          'biogenic_tco2',
        ] as const) {
          expect(close(Number(park[i][k]), e[k]), `${e.year} ${k}`).toBe(true);
          for (const s of e.by_sector!) {
            const got = bySector.find((r) => Number(r.year) === e.year && r.sector === s.sector)!;
            expect(close(Number(got[k]), s[k]), `${e.year} ${s.sector} ${k}`).toBe(true);
          }
        }
        expect(close(Number(park[i].heat_leaving_park_gj), e.heat_leaving_park_gj)).toBe(true);
      });
    },
  );

  it('lines carry the resolved grid year', async () => {
    const lines = await rowsOf(inventoryLinesSql({ gridRegion: 'east' }));
    const years = new Map(lines.map((l) => [Number(l.year), Number(l.grid_year)]));
    expect(Object.fromEntries(years)).toEqual({
      2015: 2022,
      2020: 2022,
      2021: 2022,
      2022: 2022,
      2023: 2023,
      2024: 2023,
    });
    expect(convert(1, '10^4 kWh', 'MWh', 'electricity')).toBe(10); // grid_mwh_per_unit agrees with the units
  });
});
