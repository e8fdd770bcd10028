/**
 * Energy and material carriers of the canonical schema, with the unit each is stored in.
 * Units are those of Chinese energy statistics (t, 10^4 m3, 10^4 kWh, GJ); see datasets/README.md.
 */

/** How a carrier enters the inventory. */
export type CarrierKind =
  | 'fossil' // combusted on site: Scope 1 (GB/T 32150-2015)
  | 'biomass' // combusted on site, CO2 reported separately, outside the total
  | 'electricity' // purchased electricity: Scope 2
  | 'heat' // purchased heat / steam: Scope 2
  | 'renewable' // self-generated and self-consumed (rooftop PV): zero emissions
  | 'export' // electricity or heat delivered to others: deducted (GB/T 32150-2015)
  | 'process'; // process emissions reported directly in t CO2

export interface CarrierInfo {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** The unit the canonical datasets store this carrier in. */
  readonly unit: string;
  readonly kind: CarrierKind;
}

export const CARRIERS = [
  { code: 'raw_coal', zh: '原煤', en: 'Raw coal', unit: 't', kind: 'fossil' },
  { code: 'natural_gas', zh: '天然气', en: 'Natural gas', unit: '10^4 m3', kind: 'fossil' },
  { code: 'diesel', zh: '柴油', en: 'Diesel', unit: 't', kind: 'fossil' },
  { code: 'gasoline', zh: '汽油', en: 'Gasoline', unit: 't', kind: 'fossil' },
  { code: 'fuel_oil', zh: '燃料油', en: 'Fuel oil', unit: 't', kind: 'fossil' },
  { code: 'lpg', zh: '液化石油气', en: 'LPG', unit: 't', kind: 'fossil' },
  { code: 'biomass', zh: '生物质燃料', en: 'Biomass fuel', unit: 't', kind: 'biomass' },
  { code: 'electricity', zh: '外购电力', en: 'Purchased electricity', unit: '10^4 kWh', kind: 'electricity' },
  {
    code: 'green_electricity',
    zh: '外购绿电',
    en: 'Purchased green electricity',
    unit: '10^4 kWh',
    kind: 'electricity',
  },
  {
    code: 'pv_electricity',
    zh: '自发自用光伏电',
    en: 'Rooftop PV (self-consumed)',
    unit: '10^4 kWh',
    kind: 'renewable',
  },
  { code: 'heat', zh: '外购热力', en: 'Purchased heat/steam', unit: 'GJ', kind: 'heat' },
  { code: 'heat_in_park', zh: '园区热电厂蒸汽', en: 'Steam from the park CHP', unit: 'GJ', kind: 'heat' },
  {
    code: 'electricity_export',
    zh: '输出电力',
    en: 'Exported electricity',
    unit: '10^4 kWh',
    kind: 'export',
  },
  { code: 'heat_export', zh: '输出热力', en: 'Exported heat/steam', unit: 'GJ', kind: 'export' },
  { code: 'process_co2', zh: '工业过程排放', en: 'Process emissions', unit: 't', kind: 'process' },
] as const satisfies readonly CarrierInfo[];

export type CarrierCode = (typeof CARRIERS)[number]['code'];

const BY_CODE = new Map<string, CarrierInfo>(CARRIERS.map((c) => [c.code, c]));

/** Looks a carrier up by code; undefined when unknown. */
export function carrierInfo(code: string): CarrierInfo | undefined {
  return BY_CODE.get(code);
}
