/**
 * The sample park's carbon inventory computed two ways in Chromium — the engine (src/core/accounting)
 * over the activity rows read from DuckDB-Wasm, and the SQL in DuckDB-Wasm — must agree, per enterprise
 * and year and for the park, for several accounting options. The page aggregations built on the SQL
 * (by sector, by carrier, by enterprise) must add up to the same park totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserDb } from '../../src/data/duckdb-browser';
import { bundledParks, fetchReferenceTables } from '../../src/data/bundled-browser';
import { loadTables } from '../../src/data/parks';
import type { DbPort } from '../../src/data/port';
import { numberColumn, stringColumn } from '../../src/data/arrow-rows';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  summarizeInventory,
  type AccountingOptions,
  type InventoryLine,
} from '../../src/core/accounting/index';
import { inventorySummarySql, parkTotalsSql } from '../../src/data/sql/inventory-sql';
import {
  carrierYearsSql,
  enterpriseYearSql,
  parkYearsSql,
  sectorYearsSql,
} from '../../src/data/sql/inventory-views-sql';

/** All activity rows (for checks against the engine). Columns as enterpriseActivitySql. */
function allActivitySql(): string {
  return `SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id, CAST(year AS INTEGER) AS year,
       CAST(carrier AS VARCHAR) AS carrier, CAST(amount AS DOUBLE) AS amount, CAST(unit AS VARCHAR) AS unit
FROM activity ORDER BY enterprise_id, year, carrier`;
}
import { activityFromTable } from '../../src/ui/pages/accounting/self-check-vm';

let db: DbPort;
let sectors: Map<string, string>;

beforeAll(async () => {
  db = await createBrowserDb();
  const sample = bundledParks().find((p) => p.manifest.id === 'sample')!;
  await loadTables(db, await sample.tables());
  await loadTables(db, await fetchReferenceTables());
  const e = await db.query('SELECT enterprise_id, sector FROM enterprises');
  const sec = stringColumn(e, 'sector');
  sectors = new Map(stringColumn(e, 'enterprise_id').map((id, i) => [id, sec[i]]));
});
afterAll(() => db?.close());

/** Relative agreement to 1e-9 (exact zeros must stay zero). */
function agree(a: number, b: number, what: string): void {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > 1e-9 * scale) expect.fail(`${what}: engine ${a} ≠ SQL ${b}`);
}

const SUMMARY_COLUMNS = [
  'energy_tce',
  'electricity_tce',
  'renewable_tce',
  'scope1_tco2',
  'process_tco2',
  'scope2_tco2',
  'heat_in_park_tco2',
  'deduction_tco2',
  'total_tco2',
  'biogenic_tco2',
] as const;

const PARK_COLUMNS = [
  'energy_tce',
  'scope1_tco2',
  'scope2_tco2',
  'deduction_tco2',
  'total_tco2',
  'biogenic_tco2',
] as const;

const CASES: [string, Partial<AccountingOptions>][] = [
  ['default (equivalent value, location-based, national grid, each year)', {}],
  ['equal value and market-based Scope 2', { electricityMethod: 'equal', scope2Method: 'market' }],
  ['East China grid, fixed 2022 factor', { gridRegion: 'east', gridYear: 2022 }],
];

describe.each(CASES)('sample park, engine vs DuckDB SQL: %s', (_name, options) => {
  let lines: InventoryLine[];

  beforeAll(async () => {
    const activity = activityFromTable(await db.query(allActivitySql()));
    expect(activity.length).toBeGreaterThan(10_000);
    lines = accountActivity(activity, FactorLibrary.standard(), options);
  });

  it('agrees per enterprise and year on every inventory column', async () => {
    const engine = summarizeInventory(lines);
    const sql = await db.query(inventorySummarySql(options));
    expect(sql.numRows).toBe(engine.length);
    const ids = stringColumn(sql, 'enterprise_id');
    const years = numberColumn(sql, 'year');
    const cols = Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c, numberColumn(sql, c)]));
    engine.forEach((s, i) => {
      expect([ids[i], years[i]]).toEqual([s.enterprise_id, s.year]);
      for (const c of SUMMARY_COLUMNS) agree(s[c], cols[c][i], `${s.enterprise_id} ${s.year} ${c}`);
    });
  });

  it('agrees on the park totals by year (CHP steam not double counted), and the page figures add up to them', async () => {
    const engine = parkTotals(lines, sectors);
    const sql = await db.query(parkTotalsSql(options));
    const page = await db.query(parkYearsSql(options));
    expect(sql.numRows).toBe(10);
    expect(page.numRows).toBe(10);
    for (const c of PARK_COLUMNS) {
      const s = numberColumn(sql, c);
      const p = numberColumn(page, c);
      engine.forEach((t, i) => {
        agree(t[c], s[i], `park ${t.year} ${c}`);
        agree(t[c], p[i], `page park ${t.year} ${c}`);
      });
    }
    agree(
      engine[0].heat_in_park_excluded_tco2,
      numberColumn(page, 'heat_in_park_excluded_tco2')[0],
      'steam excluded',
    );
    // CHP steam sold inside the park leaves the buyers' Scope 2: the park's Scope 2 is the enterprises'
    // Scope 2 less that steam's CO2. (With the same 0.11 tCO2/GJ on both sides, the net total equals the
    // sum of the enterprises' totals: the CHP's heat_export deduction shrinks by the same amount.)
    const ent2024 = summarizeInventory(lines).filter((s) => s.year === 2024);
    const last = engine.at(-1)!;
    const sum = (k: 'scope2_tco2' | 'total_tco2') => ent2024.reduce((a, s) => a + s[k], 0);
    expect(last.heat_in_park_excluded_tco2).toBeGreaterThan(0);
    agree(
      last.scope2_tco2,
      sum('scope2_tco2') - last.heat_in_park_excluded_tco2,
      'scope 2 without CHP steam',
    );
    agree(last.total_tco2, sum('total_tco2'), 'net total');

    // By sector and by carrier, the page's series add up to the park per year.
    const bySector = await db.query(sectorYearsSql(options));
    const byCarrier = await db.query(carrierYearsSql(options));
    for (const [t, what] of [
      [bySector, 'sectors'],
      [byCarrier, 'carriers'],
    ] as const) {
      const y = numberColumn(t, 'year');
      for (const c of ['total_tco2', 'energy_tce'] as const) {
        const v = numberColumn(t, c);
        engine.forEach((e) => {
          const sum = v.reduce((a, x, i) => (y[i] === e.year ? a + x : a), 0);
          agree(e[c], sum, `${what} ${e.year} ${c}`);
        });
      }
    }
    // The sector split agrees with the engine's own sector split.
    const sy = numberColumn(bySector, 'year');
    const ss = stringColumn(bySector, 'sector');
    const st = numberColumn(bySector, 'total_tco2');
    for (const e of engine) {
      for (const s of e.by_sector!) {
        const i = ss.findIndex((x, k) => x === s.sector && sy[k] === e.year);
        agree(s.total_tco2, st[i], `${e.year} ${s.sector} total`);
      }
    }
  });

  it('gives the top-emitters table the engine’s enterprise totals for a year', async () => {
    const engine = new Map(
      summarizeInventory(lines)
        .filter((s) => s.year === 2023)
        .map((s) => [s.enterprise_id, s.total_tco2]),
    );
    const t = await db.query(enterpriseYearSql(options), [2023]);
    expect(t.numRows).toBe(engine.size);
    const ids = stringColumn(t, 'enterprise_id');
    const total = numberColumn(t, 'total_tco2');
    ids.forEach((id, i) => agree(engine.get(id)!, total[i], `${id} 2023`));
    // Sorted by emissions, largest first.
    for (let i = 1; i < total.length; i++) expect(total[i]).toBeLessThanOrEqual(total[i - 1]);
  });
});
