/**
 * The sample park: ~300 synthetic enterprises, 2015–2024. Regular enterprises are built here from
 * their sector profile; the data centres and the CHP plant are in sample-plants.ts.
 */
import type { CarrierCode } from '../../src/core/carriers.ts';
import { fromTce } from './coefficients.ts';
import { NameBook } from './names.ts';
import { ParkAssembler, enterpriseId, type EnterpriseSpec } from './park-builder.ts';
import { Rng } from './prng.ts';
import {
  GROWTH_INDEX,
  INTENSITY_INDEX,
  PV_YIELD,
  SECTOR_PROFILES,
  YEARS,
  ZONES,
  type SectorProfile,
  type ZoneCode,
} from './profiles.ts';
import { buildChp, buildDataCentre, planChp, planDataCentres, type PlannedPlant } from './sample-plants.ts';
import type { ParkMeta, ParkTables } from './schema.ts';

export const SAMPLE_META: ParkMeta = {
  id: 'sample',
  name_zh: '苏江国家级经济技术开发区（虚构示例）',
  name_en: 'Sujiang National Economic and Technological Development Zone (synthetic sample)',
  version: '2026.11-1',
  description_zh:
    '虚构的长三角中等规模国家级经开区：约300家企业、13个行业、一座燃气热电联产电厂向园区供汽，2015–2024年。数据为合成数据，仅按公开统计量级校准，不代表任何真实园区或企业。',
  description_en:
    'A synthetic mid-size national-level development zone in the Yangtze River Delta: about 300 enterprises in 13 sectors and a gas-fired CHP plant supplying steam, 2015–2024. The data are generated and only calibrated to published orders of magnitude; they describe no real park or company.',
  years: [2015, 2024],
  green_space_ha: 1240,
  wetland_ha: 315,
};

const FIRST = YEARS[0];
const LAST = YEARS[YEARS.length - 1];

/** A regular (profile-driven) enterprise before ids are assigned. */
interface Planned extends PlannedPlant {
  profile: SectorProfile;
  zoneCode: ZoneCode;
}

/** Builds all five tables of the sample park. */
export function buildSamplePark(): ParkTables {
  const rng = new Rng('park-carbon-workbench/sample/v1');
  const names = new NameBook();
  const planned: (Planned | PlannedPlant)[] = [];
  for (const profile of SECTOR_PROFILES) {
    const r = rng.fork(profile.sector);
    for (let k = 0; k < profile.count; k++) {
      const zoneCode = r.pick(profile.zones);
      const entry = r.chance(profile.entry) ? r.int(2016, 2023) : FIRST;
      const exit = r.chance(profile.exit) ? Math.max(entry + 2, r.int(2017, 2023)) : LAST;
      const name = names.next(r, profile.sector);
      planned.push({
        profile,
        zoneCode,
        sector: profile.sector,
        entry,
        exit: Math.min(exit, LAST),
        name,
        order: r.next(),
      });
    }
  }
  const plants = rng.fork('plants');
  const dcPlans = planDataCentres(plants, names);
  const chpPlan = planChp(names);
  planned.push(...dcPlans, chpPlan);

  // Registry numbers follow the year of entry, then a random order within the year.
  planned.sort((a, b) => a.entry - b.entry || a.order - b.order);
  const park = new ParkAssembler();
  const specs = new Map<PlannedPlant, EnterpriseSpec>();
  planned.forEach((p, i) => {
    const zoneCode = 'zoneCode' in p ? p.zoneCode : p.sector === 'chp' ? 'chem' : 'innov';
    const zone = ZONES[zoneCode];
    const r = new Rng(`sample/location/${i}`);
    const spec: EnterpriseSpec = {
      id: enterpriseId(i + 1),
      name_zh: p.name.zh,
      name_en: p.name.en,
      sector: p.sector,
      zone: zone.label,
      lon: zone.lon + r.uniform(-0.014, 0.014),
      lat: zone.lat + r.uniform(-0.011, 0.011),
    };
    specs.set(p, spec);
    park.addEnterprise(spec);
  });
  for (const p of planned) {
    if ('profile' in p) buildRegular(park, specs.get(p)!, p);
  }
  dcPlans.forEach((p) => buildDataCentre(park, specs.get(p)!, p));
  buildChp(park, specs.get(chpPlan)!, [...specs.values()]);
  return park.build();
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Yearly economics, energy by carrier, production and rooftop PV of one profile-driven enterprise. */
function buildRegular(park: ParkAssembler, e: EnterpriseSpec, p: Planned): void {
  const pr = p.profile;
  const r = new Rng(`sample/enterprise/${e.id}`);
  const zone = ZONES[p.zoneCode];
  // Firm traits, drawn once.
  // Truncated at ±2.1 sd so that no single firm dominates a sector.
  const base = pr.outputMedian * Math.exp(pr.outputSigma * clamp(r.normal(), -2.1, 2.1));
  const tilt = r.normal(0, 0.025);
  const vaFactor = r.lognormal(1, 0.12);
  const empFactor = r.lognormal(1, 0.25);
  const efficiency = r.lognormal(1, 0.35);
  const elec0 = clamp(pr.elecShare * r.lognormal(1, 0.08), 0.1, 0.97);
  const transport0 = pr.transportShare * r.lognormal(1, 0.3);
  const steamFraction = clamp(pr.steamFraction * r.lognormal(1, 0.15), 0, 0.95);
  const onNetwork = r.chance(zone.steamNetwork);
  const externalHeat = !onNetwork && steamFraction > 0.3 && r.chance(0.35);
  const coal = r.chance(pr.coalBoiler) ? { frac: r.uniform(0.5, 1), until: r.int(2016, 2019) } : null;
  const fuelOil =
    pr.sector === 'chemicals' && r.chance(0.15) ? { frac: 0.3, until: r.int(2017, 2021) } : null;
  const biomass =
    (pr.sector === 'food' && r.chance(0.35)) || (pr.sector === 'textiles' && r.chance(0.1))
      ? { frac: r.uniform(0.15, 0.4), from: r.int(2015, 2019) }
      : null;
  const lpg = (pr.sector === 'commercial' && r.chance(0.5)) || (pr.sector === 'food' && r.chance(0.2));
  const lpgShare = lpg ? r.uniform(0.015, 0.05) : 0;
  const processCo2 = pr.sector === 'chemicals' && r.chance(0.3) ? r.lognormal(0.12, 0.4) : 0;
  const green = r.chance(pr.greenPower) ? { from: r.int(2021, 2023), share: r.uniform(0.15, 0.45) } : null;
  const dieselShare = pr.sector === 'logistics' ? r.uniform(0.7, 0.9) : r.uniform(0.5, 0.85);
  const products = pickProducts(r, pr);

  const electricity = new Map<number, number>();
  for (const [t, year] of YEARS.entries()) {
    if (year < p.entry || year > p.exit) continue;
    const ramp =
      year === p.entry && p.entry > FIRST ? 0.55 : year === p.entry + 1 && p.entry > FIRST ? 0.85 : 1;
    const output =
      base * GROWTH_INDEX[t] ** pr.growthElasticity * Math.exp(tilt * t) * ramp * r.lognormal(1, 0.04);
    const valueAdded = output * pr.vaRatio * vaFactor * r.lognormal(1, 0.03);
    const employees = Math.max(8, (output / (pr.outputPerEmployee * 1.045 ** t)) * empFactor);
    park.setEconomics(e.id, year, { output, valueAdded, employees });

    // Comprehensive energy (tce) and its split.
    const energy = output * pr.intensity * efficiency * INTENSITY_INDEX[t] * r.lognormal(1, 0.03);
    const elecShare = Math.min(0.98, elec0 + (pr.sector === 'logistics' ? 0.02 : 0.006) * t);
    const transportShare = transport0 * (pr.sector === 'logistics' ? 1 - 0.035 * t : 1);
    const heatShare = Math.max(0, 1 - elecShare - transportShare - lpgShare);
    electricity.set(year, energy * elecShare);
    addTransport(park, e.id, year, energy * transportShare, dieselShare);
    park.addActivity(e.id, year, 'lpg', fromTce('lpg', energy * lpgShare));

    let steam = energy * heatShare * steamFraction;
    let direct = energy * heatShare - steam;
    if (coal && year <= coal.until) {
      // Small coal boilers burn ~15% more than the steam or gas that replaces them.
      const share = year === coal.until ? coal.frac * 0.5 : coal.frac;
      park.addActivity(e.id, year, 'raw_coal', fromTce('raw_coal', (steam + direct) * share * 1.15));
      steam *= 1 - share;
      direct *= 1 - share;
    }
    if (biomass && year >= biomass.from) {
      park.addActivity(e.id, year, 'biomass', fromTce('biomass', direct * biomass.frac * 1.1));
      direct *= 1 - biomass.frac;
    }
    if (fuelOil && year <= fuelOil.until) {
      park.addActivity(e.id, year, 'fuel_oil', fromTce('fuel_oil', direct * fuelOil.frac));
      direct *= 1 - fuelOil.frac;
    }
    const steamCarrier: CarrierCode = onNetwork ? 'heat_in_park' : externalHeat ? 'heat' : 'natural_gas';
    // Own gas boilers: ~90% efficient, so the fuel exceeds the steam.
    park.addActivity(
      e.id,
      year,
      steamCarrier,
      fromTce(steamCarrier, steamCarrier === 'natural_gas' ? steam / 0.9 : steam),
    );
    park.addActivity(e.id, year, 'natural_gas', fromTce('natural_gas', direct));
    park.addActivity(e.id, year, 'process_co2', output * processCo2 * (1 - 0.012 * t));

    for (const [product, share] of products) {
      const priceIndex =
        (pr.sector === 'electronics' ? 0.97 : pr.sector === 'commercial' ? 1.04 : 1.012) ** t;
      const q = (output * share) / (product.price2015 * priceIndex);
      park.addProduction(e.id, year, product.name, q * r.lognormal(1, 0.02), product.unit);
    }
  }
  const pvByYear = addRooftopPv(park, r, e.id, p, electricity);
  for (const [year, tce] of electricity) {
    const demand = fromTce('electricity', tce);
    const pv = Math.min(pvByYear.get(year) ?? 0, demand * 0.6);
    park.addActivity(e.id, year, 'pv_electricity', pv);
    const gridSide = demand - pv;
    const greenShare = green && year >= green.from ? green.share * (1 + 0.15 * (year - green.from)) : 0;
    const greenAmount = gridSide * Math.min(0.8, greenShare);
    park.addActivity(e.id, year, 'green_electricity', greenAmount);
    park.addActivity(e.id, year, 'electricity', gridSide - greenAmount);
  }
}

/** Splits transport energy between diesel and gasoline. */
function addTransport(park: ParkAssembler, id: string, year: number, tce: number, dieselShare: number): void {
  park.addActivity(id, year, 'diesel', fromTce('diesel', tce * dieselShare));
  park.addActivity(id, year, 'gasoline', fromTce('gasoline', tce * (1 - dieselShare)));
}

/** One product, or two with a 60/40 split of output value. */
function pickProducts(r: Rng, pr: SectorProfile): [SectorProfile['products'][number], number][] {
  if (pr.products.length > 1 && r.chance(0.3)) {
    const [a, b] = r.shuffle(pr.products);
    return [
      [a, 0.6],
      [b, 0.4],
    ];
  }
  return [[r.pick(pr.products), 1]];
}

/**
 * Rooftop PV: installations from 2016 on (more in later years), sized to a fraction of the site's
 * electricity and capped by roof size. Returns self-consumed generation by year, 10^4 kWh.
 */
function addRooftopPv(
  park: ParkAssembler,
  r: Rng,
  id: string,
  p: Planned,
  electricity: Map<number, number>,
): Map<number, number> {
  const out = new Map<number, number>();
  if (!r.chance(p.profile.pv)) return out;
  const years = YEARS.filter((y) => y >= Math.max(2016, p.entry) && y <= p.exit);
  if (years.length === 0) return out;
  const installs: { year: number; kwp: number }[] = [];
  const first = r.weighted(
    years,
    years.map((y) => y - 2014),
  );
  installs.push({ year: first, kwp: sizePv(r, electricity.get(first) ?? 0) });
  const later = years.filter((y) => y >= first + 2);
  if (later.length > 0 && r.chance(0.3)) {
    const y = r.pick(later);
    installs.push({ year: y, kwp: sizePv(r, electricity.get(y) ?? 0) * 0.6 });
  }
  for (const inst of installs) park.addPv(id, inst.year, inst.kwp);
  for (const [t, year] of YEARS.entries()) {
    if (!electricity.has(year)) continue;
    let kwh = 0;
    for (const inst of installs) {
      if (inst.year > year) continue;
      const rounded = Math.round(inst.kwp * 10) / 10;
      const fraction = inst.year === year ? 0.5 : 1; // commissioned mid-year on average
      kwh += rounded * PV_YIELD[t] * fraction * (1 - 0.005 * (year - inst.year));
    }
    out.set(year, kwh / 1e4);
  }
  return out;
}

/** kWp for a site using `tce` of electricity a year: 3–14% of its demand, 60–5000 kWp. */
function sizePv(r: Rng, tce: number): number {
  const kwhPerYear = fromTce('electricity', tce) * 1e4;
  return clamp((kwhPerYear * r.uniform(0.03, 0.14)) / 1050, 60, 5000);
}
