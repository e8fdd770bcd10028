/**
 * Densities for converting liquid fuels measured by volume (L, m3) into the tonnes the canonical
 * schema stores. Only fuels listed here accept volume units; anything else is a UnitError.
 */
import { S } from './sources';

export interface DensityRow {
  readonly carrier: string;
  /** Tonnes per cubic metre at 20 °C (= kg/L). */
  readonly t_per_m3: number;
  readonly source: string;
  readonly source_year: number;
}

export const DENSITIES: readonly DensityRow[] = [
  { carrier: 'gasoline', t_per_m3: 0.73, ...S.gasolineDensity },
  { carrier: 'diesel', t_per_m3: 0.84, ...S.dieselDensity },
];

const BY_CARRIER = new Map(DENSITIES.map((d) => [d.carrier, d]));

/** The documented density of a liquid fuel, or undefined when the carrier has none. */
export function densityOf(carrier: string): DensityRow | undefined {
  return BY_CARRIER.get(carrier);
}
