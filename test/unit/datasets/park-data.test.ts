/**
 * Integrity and calibration of the bundled parks (datasets/README.md, "Calibration"). The coefficients
 * below are written out here on purpose, so that this test checks the data independently of the
 * generator and of src/core/reference:
 *   coal equivalents GB/T 2589-2020 (electricity 0.1229 kgce/kWh equivalent value; natural gas
 *   389.31 GJ/10^4 m3 over 29.3076 GJ/tce, the NCV of its CO2 factor; heat 1/29.3076 tce/GJ;
 *   biomass ~0.5 tce/t);
 *   CO2 factors from the NDRC guideline defaults (NCV × carbon content × oxidation × 44/12), heat
 *   0.11 tCO2/GJ, and one fixed grid factor (0.5703 tCO2/MWh) so that the trend reflects activity only.
 */
import { describe, expect, it } from 'vitest';
import { carrierInfo } from '../../../src/core/carriers.ts';
import { SECTORS, sectorInfo } from '../../../src/core/sectors.ts';
import { buildSamplePark } from '../../../datasets/generator/sample-park.ts';
import type { ParkTables } from '../../../datasets/generator/schema.ts';
import { buildWorkshopPark } from '../../../datasets/generator/workshop-park.ts';

/** tce per canonical unit; exports count negative (delivered to others). */
const TCE: Record<string, number> = {
  raw_coal: 0.7143,
  natural_gas: 389.31 / 29.3076,
  diesel: 1.4571,
  gasoline: 1.4714,
  fuel_oil: 1.4286,
  lpg: 1.7143,
  biomass: 0.5,
  electricity: 1.229,
  green_electricity: 1.229,
  pv_electricity: 1.229,
  heat: 1 / 29.3076,
  heat_in_park: 1 / 29.3076,
  electricity_export: -1.229,
  heat_export: -1 / 29.3076,
};
/** tCO2 per canonical unit (10^4 kWh at 0.5703 tCO2/MWh = 5.703 t). */
const CO2: Record<string, number> = {
  raw_coal: 1.9,
  natural_gas: 21.62,
  diesel: 3.096,
  gasoline: 2.925,
  fuel_oil: 3.17,
  lpg: 3.101,
  electricity: 5.703,
  heat: 0.11,
  heat_in_park: 0.11,
  electricity_export: -5.703,
  heat_export: -0.11,
  process_co2: 1,
};
const ELECTRICITY = new Set(['electricity', 'green_electricity', 'pv_electricity']);
const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

interface YearTotals {
  output: number;
  valueAdded: number;
  /** Σ consumption − Σ exports, tce (the CHP's steam is counted once, at its gas). */
  energy: number;
  /** Share of electricity in the final energy of enterprises other than the CHP. */
  elecShare: number;
  co2: number;
  heatInPark: number;
  heatExport: number;
}

function totals(park: ParkTables): Map<number, YearTotals> {
  const sector = new Map(park.enterprises.map((e) => [e.enterprise_id, e.sector]));
  const out = new Map<number, YearTotals>();
  for (const y of YEARS) {
    const econ = park.economics.filter((e) => e.year === y);
    let energy = 0;
    let finalEnergy = 0;
    let elec = 0;
    let co2 = 0;
    let heatInPark = 0;
    let heatExport = 0;
    for (const a of park.activity.filter((r) => r.year === y)) {
      const tce = a.amount * (TCE[a.carrier] ?? 0);
      energy += tce;
      co2 += a.amount * (CO2[a.carrier] ?? 0);
      if (sector.get(a.enterprise_id) !== 'chp' && tce > 0) {
        finalEnergy += tce;
        if (ELECTRICITY.has(a.carrier)) elec += tce;
      }
      if (a.carrier === 'heat_in_park') heatInPark += a.amount;
      if (a.carrier === 'heat_export') heatExport += a.amount;
    }
    out.set(y, {
      output: econ.reduce((s, e) => s + e.output_value_10k_cny, 0),
      valueAdded: econ.reduce((s, e) => s + e.value_added_10k_cny, 0),
      energy,
      elecShare: elec / finalEnergy,
      co2,
      heatInPark,
      heatExport,
    });
  }
  return out;
}

/** Share of a sector's 2024 energy (tce) in the given carriers. */
function carrierShare(
  park: ParkTables,
  sectorCode: string,
  carriers: readonly string[],
  year = 2024,
): number {
  const ids = new Set(park.enterprises.filter((e) => e.sector === sectorCode).map((e) => e.enterprise_id));
  let part = 0;
  let all = 0;
  for (const a of park.activity) {
    if (a.year !== year || !ids.has(a.enterprise_id)) continue;
    const tce = a.amount * (TCE[a.carrier] ?? 0);
    if (tce <= 0) continue;
    all += tce;
    if (carriers.includes(a.carrier)) part += tce;
  }
  return part / all;
}

/** Referential integrity; collects every problem so that one failure shows them all (and stays fast). */
function checkIntegrity(park: ParkTables): void {
  const problems: string[] = [];
  const fail = (msg: string) => problems.length < 20 && problems.push(msg);
  const ids = park.enterprises.map((e) => e.enterprise_id);
  if (new Set(ids).size !== ids.length) fail('duplicate enterprise ids');
  if (new Set(park.enterprises.map((e) => e.name_zh)).size !== ids.length) fail('duplicate names');
  if (park.enterprises.filter((e) => e.sector === 'chp').length !== 1) fail('not exactly one CHP');
  for (const e of park.enterprises) {
    if (!/^E\d{4}$/.test(e.enterprise_id)) fail(`id ${e.enterprise_id}`);
    if (sectorInfo(e.sector)?.gbt4754 !== e.gbt4754)
      fail(`${e.enterprise_id}: sector ${e.sector}/${e.gbt4754}`);
    if (!/公司$/.test(e.name_zh) || !/Co\., Ltd\.$/.test(e.name_en)) fail(`${e.enterprise_id}: name`);
    if (!(e.lon > 118 && e.lon < 123 && e.lat > 29.5 && e.lat < 33))
      fail(`${e.enterprise_id}: outside the YRD`);
  }
  // Every row refers to an enterprise in a year it existed (had economics).
  const alive = new Set(park.economics.map((e) => `${e.enterprise_id}|${e.year}`));
  const last = new Map(park.economics.map((e) => [e.enterprise_id, e]));
  for (const e of park.economics) {
    if (!YEARS.includes(e.year)) fail(`${e.enterprise_id}: year ${e.year}`);
    if (!(e.output_value_10k_cny > 0 && e.value_added_10k_cny > 0))
      fail(`${e.enterprise_id} ${e.year}: money`);
    if (!(e.value_added_10k_cny < e.output_value_10k_cny)) fail(`${e.enterprise_id} ${e.year}: VA ≥ output`);
    if (!(Number.isInteger(e.employees) && e.employees > 0)) fail(`${e.enterprise_id} ${e.year}: employees`);
  }
  const keys = new Set<string>();
  for (const a of park.activity) {
    const key = `${a.enterprise_id}|${a.year}|${a.carrier}`;
    if (!alive.has(`${a.enterprise_id}|${a.year}`)) fail(`activity ${key}: enterprise not present`);
    if (carrierInfo(a.carrier)?.unit !== a.unit) fail(`activity ${key}: unit ${a.unit}`);
    if (!(a.amount > 0)) fail(`activity ${key}: amount ${a.amount}`);
    if (keys.has(key)) fail(`activity ${key}: duplicate`);
    keys.add(key);
  }
  for (const p of park.production) {
    if (!alive.has(`${p.enterprise_id}|${p.year}`)) fail(`production ${p.enterprise_id} ${p.year}`);
    if (!(p.quantity > 0) || p.unit === '') fail(`production ${p.enterprise_id} ${p.year}: quantity/unit`);
  }
  for (const pv of park.pv_installations) {
    if (!alive.has(`${pv.enterprise_id}|${pv.commissioned_year}`)) fail(`pv ${pv.enterprise_id}`);
    if (!(pv.capacity_kwp > 0)) fail(`pv ${pv.enterprise_id}: capacity`);
  }
  // The latest-year figures in `enterprises` are those of the enterprise's last year in `economics`.
  for (const e of park.enterprises) {
    const l = last.get(e.enterprise_id);
    if (!l || l.output_value_10k_cny !== e.output_value_10k_cny || l.employees !== e.employees) {
      fail(`${e.enterprise_id}: latest-year figures`);
    }
  }
  expect(problems).toEqual([]);
}

describe('sample park', () => {
  const park = buildSamplePark();
  const t = totals(park);

  it('is referentially sound and uses every sector code', () => {
    checkIntegrity(park);
    expect(new Set(park.enterprises.map((e) => e.sector))).toEqual(new Set(SECTORS.map((s) => s.code)));
    expect(park.enterprises.length).toBeGreaterThanOrEqual(280);
    expect(park.enterprises.length).toBeLessThanOrEqual(320);
    const firstYear = new Map<string, number>();
    const lastYear = new Map<string, number>();
    for (const e of park.economics) {
      if (!firstYear.has(e.enterprise_id)) firstYear.set(e.enterprise_id, e.year);
      lastYear.set(e.enterprise_id, e.year);
    }
    expect([...firstYear.values()].filter((y) => y > 2015).length).toBeGreaterThan(10); // entrants
    expect([...lastYear.values()].filter((y) => y < 2024).length).toBeGreaterThan(5); // exits
  });

  it('has park totals within the documented calibration ranges', () => {
    for (const [year, v] of t) {
      expect(v.output / 1e4, `output ${year} (10^8 CNY)`).toBeGreaterThan(1200);
      expect(v.output / 1e4, `output ${year} (10^8 CNY)`).toBeLessThan(3000);
      expect(v.energy / 1e6, `energy ${year} (Mtce)`).toBeGreaterThan(1);
      expect(v.energy / 1e6, `energy ${year} (Mtce)`).toBeLessThan(3);
      expect(v.energy / v.output, `intensity ${year}`).toBeGreaterThan(0.05);
      expect(v.energy / v.output, `intensity ${year}`).toBeLessThan(0.12);
      expect(v.energy / v.valueAdded, `per value added ${year} (HJ 274-2015 ≤ 0.5)`).toBeLessThan(0.5);
      expect(v.elecShare, `electricity share ${year}`).toBeGreaterThan(0.35);
      expect(v.elecShare, `electricity share ${year}`).toBeLessThan(0.7);
    }
    const [first, last] = [t.get(2015)!, t.get(2024)!];
    expect(last.energy / last.output).toBeLessThan(0.8 * (first.energy / first.output));
    expect(last.elecShare).toBeGreaterThan(first.elecShare + 0.05);
  });

  it('has emissions that rise, then plateau by 2024', () => {
    const co2 = YEARS.map((y) => t.get(y)!.co2);
    const peak = Math.max(...co2);
    expect(YEARS[co2.indexOf(peak)]).toBeGreaterThanOrEqual(2021);
    expect(peak).toBeGreaterThan(1.1 * co2[0]);
    expect(co2[co2.length - 1]).toBeGreaterThan(0.96 * peak);
  });

  it('has sector energy mixes typical of their processes', () => {
    expect(carrierShare(park, 'data_centre', [...ELECTRICITY])).toBeGreaterThan(0.95);
    expect(carrierShare(park, 'electronics', [...ELECTRICITY])).toBeGreaterThan(0.75);
    expect(carrierShare(park, 'commercial', [...ELECTRICITY])).toBeGreaterThan(0.6);
    expect(carrierShare(park, 'chemicals', ['natural_gas', 'heat_in_park', 'heat'])).toBeGreaterThan(0.5);
    expect(carrierShare(park, 'textiles', ['heat_in_park', 'heat', 'natural_gas'])).toBeGreaterThan(0.4);
    expect(carrierShare(park, 'logistics', ['diesel', 'gasoline'])).toBeGreaterThan(0.3);
  });

  it('phases coal out by 2019 and buys green electricity from 2021', () => {
    const years = (carrier: string) =>
      new Set(park.activity.filter((a) => a.carrier === carrier).map((a) => a.year));
    expect(Math.max(...years('raw_coal'))).toBeLessThanOrEqual(2019);
    expect(years('raw_coal').has(2015)).toBe(true);
    expect(Math.min(...years('green_electricity'))).toBe(2021);
    expect(park.activity.some((a) => a.carrier === 'process_co2')).toBe(true);
    expect(park.activity.some((a) => a.carrier === 'biomass')).toBe(true);
  });

  it('has rooftop PV output ≈ capacity × 950–1150 kWh/kWp', () => {
    expect(park.pv_installations.length).toBeGreaterThan(50);
    let checked = 0;
    for (const a of park.activity.filter((r) => r.carrier === 'pv_electricity')) {
      const inst = park.pv_installations.filter((p) => p.enterprise_id === a.enterprise_id);
      if (inst.some((p) => p.commissioned_year >= a.year)) continue; // part-year output
      const kwp = inst.reduce((s, p) => s + p.capacity_kwp, 0);
      const yieldKwh = (a.amount * 1e4) / kwp;
      expect(yieldKwh, `${a.enterprise_id} ${a.year}`).toBeGreaterThan(950);
      expect(yieldKwh, `${a.enterprise_id} ${a.year}`).toBeLessThan(1150);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('balances the CHP: steam sold ≈ steam bought in the park (losses 1–5%), gas at ~80% efficiency', () => {
    const chp = park.enterprises.find((e) => e.sector === 'chp')!.enterprise_id;
    for (const [year, v] of t) {
      const loss = (v.heatExport - v.heatInPark) / v.heatExport;
      expect(loss, `heat loss ${year}`).toBeGreaterThan(0.01);
      expect(loss, `heat loss ${year}`).toBeLessThan(0.05);
      const amount = (c: string) =>
        park.activity.find((a) => a.enterprise_id === chp && a.year === year && a.carrier === c)!.amount;
      const useful = amount('heat_export') + (amount('electricity_export') * 36) / 0.96;
      expect(useful / (amount('natural_gas') * 389.31)).toBeCloseTo(0.8, 2);
    }
  });
});

describe('workshop park', () => {
  const park = buildWorkshopPark();
  const t = totals(park);

  it('is small, sound and in round numbers', () => {
    checkIntegrity(park);
    expect(park.enterprises).toHaveLength(20);
    expect(park.activity.every((a) => Number.isInteger(a.amount))).toBe(true);
    expect(park.economics.every((e) => Number.isInteger(e.output_value_10k_cny))).toBe(true);
    expect(park.activity.filter((a) => a.amount % 5 !== 0)).toEqual([]);
  });

  it('balances the CHP within a few percent', () => {
    for (const [year, v] of t) {
      const loss = (v.heatExport - v.heatInPark) / v.heatExport;
      expect(loss, `heat loss ${year}`).toBeGreaterThan(0.01);
      expect(loss, `heat loss ${year}`).toBeLessThan(0.05);
      expect(v.energy / v.output).toBeLessThan(0.2);
    }
  });
});
