/**
 * Plausible ranges of the accounting options and of user factors (docs/robustness.md lists them with
 * their reasons). They are judgement, set wide: a value outside is a typing or unit mistake, never a
 * real park, and refusing it keeps totals from overflowing into Infinity.
 */
import type { Dimension } from '../units';

/** Grid-factor years accepted (the importer's activity years, src/core/import/activity.ts). */
export const GRID_YEAR_RANGE: readonly [number, number] = [1990, 2100];

/** Upper bounds of the options' factors: tCO2/MWh for the residual mix, tCO2/GJ for supplied heat. */
export const RESIDUAL_MIX_MAX = 2;
export const SUPPLIER_HEAT_MAX = 0.5;

/**
 * Upper bounds of a user factor per base unit of its dimension (t, m3, kWh, GJ, tce; src/core/units.ts):
 * tCO2 per unit and tce per unit. Mass: burning pure carbon gives 44/12 ≈ 3.67 tCO2/t and hydrogen,
 * the most energy-dense fuel, about 4.9 tce/t (higher heating value). Gas volume: liquefied-petroleum
 * gas is about 0.007 tCO2/m3. Liquid volume: as mass at a density of about 1 t/m3. Electricity: coal
 * power is about 0.001 tCO2/kWh. Heat: a coal boiler's heat is about 0.13 tCO2/GJ, and 1 GJ is
 * 1/29.3076 tce. Each bound is about twice the largest real value.
 */
export const FACTOR_MAX: Record<Dimension, { tco2: number; tce: number }> = {
  mass: { tco2: 8, tce: 10 },
  gas_volume: { tco2: 0.02, tce: 0.01 },
  liquid_volume: { tco2: 8, tce: 10 },
  electric_energy: { tco2: 0.003, tce: 0.001 },
  heat_energy: { tco2: 0.5, tce: 0.2 },
  tce: { tco2: 8, tce: 2 },
};

/** A user's text in a message, cut short (a 1 MB option value is not echoed back whole). */
export const cut = (text: string, max = 60): string =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
