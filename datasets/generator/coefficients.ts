/**
 * Conversion coefficients the generator uses to turn an energy budget (tce) into physical amounts
 * in each carrier's canonical unit. They are calibration helpers only: the engine reads the
 * reference tables (src/core/reference), not these numbers.
 *
 * Coal equivalents: GB/T 2589-2020 (reference values; electricity at its calorific equivalent
 * 0.1229 kgce/kWh; heat 0.03412 kgce/MJ = 1/29.3076). Natural gas 1.2143 kgce/m3: the value the
 * sample parks' gas amounts were drawn with, kept so that regenerating gives the same metered amounts;
 * the engine's gas coefficient is derived from the gas NCV instead (src/core/reference/coal-equivalent.ts).
 * Biomass ≈ 0.5 tce/t (pellets/straw, ~14.6 GJ/t).
 */
import type { CarrierCode } from '../../src/core/carriers.ts';

/** tce per canonical unit of the carrier (t, 10^4 m3, 10^4 kWh or GJ). */
export const TCE_PER_UNIT: Partial<Record<CarrierCode, number>> = {
  raw_coal: 0.7143,
  natural_gas: 12.143,
  diesel: 1.4571,
  gasoline: 1.4714,
  fuel_oil: 1.4286,
  lpg: 1.7143,
  biomass: 0.5,
  electricity: 1.229,
  green_electricity: 1.229,
  pv_electricity: 1.229,
  heat: 1 / 29.3076,
  heat_in_park: 1 / 29.3076,
  electricity_export: 1.229,
  heat_export: 1 / 29.3076,
};

/** Natural gas net calorific value, GJ per 10^4 m3 (NDRC industrial-enterprise guideline default). */
export const GAS_NCV_GJ_PER_10K_M3 = 389.31;

/** GJ in 10^4 kWh (10 MWh × 3.6 GJ/MWh). */
export const GJ_PER_10K_KWH = 36;

/** Converts tce of a carrier into its canonical unit. */
export function fromTce(carrier: CarrierCode, tce: number): number {
  const k = TCE_PER_UNIT[carrier];
  if (k === undefined) throw new Error(`no coal equivalent for ${carrier}`);
  return tce / k;
}
