/**
 * The sample park's special plants: data centres (electricity from IT load × PUE) and the gas-fired
 * CHP plant whose steam exports match what the park's enterprises record as heat_in_park.
 */
import type { SectorCode } from '../../src/core/sectors.ts';
import { GAS_NCV_GJ_PER_10K_M3, GJ_PER_10K_KWH } from './coefficients.ts';
import type { NameBook } from './names.ts';
import type { EnterpriseSpec, ParkAssembler } from './park-builder.ts';
import { Rng } from './prng.ts';
import { PV_YIELD, YEARS } from './profiles.ts';

/** What the park builder needs to know about a plant before ids are assigned. */
export interface PlannedPlant {
  sector: SectorCode;
  entry: number;
  exit: number;
  name: { zh: string; en: string };
  /** Random key ordering enterprises that enter in the same year. */
  order: number;
}

export interface PlannedDataCentre extends PlannedPlant {
  itMw: number;
  pue0: number;
  greenFrom: number | null;
  pvKwp: number;
}

/**
 * Five data centres: IT load, opening year and design PUE. Older sites start near 1.7 and improve;
 * new large sites are built to PUE ≤ 1.3 (MIIT new-type data-centre action plan 2021–2023).
 */
const DATA_CENTRES = [
  { entry: 2015, itMw: 8, pue0: 1.72, greenFrom: null, pvKwp: 320 },
  { entry: 2017, itMw: 12, pue0: 1.55, greenFrom: 2021, pvKwp: 450 },
  { entry: 2019, itMw: 18, pue0: 1.42, greenFrom: 2021, pvKwp: 0 },
  { entry: 2020, itMw: 15, pue0: 1.36, greenFrom: 2022, pvKwp: 600 },
  { entry: 2022, itMw: 10, pue0: 1.29, greenFrom: 2022, pvKwp: 380 },
] as const;

/** Names and plans of the data centres. */
export function planDataCentres(r: Rng, names: NameBook): PlannedDataCentre[] {
  return DATA_CENTRES.map((d) => ({
    sector: 'data_centre',
    entry: d.entry,
    exit: YEARS[YEARS.length - 1],
    name: names.next(r, 'data_centre'),
    order: r.next(),
    itMw: d.itMw,
    pue0: d.pue0,
    greenFrom: d.greenFrom,
    pvKwp: d.pvKwp,
  }));
}

/** Yearly rows of one data centre. */
export function buildDataCentre(park: ParkAssembler, e: EnterpriseSpec, p: PlannedDataCentre): void {
  const r = new Rng(`sample/data-centre/${e.id}`);
  const pvYear = p.pvKwp > 0 ? Math.max(p.entry + 1, 2018) : null;
  if (pvYear !== null) park.addPv(e.id, pvYear, p.pvKwp);
  for (const [t, year] of YEARS.entries()) {
    if (year < p.entry) continue;
    const age = year - p.entry;
    const utilisation = Math.min(0.82, 0.35 + 0.13 * age) * r.lognormal(1, 0.03);
    const pue = Math.max(1.22, p.pue0 - 0.018 * age);
    const itMwh = p.itMw * 8760 * utilisation;
    const total = (itMwh * pue) / 10; // MWh → 10^4 kWh
    const output = itMwh * 0.16 * 0.98 ** t; // ~1.6 CNY per IT kWh of colocation revenue
    park.setEconomics(e.id, year, {
      output,
      valueAdded: output * 0.45 * r.lognormal(1, 0.03),
      employees: 20 + p.itMw * 3 + age * 2,
    });
    const pv =
      pvYear !== null && year >= pvYear ? (p.pvKwp * PV_YIELD[t] * (year === pvYear ? 0.5 : 1)) / 1e4 : 0;
    const green =
      p.greenFrom !== null && year >= p.greenFrom ? Math.min(0.5, 0.2 + 0.08 * (year - p.greenFrom)) : 0;
    park.addActivity(e.id, year, 'pv_electricity', pv);
    park.addActivity(e.id, year, 'green_electricity', (total - pv) * green);
    park.addActivity(e.id, year, 'electricity', (total - pv) * (1 - green));
    park.addActivity(e.id, year, 'diesel', r.uniform(8, 30) * (p.itMw / 10)); // backup generator tests
    park.addProduction(e.id, year, 'IT设备用电量 IT equipment electricity', itMwh, 'MWh');
  }
}

/** The CHP plant: one, present every year. */
export function planChp(names: NameBook): PlannedPlant {
  const name = { zh: '苏江燃机热电有限公司', en: 'Sujiang Gas Turbine CHP Co., Ltd.' };
  names.reserve(name.zh);
  return { sector: 'chp', entry: YEARS[0], exit: YEARS[YEARS.length - 1], name, order: -1 };
}

/**
 * Steam sold = Σ heat_in_park of the buyers / (1 − network loss, 2.5–4%). Electricity exported =
 * power-to-heat ratio (0.85–0.95) × steam, less 4% auxiliary use. Gas = (steam + power) / 80% overall
 * efficiency / 389.31 GJ per 10^4 m3.
 */
export function buildChp(park: ParkAssembler, e: EnterpriseSpec, all: readonly EnterpriseSpec[]): void {
  const r = new Rng(`sample/chp/${e.id}`);
  for (const year of YEARS) {
    const sold = all.reduce((s, x) => s + park.activity(x.id, year, 'heat_in_park'), 0);
    const heatGj = sold / (1 - r.uniform(0.025, 0.04));
    const powerGj = heatGj * r.uniform(0.85, 0.95);
    const gas = (heatGj + powerGj) / 0.8 / GAS_NCV_GJ_PER_10K_M3;
    const exported = (powerGj / GJ_PER_10K_KWH) * 0.96;
    park.addActivity(e.id, year, 'natural_gas', gas);
    park.addActivity(e.id, year, 'heat_export', heatGj);
    park.addActivity(e.id, year, 'electricity_export', exported);
    park.addActivity(e.id, year, 'electricity', r.uniform(120, 180)); // start-up and standby power
    const output = exported * 0.45 + heatGj * 0.0075; // 0.45 CNY/kWh on-grid, 75 CNY/GJ steam
    park.setEconomics(e.id, year, { output, valueAdded: output * 0.22, employees: 175 + r.int(0, 12) });
    park.addProduction(e.id, year, '上网电量 Electricity to grid', exported, '10^4 kWh');
    park.addProduction(e.id, year, '供热量 Steam supplied', heatGj, 'GJ');
  }
}
