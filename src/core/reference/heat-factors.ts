/** CO2 factor of heat and steam bought, bought from the park CHP, or delivered to others. */
import { S, type SourceRef } from './sources';

export interface HeatFactorRow extends SourceRef {
  readonly carrier: string;
  readonly tco2_per_gj: number;
}

export const HEAT_FACTORS: readonly HeatFactorRow[] = ['heat', 'heat_in_park', 'heat_export'].map(
  (carrier) => ({
    carrier,
    tco2_per_gj: 0.11,
    ...S.heat011,
  }),
);
