import { describe, expect, it } from 'vitest';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  summarizeInventory,
  validateActivityRows,
  formatIssue,
  type ActivityRow,
} from '../../../../src/core/accounting/index';

const lib = FactorLibrary.standard();
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
const a = (
  enterprise_id: string,
  carrier: string,
  amount: number,
  unit: string,
  year = 2022,
): ActivityRow => ({
  enterprise_id,
  year,
  carrier,
  amount,
  unit,
});

// A park of three: a gas CHP selling steam in and out of the park and power to the grid, a chemicals
// plant buying CHP steam and grid power, a food plant with purchased heat, biomass and process CO2.
const PARK: ActivityRow[] = [
  a('CHP', 'natural_gas', 1000, '10^4 m3'),
  a('CHP', 'heat_export', 60_000, 'GJ'),
  a('CHP', 'electricity_export', 2000, 'MWh'),
  a('A01', 'electricity', 100, '10^4 kWh'),
  a('A01', 'heat_in_park', 40_000, 'GJ'),
  a('A01', 'raw_coal', 10, 't'),
  a('B02', 'heat', 1000, 'GJ'),
  a('B02', 'biomass', 100, 't'),
  a('B02', 'process_co2', 250, 't'),
  a('B02', 'pv_electricity', 15, '10^4 kWh'),
  a('B02', 'green_electricity', 20, '10^4 kWh'),
  a('A01', 'electricity', 110, '10^4 kWh', 2023),
];
const GAS_T = 1000 * 21.62188809; // 21 621.88809 tCO2
/** tce per 10^4 m3 of gas: the NCV of the CO2 factor over 29.3076 GJ/tce. */
const GAS_TCE = 389.31 / 29.3076;
const COAL_T = 10 * 1.9002988488; // 19.002988488 tCO2

describe('summarizeInventory', () => {
  const s = summarizeInventory(accountActivity(PARK, lib));

  it('gives one row per enterprise and year, sorted', () => {
    expect(s.map((x) => `${x.enterprise_id}/${x.year}`)).toEqual([
      'A01/2022',
      'A01/2023',
      'B02/2022',
      'CHP/2022',
    ]);
  });

  it('total = Scope 1 + Scope 2 − deductions; biogenic outside', () => {
    const chp = s.find((x) => x.enterprise_id === 'CHP')!;
    near(chp.scope1_tco2, GAS_T);
    near(chp.deduction_tco2, 60_000 * 0.11 + 2000 * 0.5366); // 6600 + 1073.2
    near(chp.total_tco2, GAS_T - 6600 - 1073.2); // 13 948.68809
    near(chp.energy_tce, 1000 * GAS_TCE - 60_000 * 0.03412 - 200 * 1.229); // 13 283.6 − 2047.2 − 245.8

    const a01 = s.find((x) => x.enterprise_id === 'A01' && x.year === 2022)!;
    near(a01.scope2_tco2, 1000 * 0.5366 + 40_000 * 0.11); // 536.6 + 4400
    near(a01.heat_in_park_tco2, 4400);
    near(a01.total_tco2, COAL_T + 536.6 + 4400);
    near(a01.electricity_tce, 122.9);

    const b02 = s.find((x) => x.enterprise_id === 'B02')!;
    near(b02.scope1_tco2, 250);
    near(b02.process_tco2, 250);
    near(b02.biogenic_tco2, 174.46);
    near(b02.scope2_tco2, 1000 * 0.11 + 200 * 0.5366); // heat 110 + green power (location) 107.32
    near(b02.total_tco2, 250 + 110 + 107.32); // biomass not in the total
    near(b02.renewable_tce, 15 * 1.229 + 20 * 1.229);
    near(b02.electricity_tce, 35 * 1.229);
  });
});

describe('parkTotals: CHP steam sold inside the park is not counted twice', () => {
  const lines = accountActivity(PARK, lib);
  const sectors = { CHP: 'chp', A01: 'chemicals', B02: 'food' };
  const [y2022] = parkTotals(lines, sectors);

  it('keeps Scope 1, drops heat_in_park from Scope 2, deducts only what leaves the park', () => {
    near(y2022.scope1_tco2, GAS_T + COAL_T + 250);
    // Scope 2 without heat_in_park: A01 grid 536.6 + B02 heat 110 + B02 green power 107.32
    near(y2022.scope2_tco2, 536.6 + 110 + 107.32);
    near(y2022.heat_in_park_excluded_tco2, 4400);
    // heat leaving the park = 60 000 − 40 000 = 20 000 GJ → 2200 t; electricity export 1073.2 t
    expect([y2022.heat_export_gj, y2022.heat_in_park_gj, y2022.heat_leaving_park_gj]).toEqual([
      60_000, 40_000, 20_000,
    ]);
    near(y2022.deduction_tco2, 20_000 * 0.11 + 2000 * 0.5366);
    near(y2022.total_tco2, GAS_T + COAL_T + 250 + 536.6 + 110 + 107.32 - 2200 - 1073.2);
    near(y2022.biogenic_tco2, 174.46);
    expect(y2022.warnings).toEqual([]);
  });

  it('equals the sum of enterprise totals minus the in-park steam counted on both sides', () => {
    const sumTotals = summarizeInventory(lines)
      .filter((s) => s.year === 2022)
      .reduce((t, s) => t + s.total_tco2, 0);
    // enterprise totals count 4400 t at the buyer and deduct 6600 t at the CHP; the park keeps
    // neither the 4400 t nor the 4400 t (40 000 GJ) of that deduction
    near(y2022.total_tco2, sumTotals - 4400 + 40_000 * 0.11);
  });

  it('energy follows the same boundary', () => {
    // all energy except steam inside the park: gas 13 283.6 + grid 122.9 + coal 7.143 + heat 34.12
    // + biomass 53.2285 + PV/green 35 × 1.229 − power export 245.8 − heat leaving 20 000 × 0.03412
    const biomass = 100 * (15.6 / 29.3076);
    near(
      y2022.energy_tce,
      1000 * GAS_TCE + 122.9 + 7.143 + 34.12 + biomass + 35 * 1.229 - 245.8 - 20_000 * 0.03412,
    );
  });

  it('splits by sector, and the sectors add up to the park', () => {
    const by = y2022.by_sector!;
    expect(by.map((s) => s.sector)).toEqual(['chemicals', 'chp', 'food']);
    near(by.find((s) => s.sector === 'chemicals')!.scope2_tco2, 536.6); // no heat_in_park
    near(by.find((s) => s.sector === 'chp')!.deduction_tco2, 2200 + 1073.2);
    for (const k of ['energy_tce', 'scope1_tco2', 'scope2_tco2', 'deduction_tco2', 'total_tco2'] as const) {
      near(
        by.reduce((t, s) => t + s[k], 0),
        y2022[k],
      );
    }
    expect(parkTotals(lines, new Map([['CHP', 'chp']]))[0].by_sector!.map((s) => s.sector)).toEqual([
      'chp',
      'unknown',
    ]);
  });

  it('warns when enterprises bought more CHP steam than was exported', () => {
    const t = parkTotals(accountActivity([a('A01', 'heat_in_park', 100, 'GJ')], lib));
    expect(t[0].heat_leaving_park_gj).toBe(0);
    near(t[0].total_tco2, 0);
    expect(t[0].warnings[0]).toMatch(/heat_in_park/);
  });
});

describe('validateActivityRows', () => {
  it('types good rows and names file, row, column and reason for bad ones', () => {
    const { rows, errors } = validateActivityRows(
      [
        { enterprise_id: 'E1', year: '2022', carrier: 'raw_coal', amount: '10', unit: '吨' },
        { enterprise_id: 'E1', year: '22', carrier: 'raw_coal', amount: '1,000', unit: 'kWh' },
        { enterprise_id: '', year: '2022', carrier: '天然气', amount: '-1', unit: 'm3' },
        { enterprise_id: 'E2', year: '2022', carrier: 'coal', amount: 'x', unit: 'furlong' },
      ],
      'act.csv',
    );
    expect(rows).toEqual([{ enterprise_id: 'E1', year: 2022, carrier: 'raw_coal', amount: 10, unit: '吨' }]);
    const msgs = errors.map(formatIssue);
    expect(msgs).toContain('act.csv: row 3, column year: "22" is not a year (a whole number 1900–2100)');
    expect(msgs).toContain('act.csv: row 3, column amount: "1,000" is not a number');
    expect(msgs.find((m) => m.startsWith('act.csv: row 3, column unit:'))).toMatch(
      /does not fit carrier raw_coal/,
    );
    expect(msgs).toContain('act.csv: row 4, column enterprise_id: empty');
    expect(msgs.find((m) => m.startsWith('act.csv: row 4, column amount'))).toMatch(/negative/);
    expect(msgs.find((m) => m.startsWith('act.csv: row 5, column carrier'))).toMatch(
      /unknown carrier "coal"/,
    );
    expect(msgs.find((m) => m.startsWith('act.csv: row 5, column unit'))).toMatch(/Unknown unit "furlong"/);
  });

  it('reports missing columns on the header row, and uses given line numbers', () => {
    const missing = validateActivityRows([], 'a.csv', {
      columns: ['enterprise_id', 'year', 'carrier', 'unit'],
    });
    expect(missing.errors.map(formatIssue)).toEqual(['a.csv: row 1, column amount: missing column']);
    const lined = validateActivityRows(
      [{ enterprise_id: 'E', year: 2022, carrier: 'heat', amount: 'NaN', unit: 'GJ' }],
      'b.csv',
      { lineNumbers: [7] },
    );
    expect(lined.errors.map(formatIssue)).toEqual(['b.csv: row 7, column amount: "NaN" is not a number']);
  });
});
