/**
 * Sector profiles of the sample park: how many enterprises, how big, how energy-intensive, and how
 * their energy splits between electricity, heat and transport fuels. The values are calibration
 * targets (datasets/README.md, "Calibration"), not statistics of a real park.
 */
import type { SectorCode } from '../../src/core/sectors.ts';

export type ZoneCode = 'east' | 'west' | 'south' | 'north' | 'chem' | 'innov' | 'logis' | 'central';

export interface Zone {
  readonly label: string;
  readonly lon: number;
  readonly lat: number;
  /** Probability that an enterprise here is connected to the CHP steam network. */
  readonly steamNetwork: number;
}

/** Zones of the synthetic park (Yangtze River Delta, north bank of the estuary). */
export const ZONES: Record<ZoneCode, Zone> = {
  east: { label: '东区 East zone', lon: 120.945, lat: 31.955, steamNetwork: 0.8 },
  west: { label: '西区 West zone', lon: 120.845, lat: 31.95, steamNetwork: 0.75 },
  south: { label: '南区 South zone', lon: 120.895, lat: 31.915, steamNetwork: 0.8 },
  north: { label: '北区 North zone', lon: 120.895, lat: 31.99, steamNetwork: 0.8 },
  chem: { label: '沿江化工园 Riverside chemical zone', lon: 120.83, lat: 32.0, steamNetwork: 1 },
  innov: { label: '科创园 Innovation park', lon: 120.935, lat: 31.985, steamNetwork: 0.6 },
  logis: { label: '物流园 Logistics hub', lon: 120.965, lat: 31.92, steamNetwork: 0 },
  central: { label: '中心区 Central district', lon: 120.9, lat: 31.955, steamNetwork: 0 },
};

export interface Product {
  readonly name: string;
  readonly unit: string;
  /** 10^4 CNY of output value per unit of product in 2015 (prices drift, see sample-park.ts). */
  readonly price2015: number;
}

export interface SectorProfile {
  readonly sector: Exclude<SectorCode, 'chp' | 'data_centre'>;
  readonly count: number;
  readonly zones: readonly ZoneCode[];
  /** Median 2015 output value per enterprise, 10^4 CNY, and the log-sd of the spread. */
  readonly outputMedian: number;
  readonly outputSigma: number;
  /** Elasticity of the sector's output to the park growth index (1 = grows with the park). */
  readonly growthElasticity: number;
  /** Value added / output value. */
  readonly vaRatio: number;
  /** Output value per employee in 2015, 10^4 CNY. */
  readonly outputPerEmployee: number;
  /** Median comprehensive energy intensity in 2015, tce per 10^4 CNY of output. */
  readonly intensity: number;
  /** Shares of the energy budget (tce) in 2015: electricity, heat (steam or direct firing), transport. */
  readonly elecShare: number;
  readonly transportShare: number;
  /** Fraction of heat that is steam (bought from the CHP when connected); the rest is gas firing. */
  readonly steamFraction: number;
  /** Probability of a legacy small coal boiler in 2015, phased out 2016–2019. */
  readonly coalBoiler: number;
  /** Probability of rooftop PV by 2024, and of buying green electricity from 2021. */
  readonly pv: number;
  readonly greenPower: number;
  /** Probability of an entry after 2015 and of an exit before 2024. */
  readonly entry: number;
  readonly exit: number;
  readonly products: readonly Product[];
}

// prettier-ignore
export const SECTOR_PROFILES: readonly SectorProfile[] = [
  {
    sector: 'electronics', count: 60, zones: ['east', 'innov', 'north'], outputMedian: 55000, outputSigma: 1.1,
    growthElasticity: 1.25, vaRatio: 0.21, outputPerEmployee: 180, intensity: 0.04, elecShare: 0.86,
    transportShare: 0.005, steamFraction: 0.7, coalBoiler: 0, pv: 0.55, greenPower: 0.35, entry: 0.18, exit: 0.03,
    products: [
      { name: '集成电路 Integrated circuits', unit: '10^4 pcs', price2015: 2.2 },
      { name: '印制电路板 Printed circuit boards', unit: 'm2', price2015: 0.09 },
      { name: '电子元件 Electronic components', unit: '10^4 pcs', price2015: 1.1 },
    ],
  },
  {
    sector: 'chemicals', count: 25, zones: ['chem'], outputMedian: 50000, outputSigma: 0.9,
    growthElasticity: 0.55, vaRatio: 0.2, outputPerEmployee: 380, intensity: 0.27, elecShare: 0.27,
    transportShare: 0.005, steamFraction: 0.62, coalBoiler: 0.3, pv: 0.25, greenPower: 0.1, entry: 0.05, exit: 0.08,
    products: [
      { name: '精细化学品 Fine chemicals', unit: 't', price2015: 1.6 },
      { name: '合成树脂 Synthetic resins', unit: 't', price2015: 1.1 },
      { name: '涂料 Coatings', unit: 't', price2015: 1.4 },
    ],
  },
  {
    sector: 'pharma', count: 20, zones: ['chem', 'north', 'south'], outputMedian: 25000, outputSigma: 0.8,
    growthElasticity: 1.1, vaRatio: 0.36, outputPerEmployee: 140, intensity: 0.1, elecShare: 0.45,
    transportShare: 0.005, steamFraction: 0.78, coalBoiler: 0.15, pv: 0.4, greenPower: 0.15, entry: 0.1, exit: 0.03,
    products: [
      { name: '原料药 Active pharmaceutical ingredients', unit: 't', price2015: 28 },
      { name: '化学药品制剂 Formulated drugs', unit: '10^4 boxes', price2015: 18 },
    ],
  },
  {
    sector: 'machinery', count: 45, zones: ['east', 'west', 'south'], outputMedian: 24000, outputSigma: 1.0,
    growthElasticity: 0.9, vaRatio: 0.25, outputPerEmployee: 120, intensity: 0.028, elecShare: 0.8,
    transportShare: 0.02, steamFraction: 0.15, coalBoiler: 0.02, pv: 0.5, greenPower: 0.05, entry: 0.1, exit: 0.05,
    products: [
      { name: '通用设备 General-purpose machinery', unit: 'units', price2015: 8.5 },
      { name: '泵及阀门 Pumps and valves', unit: '10^4 pcs', price2015: 260 },
    ],
  },
  {
    sector: 'auto_parts', count: 35, zones: ['east', 'south'], outputMedian: 33000, outputSigma: 1.0,
    growthElasticity: 1.05, vaRatio: 0.22, outputPerEmployee: 150, intensity: 0.038, elecShare: 0.78,
    transportShare: 0.015, steamFraction: 0.2, coalBoiler: 0.03, pv: 0.55, greenPower: 0.2, entry: 0.12, exit: 0.04,
    products: [{ name: '汽车零部件 Automotive parts', unit: '10^4 pcs', price2015: 45 }],
  },
  {
    sector: 'metal_products', count: 25, zones: ['west', 'south'], outputMedian: 17000, outputSigma: 0.8,
    growthElasticity: 0.6, vaRatio: 0.2, outputPerEmployee: 140, intensity: 0.08, elecShare: 0.6,
    transportShare: 0.02, steamFraction: 0.15, coalBoiler: 0.3, pv: 0.45, greenPower: 0.05, entry: 0.05, exit: 0.12,
    products: [
      { name: '金属结构件 Metal structures', unit: 't', price2015: 0.85 },
      { name: '紧固件 Fasteners', unit: 't', price2015: 1.3 },
    ],
  },
  {
    sector: 'plastics', count: 20, zones: ['west', 'east'], outputMedian: 15000, outputSigma: 0.8,
    growthElasticity: 0.8, vaRatio: 0.22, outputPerEmployee: 110, intensity: 0.06, elecShare: 0.88,
    transportShare: 0.01, steamFraction: 0.5, coalBoiler: 0.08, pv: 0.45, greenPower: 0.05, entry: 0.08, exit: 0.08,
    products: [{ name: '塑料制品 Plastic products', unit: 't', price2015: 1.5 }],
  },
  {
    sector: 'textiles', count: 18, zones: ['west'], outputMedian: 10000, outputSigma: 0.7,
    growthElasticity: 0.15, vaRatio: 0.2, outputPerEmployee: 55, intensity: 0.2, elecShare: 0.4,
    transportShare: 0.005, steamFraction: 0.88, coalBoiler: 0.5, pv: 0.35, greenPower: 0.05, entry: 0.02, exit: 0.18,
    products: [
      { name: '印染布 Dyed fabric', unit: '10^4 m', price2015: 16 },
      { name: '化纤纱线 Synthetic yarn', unit: 't', price2015: 2.4 },
    ],
  },
  {
    sector: 'food', count: 15, zones: ['south', 'west'], outputMedian: 20000, outputSigma: 0.8,
    growthElasticity: 0.85, vaRatio: 0.26, outputPerEmployee: 110, intensity: 0.07, elecShare: 0.45,
    transportShare: 0.03, steamFraction: 0.6, coalBoiler: 0.35, pv: 0.4, greenPower: 0.05, entry: 0.1, exit: 0.05,
    products: [
      { name: '乳制品 Dairy products', unit: 't', price2015: 0.9 },
      { name: '饮料 Beverages', unit: 't', price2015: 0.35 },
      { name: '调味品 Condiments', unit: 't', price2015: 0.7 },
    ],
  },
  {
    sector: 'logistics', count: 18, zones: ['logis'], outputMedian: 12000, outputSigma: 0.8,
    growthElasticity: 1.0, vaRatio: 0.3, outputPerEmployee: 70, intensity: 0.09, elecShare: 0.25,
    transportShare: 0.7, steamFraction: 0, coalBoiler: 0, pv: 0.5, greenPower: 0.05, entry: 0.15, exit: 0.05,
    products: [{ name: '货物吞吐量 Freight handled', unit: '10^4 t', price2015: 260 }],
  },
  {
    sector: 'commercial', count: 16, zones: ['central'], outputMedian: 6000, outputSigma: 0.7,
    growthElasticity: 1.0, vaRatio: 0.55, outputPerEmployee: 35, intensity: 0.045, elecShare: 0.78,
    transportShare: 0, steamFraction: 0, coalBoiler: 0, pv: 0.3, greenPower: 0.1, entry: 0.2, exit: 0.02,
    products: [{ name: '建筑面积 Floor area in operation', unit: '10^4 m2', price2015: 900 }],
  },
];

/** Park-wide output growth index (2015 = 1) and energy-intensity index, 2015–2024. */
export const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;
export const GROWTH_INDEX = [1.0, 1.075, 1.155, 1.235, 1.305, 1.335, 1.46, 1.51, 1.565, 1.615];
export const INTENSITY_INDEX = [1.0, 0.97, 0.942, 0.915, 0.89, 0.875, 0.85, 0.825, 0.803, 0.783];
/** Rooftop PV specific yield by year (kWh per kWp; weather varies a few %). */
export const PV_YIELD = [1040, 1065, 1030, 1055, 1075, 1020, 1050, 1090, 1045, 1060];
