import { describe, expect, it } from 'vitest';
import {
  AccountingError,
  FactorLibrary,
  accountActivity,
  carrierCoefficients,
  type AccountingOptions,
  type ActivityRow,
  type InventoryLine,
} from '../../../../src/core/accounting/index';
import { UnitError } from '../../../../src/core/units';

const lib = FactorLibrary.standard();
const row = (carrier: string, amount: number, unit: string, year = 2022): ActivityRow => ({
  enterprise_id: 'E',
  year,
  carrier,
  amount,
  unit,
});
const one = (r: ActivityRow, o: Partial<AccountingOptions> = {}, l = lib): InventoryLine =>
  accountActivity([r], l, o)[0];
/** Relative closeness for hand-computed values. */
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));

describe('fuel combustion (Scope 1) and coal equivalent', () => {
  it('raw coal: AD × NCV × CC × OF × 44/12', () => {
    const l = one(row('raw_coal', 10, '吨'));
    near(l.energy_tce, 10 * 0.7143); // 7.143 tce
    near(l.scope1_tco2, 10 * ((((20.908 * 26.37) / 1000) * 0.94 * 44) / 12)); // 19.002988488 tCO2
    near(l.scope1_tco2, 19.002988488);
    expect([l.scope2_tco2, l.deduction_tco2, l.biogenic_tco2]).toEqual([0, 0, 0]);
    expect(l.explanation.formula).toContain('20.908 GJ/t × 26.37 tC/TJ ÷ 1000 × 0.94 × 44/12');
    expect(l.explanation.factors.map((f) => f.name)).toEqual([
      'coal equivalent',
      'net calorific value',
      'carbon content per unit heat',
      'oxidation rate',
    ]);
    expect(l.explanation.factors[0].source).toMatch(/GB\/T 2589-2020/);
  });

  it('natural gas given in m3 is converted to 10^4 m3', () => {
    const l = one(row('natural_gas', 1_000_000, 'm3')); // = 100 × 10^4 m3
    expect(l.amount_canonical).toBe(100);
    near(l.energy_tce, (100 * 389.31) / 29.3076); // the same NCV as the CO2 factor, over 29.3076 GJ/tce
    near(l.scope1_tco2, 100 * 389.31 * (15.3 / 1000) * 0.99 * (44 / 12)); // 2162.188809 tCO2
    near(l.scope1_tco2, 2162.188809);
    expect(l.explanation.factors[1].source).toMatch(/发改办气候〔2015〕1722号/);
  });

  it('diesel by volume through its density', () => {
    const l = one(row('diesel', 2000, 'L')); // 2 m3 × 0.84 t/m3 = 1.68 t
    near(l.amount_canonical, 1.68);
    near(l.energy_tce, 1.68 * 1.4571); // 2.447928 tce
    near(l.scope1_tco2, 1.68 * ((((42.652 * 20.2) / 1000) * 0.98 * 44) / 12)); // 5.2011281907 tCO2
  });

  it('LPG in kg', () => {
    const l = one(row('lpg', 500, 'kg')); // 0.5 t
    near(l.energy_tce, 0.5 * 1.7143);
    near(l.scope1_tco2, 0.5 * ((((50.179 * 17.2) / 1000) * 0.98 * 44) / 12)); // 1.5506649 tCO2
  });

  it('process CO2 is taken as reported; it has no energy', () => {
    const l = one(row('process_co2', 250, 't'));
    expect([l.scope1_tco2, l.energy_tce]).toEqual([250, 0]);
  });

  it('biomass CO2 is biogenic, outside Scope 1', () => {
    const l = one(row('biomass', 100, 't'));
    near(l.biogenic_tco2, 100 * 15.6 * (30.5 / 1000) * 1 * (44 / 12)); // 174.46 tCO2
    near(l.energy_tce, 100 * (15.6 / 29.3076)); // 53.2285 tce
    expect(l.scope1_tco2).toBe(0);
  });
});

describe('electricity: coal equivalent methods and Scope 2', () => {
  it('equivalent value (default) vs equal value (coal for power)', () => {
    const r = row('electricity', 1_000_000, 'kWh'); // 100 × 10^4 kWh
    near(one(r).energy_tce, 100 * 1.229); // 0.1229 kgce/kWh → 122.9 tce
    const eq = one(r, { electricityMethod: 'equal' });
    near(eq.energy_tce, 100 * 3.007); // 2022: 300.7 gce/kWh → 300.7 tce
    expect(eq.explanation.factors[0]).toMatchObject({ key: 'coal_equivalent_equal', year: 2022 });
    expect(eq.explanation.factors[0].note).toBeUndefined();
    // 2021 has no published value: nearest earlier is 2020 (305.5 gce/kWh)
    const y2021 = one(row('electricity', 100, '10^4 kWh', 2021), { electricityMethod: 'equal' });
    near(y2021.energy_tce, 100 * 3.055);
    expect(y2021.explanation.factors[0].note).toMatch(/nearest earlier/);
    // 2015: nothing earlier, so the earliest published year (2020)
    const y2015 = one(row('electricity', 100, '10^4 kWh', 2015), { electricityMethod: 'equal' });
    near(y2015.energy_tce, 100 * 3.055);
    expect(y2015.explanation.factors[0].note).toMatch(/earliest/);
  });

  it('location-based Scope 2 by year and region', () => {
    const r = row('electricity', 100, '10^4 kWh'); // 1000 MWh
    near(one(r).scope2_tco2, 1000 * 0.5366); // national 2022: 536.6 t
    near(one(r, { gridRegion: 'east' }).scope2_tco2, 1000 * 0.5617); // East China 2022: 561.7 t
    near(one(r, { gridRegion: '华北' }).scope2_tco2, 1000 * 0.6776); // North China 2022
    near(one({ ...r, year: 2023 }, { gridRegion: 'south' }).scope2_tco2, 1000 * 0.4042);
    near(one(r, { gridRegion: 'national_market' }).scope2_tco2, 1000 * 0.5703); // carbon-market factor
    near(one(r, { gridYear: 2021 }).scope2_tco2, 1000 * 0.5568);
  });

  it('grid year fallback is visible in the explanation', () => {
    const y2024 = one(row('electricity', 100, '10^4 kWh', 2024));
    near(y2024.scope2_tco2, 1000 * 0.5306); // 2024 → 2023, nearest earlier
    expect(y2024.explanation.factors.at(-1)).toMatchObject({
      year: 2023,
      note: expect.stringMatching(/nearest earlier/),
    });
    const y2015 = one(row('electricity', 100, '10^4 kWh', 2015));
    near(y2015.scope2_tco2, 1000 * 0.5568); // 2015 → 2021, the earliest
    expect(y2015.explanation.factors.at(-1)!.note).toMatch(/earliest/);
    // regions are published from 2022: an East China row of 2021 uses 2022
    near(one(row('electricity', 100, '10^4 kWh', 2021), { gridRegion: 'east' }).scope2_tco2, 1000 * 0.5617);
    // a fixed grid year applies to every row
    near(one(y2015, { gridYear: 2022 }).scope2_tco2, 1000 * 0.5366);
  });

  it('market-based: green power at zero, the rest at the residual mix', () => {
    const o = { scope2Method: 'market' } as const;
    near(one(row('electricity', 100, '10^4 kWh', 2023), o).scope2_tco2, 1000 * 0.6096); // residual 2023
    expect(one(row('green_electricity', 50, '10^4 kWh', 2023), o).scope2_tco2).toBe(0);
    near(one(row('green_electricity', 50, '10^4 kWh', 2023)).scope2_tco2, 500 * 0.5306); // location: grid factor
    near(one(row('electricity', 100, '10^4 kWh'), { ...o, residualMixFactor: 0.7 }).scope2_tco2, 1000 * 0.7);
    // 2021 has its own published residual factor (公告2024年第12号); earlier years take the earliest.
    near(one(row('electricity', 100, '10^4 kWh', 2021), o).scope2_tco2, 1000 * 0.5942);
    const early = one(row('electricity', 100, '10^4 kWh', 2020), o);
    near(early.scope2_tco2, 1000 * 0.5942);
    expect(early.explanation.factors.at(-1)!.note).toMatch(/earliest/);
  });

  it('self-consumed PV: zero emissions, energy counted by the chosen method', () => {
    const l = one(row('pv_electricity', 20, '10^4 kWh'));
    expect(l.scope2_tco2).toBe(0);
    near(l.energy_tce, 20 * 1.229);
    near(one(row('pv_electricity', 20, '10^4 kWh'), { electricityMethod: 'equal' }).energy_tce, 20 * 3.007);
  });
});

describe('heat and exports', () => {
  it('purchased heat at 0.11 tCO2/GJ or a supplier factor', () => {
    const l = one(row('heat', 5_000_000, 'MJ')); // 5000 GJ
    near(l.scope2_tco2, 5000 * 0.11); // 550 t
    near(l.energy_tce, 5000 * 0.03412); // 170.6 tce
    near(one(row('heat_in_park', 1000, 'GJ'), { supplierHeatFactor: 0.065 }).scope2_tco2, 1000 * 0.065);
  });

  it('exported electricity and heat are deducted (GB/T 32150-2015) and their energy subtracted', () => {
    const e = one(row('electricity_export', 2000, 'MWh')); // 200 × 10^4 kWh
    near(e.deduction_tco2, 2000 * 0.5366); // 1073.2 t
    near(e.energy_tce, -(200 * 1.229)); // −245.8 tce
    expect(e.scope2_tco2).toBe(0);
    const h = one(row('heat_export', 500, 'GJ'));
    near(h.deduction_tco2, 500 * 0.11); // 55 t
    near(h.energy_tce, -(500 * 0.03412)); // −17.06 tce
    near(
      one(row('electricity_export', 200, '10^4 kWh'), { gridRegion: 'east' }).deduction_tco2,
      2000 * 0.5617,
    );
  });
});

describe('factor overrides', () => {
  const custom = lib.withOverrides([
    { carrier: 'natural_gas', unit: 'm3', tco2_per_unit: 0.0021, tce_per_unit: 0.00133 },
    { carrier: 'electricity', unit: 'MWh', tco2_per_unit: 0.6, tce_per_unit: null },
  ]);

  it('replace the library for the listed carriers, in the factor unit', () => {
    const gas = one(row('natural_gas', 10, '10^4 m3'), {}, custom); // 100 000 m3
    near(gas.scope1_tco2, 100_000 * 0.0021); // 210 t
    near(gas.energy_tce, 100_000 * 0.00133); // 133 tce
    expect(gas.explanation.factors.every((f) => f.note === 'user override')).toBe(true);
    const el = one(row('electricity', 100, '10^4 kWh'), { scope2Method: 'market' }, custom); // 1000 MWh
    near(el.scope2_tco2, 1000 * 0.6); // override wins over market/grid
    near(el.energy_tce, 100 * 1.229); // blank tce keeps the library
    near(one(row('raw_coal', 10, 't'), {}, custom).scope1_tco2, 19.002988488); // others untouched
  });

  it('reject unknown carriers and units that do not fit', () => {
    expect(() =>
      lib.withOverrides([{ carrier: 'coal', unit: 't', tco2_per_unit: 1, tce_per_unit: 1 }]),
    ).toThrow(AccountingError);
    expect(() =>
      lib.withOverrides([{ carrier: 'raw_coal', unit: 'kWh', tco2_per_unit: 1, tce_per_unit: 1 }]),
    ).toThrow(UnitError);
  });
});

describe('errors and coefficients', () => {
  it('rejects bad carriers, units and options', () => {
    expect(() => one(row('coal', 1, 't'))).toThrow(/Unknown carrier "coal"/);
    expect(() => one(row('raw_coal', 1, 'kWh'))).toThrow(UnitError);
    expect(() => one(row('raw_coal', 1, 't'), { gridRegion: 'mars' })).toThrow(/Unknown grid region "mars"/);
    expect(() => one(row('raw_coal', 1, 't'), { electricityMethod: 'x' as never })).toThrow(
      /electricityMethod/,
    );
    expect(() => one(row('raw_coal', 1, 't'), { residualMixFactor: -1 })).toThrow(/residualMixFactor/);
  });

  it('carrierCoefficients gives per-unit factors in the canonical unit', () => {
    const el = carrierCoefficients(lib, 'electricity', { gridRegion: 'east' }, 2022);
    expect(el).toMatchObject({ unit: '10^4 kWh', kind: 'electricity', tcePerUnit: 1.229, year: 2022 });
    near(el.scope2Tco2PerUnit, 10 * 0.5617);
    expect(carrierCoefficients(lib, 'electricity').year).toBe(2023); // latest published year by default
    const gas = carrierCoefficients(lib, 'natural_gas');
    near(gas.scope1Tco2PerUnit, 21.62188809);
    near(gas.tcePerUnit, 389.31 / 29.3076); // 13.2836 tce per 10^4 m3
    const hx = carrierCoefficients(lib, 'heat_export');
    expect([hx.tcePerUnit, hx.deductionTco2PerUnit]).toEqual([-0.03412, 0.11]);
    near(carrierCoefficients(lib, 'biomass').biogenicTco2PerUnit, 1.7446);
  });
});
