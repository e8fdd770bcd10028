import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../../../src/core/carriers';
import {
  COAL_EQUIVALENTS,
  EMISSION_FACTORS,
  FUEL_PROPERTIES,
  GRID_FACTORS,
  gridRegionCode,
  referenceTables,
  resolvePublishedYear,
} from '../../../../src/core/reference/index';
import { GJ_PER_TCE, parseUnit } from '../../../../src/core/units';

describe('referenceTables()', () => {
  const tables = referenceTables();

  it('has the named tables, each row with a source and source year', () => {
    expect(tables.map((t) => t.name).sort()).toEqual([
      'ref_coal_equivalent',
      'ref_emission_factors',
      'ref_fuel_properties',
      'ref_grid_factors',
      'ref_heat_factors',
      'ref_units',
    ]);
    for (const t of tables) {
      expect(t.description.length).toBeGreaterThan(10);
      expect(t.rows.length).toBeGreaterThan(0);
      for (const r of t.rows) {
        expect(typeof r.source === 'string' && r.source.length > 5, `${t.name} source`).toBe(true);
        expect(Number.isInteger(r.source_year) && (r.source_year as number) >= 1993).toBe(true);
      }
    }
  });

  it('keeps one type per column (string or number, nulls allowed) and the same columns on every row', () => {
    for (const t of tables) {
      const cols = Object.keys(t.rows[0]);
      for (const c of cols) {
        const types = new Set(
          t.rows
            .map((r) => r[c])
            .filter((v) => v !== null)
            .map((v) => typeof v),
        );
        expect(types.size, `${t.name}.${c}`).toBe(1);
      }
      for (const r of t.rows) expect(Object.keys(r)).toEqual(cols);
    }
  });
});

describe('ref_emission_factors', () => {
  const byCarrier = new Map(EMISSION_FACTORS.map((r) => [r.carrier, r]));

  it('has one row per carrier in its canonical unit', () => {
    expect(EMISSION_FACTORS.map((r) => r.carrier)).toEqual(CARRIERS.map((c) => c.code));
    for (const c of CARRIERS) expect(byCarrier.get(c.code)!.unit).toBe(c.unit);
  });

  it('derives the CO2 factors from NCV × CC × OF × 44/12', () => {
    // natural gas: 389.31 GJ/10^4 Nm3 × 15.3 tC/TJ / 1000 × 0.99 × 44/12 = 21.62188809 tCO2/10^4 m3
    expect(byCarrier.get('natural_gas')!.scope1_tco2_per_unit).toBeCloseTo(21.62188809, 10);
    // raw coal: 20.908 × 26.37 / 1000 × 0.94 × 44/12 = 1.9002988488
    expect(byCarrier.get('raw_coal')!.scope1_tco2_per_unit).toBeCloseTo(1.9002988488, 10);
    // diesel: 42.652 × 20.2 / 1000 × 0.98 × 44/12 = 3.09590963733…
    expect(byCarrier.get('diesel')!.scope1_tco2_per_unit).toBeCloseTo(
      (((42.652 * 20.2) / 1000) * 0.98 * 44) / 12,
      12,
    );
    // gasoline 43.07 × 18.9 = 814.023 → 0.814023 × 0.98 = 0.79774254 → × 44/12 = 2.92505598
    expect(byCarrier.get('gasoline')!.scope1_tco2_per_unit).toBeCloseTo(2.92505598, 8);
    // fuel oil 41.816 × 21.1 = 882.3176 → 0.8823176 × 0.98 = 0.864671248 → × 44/12 = 3.170461243
    expect(byCarrier.get('fuel_oil')!.scope1_tco2_per_unit).toBeCloseTo(3.170461243, 8);
    // LPG 50.179 × 17.2 = 863.0788 → 0.8630788 × 0.98 = 0.845817224 → × 44/12 = 3.101329821
    expect(byCarrier.get('lpg')!.scope1_tco2_per_unit).toBeCloseTo(3.101329821, 8);
    // biomass is biogenic: 15.6 × 30.5 / 1000 × 1 × 44/12 = 1.7446 tCO2/t, outside Scope 1
    expect(byCarrier.get('biomass')!.scope1_tco2_per_unit).toBe(0);
    expect(byCarrier.get('biomass')!.biogenic_tco2_per_unit).toBeCloseTo(1.7446, 12);
  });

  it('marks grid-priced carriers and fixes the others', () => {
    expect(byCarrier.get('electricity')).toMatchObject({ scope2_tco2_per_unit: null, grid_mwh_per_unit: 10 });
    expect(byCarrier.get('green_electricity')).toMatchObject({
      scope2_tco2_per_unit: null,
      grid_mwh_per_unit: 10,
    });
    expect(byCarrier.get('electricity_export')).toMatchObject({
      deduction_tco2_per_unit: null,
      grid_mwh_per_unit: 10,
    });
    expect(byCarrier.get('pv_electricity')).toMatchObject({ scope2_tco2_per_unit: 0, grid_mwh_per_unit: 0 });
    expect(byCarrier.get('heat')).toMatchObject({ scope2_tco2_per_unit: 0.11, tce_per_unit: 0.03412 });
    expect(byCarrier.get('heat_export')).toMatchObject({ deduction_tco2_per_unit: 0.11, kind: 'export' });
    expect(byCarrier.get('process_co2')).toMatchObject({ scope1_tco2_per_unit: 1, tce_per_unit: 0 });
  });
});

describe('ref_coal_equivalent', () => {
  it('states tce per canonical unit consistently with kgce per printed unit', () => {
    for (const r of COAL_EQUIVALENTS) {
      // tce/unit = kgce/per_unit × (number of per_units in one canonical unit) / 1000,
      // e.g. diesel 1.4571 kgce/kg × 10^3 kg / 1000 = 1.4571 tce per t
      const scale = 10 ** (parseUnit(r.unit).exp10 - parseUnit(r.per_unit).exp10);
      expect(r.tce_per_unit, r.carrier).toBeCloseTo((r.kgce_per_unit * scale) / 1000, 12);
    }
  });

  it('carries the GB/T 2589-2020 values', () => {
    const get = (c: string, m = 'default') =>
      COAL_EQUIVALENTS.find((r) => r.carrier === c && r.method === m)!;
    expect(get('raw_coal').kgce_per_unit).toBe(0.7143);
    expect(get('diesel').kgce_per_unit).toBe(1.4571);
    expect(get('gasoline').kgce_per_unit).toBe(1.4714);
    expect(get('fuel_oil').kgce_per_unit).toBe(1.4286);
    expect(get('lpg').kgce_per_unit).toBe(1.7143);
    // gas: not a printed value but derived from the NCV its CO2 factor uses (389.31 GJ/10^4 m3),
    // inside the standard's 1.1000–1.3300 kgce/m3 range
    expect(get('natural_gas').tce_per_unit).toBeCloseTo(389.31 / 29.3076, 12);
    expect(get('natural_gas').kgce_per_unit).toBeGreaterThanOrEqual(1.1);
    expect(get('natural_gas').kgce_per_unit).toBeLessThanOrEqual(1.33);
    expect(get('electricity', 'equivalent').kgce_per_unit).toBe(0.1229);
    expect(get('heat').kgce_per_unit).toBe(0.03412);
  });
});

describe('one heating value per fuel', () => {
  it('the coal equivalent and the CO2 factor of every combusted fuel rest on the same NCV', () => {
    for (const f of FUEL_PROPERTIES) {
      const ce = COAL_EQUIVALENTS.find((r) => r.carrier === f.carrier && r.method === 'default')!;
      // NCV implied by the coal equivalent (1 tce = 29.3076 GJ) against the NCV of the CO2 factor;
      // the printed GB/T 2589 values are rounded to 4 digits, so agreement within 0.5 % is required
      const gjFromTce = ce.tce_per_unit * GJ_PER_TCE;
      expect(Math.abs(gjFromTce / f.ncv - 1), f.carrier).toBeLessThan(0.005);
    }
  });

  it('natural gas emits about 1.63 tCO2 per tce, as 15.3 tC/TJ × 99 % × 44/12 × 29.3076 GJ/tce gives', () => {
    const ef = EMISSION_FACTORS.find((r) => r.carrier === 'natural_gas')!;
    const ratio = ef.scope1_tco2_per_unit / ef.tce_per_unit;
    expect(ratio).toBeGreaterThan(1.62);
    expect(ratio).toBeLessThan(1.64);
    expect(ratio).toBeCloseTo((((15.3 * 0.99 * 44) / 12) * GJ_PER_TCE) / 1000, 9);
  });
});

describe('ref_fuel_properties and ref_grid_factors', () => {
  it('carries the guideline defaults', () => {
    const gas = FUEL_PROPERTIES.find((f) => f.carrier === 'natural_gas')!;
    expect([gas.ncv, gas.carbon_tc_per_tj, gas.oxidation]).toEqual([389.31, 15.3, 0.99]);
    const diesel = FUEL_PROPERTIES.find((f) => f.carrier === 'diesel')!;
    expect([diesel.ncv, diesel.carbon_tc_per_tj, diesel.oxidation, diesel.density_t_per_m3]).toEqual([
      42.652, 20.2, 0.98, 0.84,
    ]);
  });

  it('carries the published national grid factors', () => {
    const nat = (y: number, t = 'average') =>
      GRID_FACTORS.find((g) => g.region === 'national' && g.year === y && g.factor_type === t)?.tco2_per_mwh;
    expect([nat(2021), nat(2022), nat(2023)]).toEqual([0.5568, 0.5366, 0.5306]);
    expect(GRID_FACTORS.find((g) => g.region === 'national_market' && g.year === 2022)?.tco2_per_mwh).toBe(
      0.5703,
    );
    const keys = GRID_FACTORS.map((g) => `${g.region}/${g.factor_type}/${g.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('resolves region names and years', () => {
    expect(gridRegionCode('华东')).toBe('east');
    expect(gridRegionCode('East')).toBe('east');
    expect(gridRegionCode('atlantis')).toBeUndefined();
    expect(resolvePublishedYear([2021, 2022, 2023], 2022)).toEqual({ year: 2022 });
    expect(resolvePublishedYear([2021, 2022, 2023], 2030).year).toBe(2023);
    expect(resolvePublishedYear([2021, 2022, 2023], 2030).note).toMatch(/nearest earlier/);
    expect(resolvePublishedYear([2022, 2023], 2015)).toMatchObject({
      year: 2022,
      note: expect.stringMatching(/earliest/),
    });
  });
});
