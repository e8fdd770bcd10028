/**
 * Lever costs (docs/model.md §10): one definition per cost input — its unit, default distribution and
 * source — and the small pieces of cost arithmetic the kernel and the tests share (annuity factor,
 * discount factor, investment periods). Prices and unit costs are uncertain inputs of the run like the
 * drivers; the discount rate and lifetimes are fixed per scenario.
 */
import * as v from 'valibot';
import { distSchema, type DistInput } from './distribution';
import { num, plainObject } from './schema-parts';

export interface CostParamDef {
  /** Key in `costs.params` of a scenario document and in input names (`cost.<key>`). */
  key: string;
  unit: string;
  value: DistInput;
  source: string;
}

const JUDGEMENT = 'Our judgement';

/**
 * Every cost input, in draw order (new ones go at the end: a run's draws of earlier inputs then stay
 * the same). Prices are what the park pays at the meter, VAT included; costs in CNY of the base year
 * (real terms: no escalation is applied).
 */
export const COST_PARAMS = [
  {
    key: 'coal_price',
    unit: 'CNY/t raw coal',
    value: { dist: 'triangular', min: 600, mode: 800, max: 1050 },
    source:
      'Delivered industrial raw coal. Thermal coal 5,500 kcal/kg at the northern ports traded at about ' +
      '800–1,000 CNY/t in 2023–2024 (China Coal Transportation and Distribution Association, CCTD index); raw coal ' +
      'of lower heating value costs less, inland delivery more. Range: our reading.',
  },
  {
    key: 'gas_price',
    unit: 'CNY/m3',
    value: { dist: 'triangular', min: 3, mode: 3.6, max: 4.5 },
    source:
      'Non-residential pipeline gas in eastern provinces, 2023–2024 (provincial price bureaus’ published ' +
      'industrial tariffs, about 3.2–4.2 CNY/m3). Range: our reading.',
  },
  {
    key: 'electricity_price',
    unit: 'CNY/kWh',
    value: { dist: 'triangular', min: 0.55, mode: 0.66, max: 0.78 },
    source:
      'Industrial and commercial electricity, 1–10 kV, bought through the grid company (代理购电), time-of-use ' +
      'average, eastern provinces 2024 (provincial grid companies’ monthly agency-purchase price notices). Range: our reading.',
  },
  {
    key: 'green_premium',
    unit: 'CNY/MWh',
    value: { dist: 'triangular', min: 5, mode: 25, max: 60 },
    source:
      'Premium of green-power trading over the ordinary contract price (environmental value), 2023–2024 ' +
      '(Beijing and Guangzhou power exchange centres’ green-power trading reports: a few to about 50 CNY/MWh). ' +
      'Range: our reading.',
  },
  {
    key: 'biomass_price',
    unit: 'CNY/tce',
    value: { dist: 'triangular', min: 1400, mode: 1800, max: 2300 },
    source: 'Biomass pellets at about 900–1,200 CNY/t and 14–17 GJ/t (0.48–0.58 tce/t). ' + `${JUDGEMENT}.`,
  },
  {
    key: 'other_energy_price',
    unit: 'CNY/tce',
    value: { dist: 'triangular', min: 1500, mode: 3000, max: 5000 },
    source:
      'All other carriers (oil products, LPG, heat bought from outside the park) priced alike per tce: diesel at ' +
      'about 7,500 CNY/t is about 5,100 CNY/tce, purchased steam about 1,500–2,500 CNY/tce. ' +
      `${JUDGEMENT}.`,
  },
  {
    key: 'pv_capex',
    unit: 'CNY/W',
    value: { dist: 'triangular', min: 2.6, mode: 3.1, max: 3.6 },
    source:
      'Initial investment of industrial and commercial distributed PV, about 3.2 CNY/W in 2023 falling to about ' +
      '3.0 in 2025 (China Photovoltaic Industry Association, PV industry roadmap 2023–2024 editions). Range: our reading.',
  },
  {
    key: 'pv_om',
    unit: 'CNY/W/yr',
    value: { dist: 'triangular', min: 0.03, mode: 0.045, max: 0.06 },
    source:
      'Operation and maintenance of distributed PV (China Photovoltaic Industry Association roadmap: about ' +
      '0.04–0.05 CNY/W/yr). Range: our reading.',
  },
  {
    key: 'efficiency_capex',
    unit: 'CNY per tce/yr saved',
    value: { dist: 'triangular', min: 2000, mode: 4000, max: 7000 },
    source:
      'Investment per tce of yearly saving of industrial energy-saving retrofits (motors, waste-heat recovery, ' +
      'process optimisation); the National Catalogue of Key Energy-Saving and Low-Carbon Technologies (NDRC) lists ' +
      'investment and savings per project, mostly a few thousand CNY per tce/yr. Range: our reading.',
  },
  {
    key: 'coal_to_gas_capex',
    unit: 'CNY per tce/yr switched',
    value: { dist: 'triangular', min: 200, mode: 400, max: 800 },
    source:
      'Replacing coal boilers by gas boilers: about 0.1–0.2 million CNY per t/h of steam (≈0.7 MW), at 4,000 full-load ' +
      'hours. ' +
      `${JUDGEMENT}.`,
  },
  {
    key: 'heat_electric_capex',
    unit: 'CNY/kW thermal',
    value: { dist: 'triangular', min: 500, mode: 1500, max: 3000 },
    source:
      'Electric boilers (about 300–600 CNY/kW) and industrial heat pumps (about 2,000–4,000 CNY/kW thermal) in the ' +
      'mix the electrification and CHP levers assume (IEA 2022, The Future of Heat Pumps, for heat-pump ranges). ' +
      `Mix: ${JUDGEMENT.toLowerCase()}.`,
  },
  {
    key: 'biomass_boiler_capex',
    unit: 'CNY/kW thermal',
    value: { dist: 'triangular', min: 400, mode: 700, max: 1200 },
    source: `Biomass steam boilers with fuel handling. ${JUDGEMENT}.`,
  },
  {
    key: 'ccus_capex',
    unit: 'CNY per tCO2/yr',
    value: { dist: 'triangular', min: 800, mode: 1400, max: 2400 },
    source:
      'Capture plant investment per tonne of yearly capture (Annual Report on CCUS in China 2021, Chinese Academy ' +
      'of Environmental Planning et al.; demonstration projects of 0.1–1 Mt/yr). Range: our reading.',
  },
  {
    key: 'ccus_opex',
    unit: 'CNY/tCO2',
    value: { dist: 'triangular', min: 120, mode: 220, max: 400 },
    source:
      'Operating cost per tonne captured, energy penalty included, plus transport and storage (Annual Report on ' +
      'CCUS in China 2021: capture of concentrated industrial CO2 about 100–200 CNY/t, dilute flue gas 300–450; ' +
      'storage about 50–60 CNY/t). Range: our reading.',
  },
  {
    key: 'green_space_capex',
    unit: 'CNY/ha',
    value: { dist: 'triangular', min: 500_000, mode: 1_200_000, max: 2_500_000 },
    source: `Urban green space construction at about 50–250 CNY/m². ${JUDGEMENT}.`,
  },
  {
    key: 'wetland_capex',
    unit: 'CNY/ha',
    value: { dist: 'triangular', min: 50_000, mode: 150_000, max: 400_000 },
    source: `Constructed or restored wetland. ${JUDGEMENT}.`,
  },
  {
    key: 'sink_upkeep',
    unit: 'CNY/ha/yr',
    value: { dist: 'triangular', min: 20_000, mode: 60_000, max: 120_000 },
    source: `Upkeep of green space and wetland, about 2–12 CNY/m² per year. ${JUDGEMENT}.`,
  },
  {
    key: 'offset_price',
    unit: 'CNY/tCO2',
    value: { dist: 'triangular', min: 50, mode: 85, max: 150 },
    source:
      'China Certified Emission Reductions (CCER) and national ETS allowances traded at about 60–100 CNY/t in ' +
      '2024 (Shanghai Environment and Energy Exchange); the range allows for a rising price. Range: our reading.',
  },
] as const satisfies readonly CostParamDef[];

export type CostKey = (typeof COST_PARAMS)[number]['key'];

/** Fixed cost settings of a scenario (docs/model.md §10). */
export const COST_SETTINGS = {
  discount_rate: {
    value: 0.08,
    source:
      'Social discount rate of 8 % for project appraisal (国家发展改革委、建设部《建设项目经济评价方法与参数》第三版, 2006).',
  },
  carbon_price: {
    value: 100,
    source:
      'Reference carbon price for the MACC, CNY/tCO2: national ETS allowances closed 2024 at about 100 CNY/t ' +
      '(Shanghai Environment and Energy Exchange). A line on the chart, not a cost in the totals.',
  },
  full_load_hours: {
    value: 4000,
    source: `Full-load hours per year of process-heat equipment (electric boilers, heat pumps, biomass boilers). ${JUDGEMENT}.`,
  },
  lifetimes: {
    value: { pv: 25, efficiency: 15, coal_to_gas: 20, heat: 15, ccus: 25, sinks: 30 },
    source:
      'Economic lifetimes, years: PV 25 (CPIA), industrial retrofits and heat equipment 15, gas boilers 20, capture ' +
      'plants 25, green space and wetland works 30. ' +
      `${JUDGEMENT} where no source is named.`,
  },
} as const;

export type LifetimeKey = keyof typeof COST_SETTINGS.lifetimes.value;

/** Capital recovery factor: the yearly payment that repays 1 over `years` at rate r. */
export function capitalRecovery(r: number, years: number): number {
  if (years <= 0) return 0;
  if (r === 0) return 1 / years;
  const f = (1 + r) ** years;
  return (r * f) / (f - 1);
}

/**
 * Investment periods of a horizon: the projected years up to 2030, then five-year blocks (2031–2035,
 * …; the last may be shorter). `of[y]` is year y's period (−1 for years up to the base year).
 */
export function investmentPeriods(
  years: ArrayLike<number>,
  baseYear: number,
): { labels: string[]; of: Int32Array } {
  const of = new Int32Array(years.length).fill(-1);
  const labels: string[] = [];
  const end = years[years.length - 1];
  for (let y = 0; y < years.length; y++) {
    const t = years[y];
    if (t <= baseYear) continue;
    const first = t <= 2030 ? baseYear + 1 : Math.max(baseYear + 1, 2031 + 5 * Math.floor((t - 2031) / 5));
    const last = t <= 2030 ? 2030 : 2035 + 5 * Math.floor((t - 2031) / 5);
    const label = `${first}-${Math.min(last, end)}`;
    if (labels[labels.length - 1] !== label) labels.push(label);
    of[y] = labels.length - 1;
  }
  return { labels, of };
}

/** `costs` of a scenario document: discount rate, carbon price line, and cost inputs replacing the defaults. */
export const CostsSchema = plainObject({
  discount_rate: v.optional(v.pipe(num, v.minValue(0), v.maxValue(0.3, 'must be ≤ 0.3'))),
  carbon_price: v.optional(v.pipe(num, v.minValue(0), v.maxValue(10_000, 'must be ≤ 10,000 CNY/t'))),
  params: v.optional(
    plainObject(
      Object.fromEntries(COST_PARAMS.map((p) => [p.key, v.optional(distSchema(0, 1e9))])) as Record<
        CostKey,
        v.OptionalSchema<ReturnType<typeof distSchema>, undefined>
      >,
    ),
  ),
});
export type CostsInput = v.InferOutput<typeof CostsSchema>;

/** The scenario with a carbon price line and/or a discount rate set (the CLI options, the page's inputs). */
export function withCostSettings<S extends { costs?: CostsInput }>(
  scenario: S,
  set: { carbonPrice?: number; discountRate?: number },
): S {
  if (set.carbonPrice === undefined && set.discountRate === undefined) return scenario;
  return {
    ...scenario,
    costs: {
      ...scenario.costs,
      ...(set.carbonPrice === undefined ? {} : { carbon_price: set.carbonPrice }),
      ...(set.discountRate === undefined ? {} : { discount_rate: set.discountRate }),
    },
  };
}
