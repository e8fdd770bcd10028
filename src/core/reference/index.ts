/**
 * The reference tables as plain rows: the dataset generator writes them to datasets/reference/*.arrow
 * for DuckDB, and the accounting engine reads the same arrays, so SQL and engine share every number.
 */
import { BASE_UNIT, DIMENSION_LABELS, UNITS } from '../units';
import { COAL_EQUIVALENTS } from './coal-equivalent';
import { EMISSION_FACTORS } from './emission-factors';
import { FUEL_PROPERTIES } from './fuel-properties';
import { GRID_FACTORS } from './grid-factors';
import { HEAT_FACTORS } from './heat-factors';
import { S } from './sources';

export { COAL_EQUIVALENTS, type CoalEquivalentRow, type CoalEquivalentMethod } from './coal-equivalent';
export { DENSITIES, densityOf, type DensityRow } from './densities';
export { EMISSION_FACTORS, type EmissionFactorRow } from './emission-factors';
export { FUEL_PROPERTIES, combustionFactor, type FuelPropertyRow } from './fuel-properties';
export {
  GRID_FACTORS,
  GRID_REGIONS,
  LOCATION_TYPES,
  gridRegionCode,
  resolvePublishedYear,
  type GridFactorRow,
  type GridFactorType,
  type GridRegion,
  type ResolvedYear,
} from './grid-factors';
export { HEAT_FACTORS, type HeatFactorRow } from './heat-factors';
export { S as SOURCES, type SourceRef } from './sources';

export type ReferenceCell = string | number | null;

export interface ReferenceTable {
  name: string;
  description: string;
  rows: Record<string, ReferenceCell>[];
}

const plain = (rows: readonly object[]): Record<string, ReferenceCell>[] =>
  rows.map((r) => ({ ...(r as Record<string, ReferenceCell>) }));

/** The unit table: code, names, dimension(s) and the factor to the dimension's base unit. */
function unitRows(): Record<string, ReferenceCell>[] {
  return UNITS.map((u) => ({
    unit: u.code,
    name_zh: u.zh,
    name_en: u.en,
    dimensions: u.dimensions.map((d) => DIMENSION_LABELS[d]).join('|'),
    base_unit: BASE_UNIT[u.dimensions[0]],
    to_base: 10 ** u.exp10,
    ...S.units,
  }));
}

/** Every reference table, each row with its source and source_year. */
export function referenceTables(): ReferenceTable[] {
  return [
    {
      name: 'ref_emission_factors',
      description:
        'Per carrier, in its canonical unit: tce (electricity by the equivalent-value method), Scope 1, Scope 2 ' +
        '(null = grid factor), deduction for exports (null = grid factor), biogenic CO2, and MWh per unit for grid pricing',
      rows: plain(EMISSION_FACTORS),
    },
    {
      name: 'ref_coal_equivalent',
      description:
        'GB/T 2589-2020 coal-equivalent coefficients; electricity by the equivalent (0.1229 kgce/kWh) and the ' +
        'equal-value (coal-for-power, by year) methods',
      rows: plain(COAL_EQUIVALENTS),
    },
    {
      name: 'ref_fuel_properties',
      description:
        'Net calorific value, carbon content per unit heat, oxidation rate and the implied CO2 factor of combusted carriers',
      rows: plain(FUEL_PROPERTIES),
    },
    {
      name: 'ref_grid_factors',
      description:
        'Electricity CO2 factors (tCO2/MWh) by region, year and type (average, residual_mix, fossil, carbon_market)',
      rows: plain(GRID_FACTORS),
    },
    {
      name: 'ref_heat_factors',
      description: 'CO2 factor of purchased, in-park and exported heat/steam (tCO2/GJ)',
      rows: plain(HEAT_FACTORS),
    },
    {
      name: 'ref_units',
      description: 'Units accepted in activity data, with Chinese names and the factor to the base unit',
      rows: unitRows(),
    },
  ];
}
