/**
 * Coal-equivalent coefficients (GB/T 2589-2020 Appendix A) per carrier. `kgce_per_unit` is the value
 * as the standard prints it (per `per_unit`); `tce_per_unit` is the same value per the carrier's
 * canonical unit, written out as a decimal so the engine and the SQL multiply by the same double.
 * Electricity has two methods: the equivalent (calorific) value 0.1229 kgce/kWh (default) and the
 * equal-value (coal-for-power) method at the year's average coal consumption of thermal power supply.
 */
import { GJ_PER_TCE } from '../units';
import { GAS_NCV_GJ_PER_10K_NM3 } from './fuel-properties';
import { S, type SourceRef } from './sources';

export type CoalEquivalentMethod = 'default' | 'equivalent' | 'equal';

export interface CoalEquivalentRow extends SourceRef {
  readonly carrier: string;
  readonly method: CoalEquivalentMethod;
  /** Data year for year-dependent coefficients (equal-value method); null otherwise. */
  readonly year: number | null;
  readonly kgce_per_unit: number;
  /** Unit the printed coefficient refers to (kgce per kg, m3, kWh, MJ). */
  readonly per_unit: string;
  /** Canonical unit of the carrier. */
  readonly unit: string;
  readonly tce_per_unit: number;
}

type Base = Omit<CoalEquivalentRow, 'carrier'>;
const fuel = (kgce: number, src: SourceRef = S.gbt2589): Base => ({
  method: 'default',
  year: null,
  kgce_per_unit: kgce,
  per_unit: 'kg',
  unit: 't',
  tce_per_unit: kgce, // kgce/kg = tce/t
  ...src,
});
const equivalent: Base = {
  method: 'equivalent',
  year: null,
  kgce_per_unit: 0.1229,
  per_unit: 'kWh',
  unit: '10^4 kWh',
  tce_per_unit: 1.229, // 0.1229 kgce/kWh × 10^4 kWh / 1000 kgce/tce
  ...S.gbt2589Electricity,
};
const equal = (year: number, kgce: number, tce: number, src: SourceRef): Base => ({
  method: 'equal',
  year,
  kgce_per_unit: kgce,
  per_unit: 'kWh',
  unit: '10^4 kWh',
  tce_per_unit: tce,
  ...src,
});
const heat: Base = {
  method: 'default',
  year: null,
  kgce_per_unit: 0.03412,
  per_unit: 'MJ',
  unit: 'GJ',
  tce_per_unit: 0.03412, // kgce/MJ = tce/GJ
  ...S.gbt2589Heat,
};

/** Biomass has no entry in GB/T 2589-2020; its coefficient is its IPCC NCV over 29.3076 GJ/tce. */
const BIOMASS_TCE_PER_T = 15.6 / 29.3076;

/**
 * Natural gas on the heating value its CO2 factor uses (the NDRC guideline NCV) over the GJ in a tce. It
 * is the upper end of GB/T 2589-2020's range (printed there rounded); the customary lower value belongs to
 * a leaner gas, and pairing it with the NDRC NCV would overstate CO2 per tce.
 */
const GAS_TCE_PER_10K_M3 = GAS_NCV_GJ_PER_10K_NM3 / GJ_PER_TCE;

const ELECTRIC = ['electricity', 'green_electricity', 'pv_electricity', 'electricity_export'];
const EQUAL: Base[] = [equal(2020, 0.3055, 3.055, S.cec2020), equal(2022, 0.3007, 3.007, S.cec2022)];

export const COAL_EQUIVALENTS: readonly CoalEquivalentRow[] = [
  { carrier: 'raw_coal', ...fuel(0.7143) },
  {
    carrier: 'natural_gas',
    ...fuel(GAS_TCE_PER_10K_M3 / 10, S.gbt2589Gas),
    per_unit: 'm3',
    unit: '10^4 m3',
    tce_per_unit: GAS_TCE_PER_10K_M3, // kgce/m3 × 10^4 m3 / 1000
  },
  { carrier: 'diesel', ...fuel(1.4571) },
  { carrier: 'gasoline', ...fuel(1.4714) },
  { carrier: 'fuel_oil', ...fuel(1.4286) },
  { carrier: 'lpg', ...fuel(1.7143) },
  { carrier: 'biomass', ...fuel(BIOMASS_TCE_PER_T, S.ipccWoodTce) },
  ...ELECTRIC.flatMap((carrier) => [{ carrier, ...equivalent }, ...EQUAL.map((e) => ({ carrier, ...e }))]),
  ...['heat', 'heat_in_park', 'heat_export'].map((carrier) => ({ carrier, ...heat })),
];
