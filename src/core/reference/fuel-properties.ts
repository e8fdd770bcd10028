/**
 * Net calorific value, carbon content per unit heat and oxidation rate of each combusted carrier, with
 * the CO2 factor they imply: NCV × CC × OF × 44/12 (GB/T 32150-2015, fuel combustion).
 */
import { densityOf } from './densities';
import { S, type SourceRef } from './sources';

export interface FuelPropertyRow extends SourceRef {
  readonly carrier: string;
  /** Net calorific value, in `ncv_unit`. */
  readonly ncv: number;
  readonly ncv_unit: 'GJ/t' | 'GJ/10^4 Nm3';
  /** Carbon content per unit heat, t C per TJ. */
  readonly carbon_tc_per_tj: number;
  /** Oxidation rate (fraction). */
  readonly oxidation: number;
  /** t CO2 per canonical unit (t or 10^4 m3) = ncv × carbon / 1000 × oxidation × 44 / 12. */
  readonly tco2_per_unit: number;
  /** Density for volume input (t/m3), null when the fuel is not measured by volume. */
  readonly density_t_per_m3: number | null;
}

/** t CO2 per unit from NCV (GJ/unit), carbon content (tC/TJ) and oxidation; GB/T 32150-2015. */
export function combustionFactor(ncv: number, carbonTcPerTj: number, oxidation: number): number {
  return (((ncv * carbonTcPerTj) / 1000) * oxidation * 44) / 12;
}

/**
 * Net calorific value of natural gas, GJ per 10^4 Nm3: the NDRC guideline default. The gas coal
 * equivalent is derived from this same value, so tce and CO2 of gas rest on one heating value.
 */
export const GAS_NCV_GJ_PER_10K_NM3 = 389.31;

const row = (
  carrier: string,
  ncv: number,
  ncv_unit: FuelPropertyRow['ncv_unit'],
  carbon: number,
  oxidation: number,
  src: SourceRef,
): FuelPropertyRow => ({
  carrier,
  ncv,
  ncv_unit,
  carbon_tc_per_tj: carbon,
  oxidation,
  tco2_per_unit: combustionFactor(ncv, carbon, oxidation),
  density_t_per_m3: densityOf(carrier)?.t_per_m3 ?? null,
  ...src,
});

export const FUEL_PROPERTIES: readonly FuelPropertyRow[] = [
  row('raw_coal', 20.908, 'GJ/t', 26.37, 0.94, S.rawCoal),
  row('natural_gas', GAS_NCV_GJ_PER_10K_NM3, 'GJ/10^4 Nm3', 15.3, 0.99, S.ndrcOther),
  row('diesel', 42.652, 'GJ/t', 20.2, 0.98, S.ndrcOther),
  row('gasoline', 43.07, 'GJ/t', 18.9, 0.98, S.ndrcOther),
  row('fuel_oil', 41.816, 'GJ/t', 21.1, 0.98, S.ndrcOther),
  row('lpg', 50.179, 'GJ/t', 17.2, 0.98, S.ndrcOther),
  row('biomass', 15.6, 'GJ/t', 30.5, 1, S.ipccWood),
];
