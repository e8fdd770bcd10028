import { describe, expect, it } from 'vitest';
import {
  FactorLibrary,
  accountActivity,
  negativeNetEnterprises,
  parkTotals,
  summarizeInventory,
  territorialTotals,
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

// A small gas CHP that sells more power than its own gas would justify at the grid average, steam to a
// park plant and to a neighbour outside the park; a plant buying grid power, green power, outside heat.
const PARK: ActivityRow[] = [
  a('CHP', 'natural_gas', 100, '10^4 m3'),
  a('CHP', 'electricity_export', 5000, 'MWh'),
  a('CHP', 'heat_export', 30_000, 'GJ'),
  a('A01', 'heat_in_park', 20_000, 'GJ'),
  a('A01', 'electricity', 100, '10^4 kWh'),
  a('A01', 'green_electricity', 20, '10^4 kWh'),
  a('A01', 'raw_coal', 10, 't'),
  a('A01', 'process_co2', 250, 't'),
  a('A01', 'biomass', 100, 't'),
  a('B02', 'heat', 1000, 'GJ'),
  a('B02', 'electricity', 50, '10^4 kWh', 2023),
];
const GAS_T = 100 * 21.62188809; // 2162.188809 t
const COAL_T = 10 * 1.9002988488;
const GRID_2022 = 0.5366; // national location factor, tCO2/MWh (MEE/NBS 2022)

describe('territorialTotals', () => {
  const lines = accountActivity(PARK, lib);
  const [y22, y23] = territorialTotals(lines);

  it('is Σ Scope 1 of every enterprise, the CHP included; biogenic CO2 apart', () => {
    expect([y22.year, y23.year]).toEqual([2022, 2023]);
    near(y22.territorial_tco2, GAS_T + COAL_T + 250);
    near(y22.biogenic_tco2, 100 * 1.7446);
    expect(y23.territorial_tco2).toBe(0);
  });

  it('keeps the energy crossing the boundary as memo items', () => {
    // grid power 1000 MWh + green power 200 MWh (location-based: green power at the grid factor too)
    near(y22.electricity_import.amount, 1200);
    near(y22.electricity_import.tco2, 1200 * GRID_2022);
    near(y22.heat_import.amount, 1000);
    near(y22.heat_import.tco2, 1000 * 0.11);
    near(y22.electricity_export.amount, 5000);
    near(y22.electricity_export.tco2, 5000 * GRID_2022);
    // 30 000 GJ exported, 20 000 GJ bought back inside the park: 10 000 GJ leave it
    near(y22.heat_export.amount, 10_000);
    near(y22.heat_export.tco2, 10_000 * 0.11);
    near(y23.electricity_import.amount, 500);
  });

  it('differs from the consumption-based net total by the memo items only', () => {
    const park = parkTotals(lines);
    for (const [i, t] of [y22, y23].entries()) {
      near(t.net_tco2, park[i].total_tco2);
      near(
        t.net_tco2,
        t.territorial_tco2 +
          t.electricity_import.tco2 +
          t.heat_import.tco2 -
          t.electricity_export.tco2 -
          t.heat_export.tco2,
      );
    }
  });

  it('values green power at zero under market-based Scope 2, leaving the territorial total alone', () => {
    const market = territorialTotals(accountActivity(PARK, lib, { scope2Method: 'market' }))[0];
    near(market.territorial_tco2, y22.territorial_tco2);
    near(market.electricity_import.amount, 1200);
    expect(market.electricity_import.tco2).toBeLessThan(1000 * 0.6); // residual mix on 1000 MWh only
    expect(market.electricity_import.tco2).toBeGreaterThan(1000 * 0.5);
  });
});

describe('negativeNetEnterprises', () => {
  it('flags the CHP credited for its power export above its own emissions, and nobody else', () => {
    const flagged = negativeNetEnterprises(summarizeInventory(accountActivity(PARK, lib)));
    expect(flagged.map((f) => `${f.enterprise_id}/${f.year}`)).toEqual(['CHP/2022']);
    const chp = flagged[0];
    near(chp.scope1_tco2, GAS_T);
    near(chp.deduction_tco2, 5000 * GRID_2022 + 30_000 * 0.11);
    near(chp.total_tco2, GAS_T - 5000 * GRID_2022 - 30_000 * 0.11);
    expect(chp.total_tco2).toBeLessThan(0);
  });

  it('flags nobody when every total is positive, and orders several by the size of the credit', () => {
    const small = PARK.filter((r) => r.carrier !== 'electricity_export' && r.carrier !== 'heat_export');
    expect(negativeNetEnterprises(summarizeInventory(accountActivity(small, lib)))).toEqual([]);
    const two = [...PARK, a('C03', 'electricity_export', 100, 'MWh')];
    expect(
      negativeNetEnterprises(summarizeInventory(accountActivity(two, lib))).map((f) => f.enterprise_id),
    ).toEqual(['CHP', 'C03']);
  });
});
