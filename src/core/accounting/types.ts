/** Shapes shared by the accounting engine, its summaries, the SQL builders and the CLI. */
import type { FactorKey, GridParams, NoteKey } from './explanations';
import type { CarrierKind } from '../carriers';

/** One activity record: a quantity of a carrier used (or delivered) by an enterprise in a year. */
export interface ActivityRow {
  enterprise_id: string;
  year: number;
  carrier: string;
  amount: number;
  /** Any supported unit (src/core/units.ts); converted to the carrier's canonical unit. */
  unit: string;
}

export type ElectricityMethod = 'equivalent' | 'equal';
export type Scope2Method = 'location' | 'market';

export interface AccountingOptions {
  /** Grid-factor year; default: each row's own year. Either resolves to the nearest published year. */
  gridYear?: number;
  /** Grid region code (ref_grid_factors); default 'national'. */
  gridRegion: string;
  /** Electricity coal equivalent: calorific equivalent value (default) or equal value (coal for power). */
  electricityMethod: ElectricityMethod;
  /** Scope 2 for electricity: grid average (default) or market-based (green power 0, rest residual mix). */
  scope2Method: Scope2Method;
  /** Market-based factor for non-green electricity, tCO2/MWh; default: the published residual factor. */
  residualMixFactor?: number;
  /** Supplier-specific factor for purchased heat (heat and heat_in_park), tCO2/GJ; default 0.11. */
  supplierHeatFactor?: number;
}

export const DEFAULT_OPTIONS: AccountingOptions = {
  gridRegion: 'national',
  electricityMethod: 'equivalent',
  scope2Method: 'location',
};

/** A factor as used in a calculation: value, unit, and where it comes from. */
export interface FactorUse {
  /** Stable key of the factor (explanations.ts); `name` is its English text. */
  key: FactorKey;
  name: string;
  /** Region and factor type of a grid factor (part of its name). */
  grid?: GridParams;
  value: number;
  unit: string;
  source: string;
  /** Year the value refers to (grid factors, equal-value coefficient) or the source's year. */
  year: number | null;
  /** Set when the value was not the one asked for (year fallback, override, option): English text. */
  note?: string;
  /** The note's key and, for a year fallback, the years it names (explanations.ts). */
  noteKey?: NoteKey;
  noteYears?: { asked: number; used: number };
}

export interface Explanation {
  /** The calculation written out with the numbers used. */
  formula: string;
  factors: FactorUse[];
}

/** The inventory contribution of one activity row. */
export interface InventoryLine {
  enterprise_id: string;
  year: number;
  carrier: string;
  kind: CarrierKind;
  /** As given. */
  amount: number;
  unit: string;
  /** In the carrier's canonical unit. */
  amount_canonical: number;
  canonical_unit: string;
  /** Coal equivalent; negative for energy delivered to others (GB/T 2589-2020). */
  energy_tce: number;
  scope1_tco2: number;
  scope2_tco2: number;
  /** CO2 of exported electricity or heat, subtracted from the total (GB/T 32150-2015). */
  deduction_tco2: number;
  /** Biomass CO2, reported separately and outside the total. */
  biogenic_tco2: number;
  explanation: Explanation;
}

/** Inventory of one enterprise in one year. total = scope1 + scope2 − deduction. */
export interface InventorySummary {
  enterprise_id: string;
  year: number;
  energy_tce: number;
  /** tce of electricity used (purchased, green, self-generated PV); exports excluded. */
  electricity_tce: number;
  /** tce of green power and self-consumed PV (for views that exclude renewables). */
  renewable_tce: number;
  scope1_tco2: number;
  /** Part of Scope 1 reported as process emissions. */
  process_tco2: number;
  scope2_tco2: number;
  /** Part of Scope 2 from steam of the park's own CHP (heat_in_park). */
  heat_in_park_tco2: number;
  deduction_tco2: number;
  total_tco2: number;
  biogenic_tco2: number;
}
