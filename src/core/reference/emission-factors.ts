/**
 * One row per carrier, in its canonical unit: the coefficients the engine and the SQL multiply
 * activity by. Derived from the other reference tables, never typed twice.
 * - `tce_per_unit`: coal equivalent (electricity by the equivalent-value method; the equal-value
 *   method is looked up by year in ref_coal_equivalent). Positive; exports are subtracted.
 * - `scope1_tco2_per_unit`: fossil combustion (NCV × CC × OF × 44/12) or 1 for process CO2 in t.
 * - `scope2_tco2_per_unit`: heat 0.11; null where the grid factor applies (`grid_mwh_per_unit` > 0).
 * - `deduction_tco2_per_unit`: exported heat 0.11; null for exported electricity (grid factor).
 * - `biogenic_tco2_per_unit`: biomass CO2, reported outside the total.
 * - `grid_mwh_per_unit`: MWh per canonical unit for carriers priced by the grid factor (10 per 10^4 kWh).
 */
import { CARRIERS, type CarrierKind } from '../carriers';
import { COAL_EQUIVALENTS } from './coal-equivalent';
import { FUEL_PROPERTIES } from './fuel-properties';
import { HEAT_FACTORS } from './heat-factors';
import { S, type SourceRef } from './sources';

export interface EmissionFactorRow extends SourceRef {
  readonly carrier: string;
  readonly unit: string;
  readonly kind: CarrierKind;
  readonly tce_per_unit: number;
  readonly scope1_tco2_per_unit: number;
  readonly scope2_tco2_per_unit: number | null;
  readonly deduction_tco2_per_unit: number | null;
  readonly biogenic_tco2_per_unit: number;
  readonly grid_mwh_per_unit: number;
}

/** Carriers whose Scope 2 or deduction uses the grid factor. */
const GRID_PRICED = new Set(['electricity', 'green_electricity', 'electricity_export']);

/**
 * Coal equivalent of a carrier. Process emissions carry no energy (0 by definition); any other carrier
 * without a coal-equivalent row is an error, never a silent 0 that would drop it from energy totals.
 */
function tceOf(carrier: string, kind: string): { tce: number; src?: SourceRef } {
  const r = COAL_EQUIVALENTS.find((c) => c.carrier === carrier && c.method !== 'equal');
  if (r) return { tce: r.tce_per_unit, src: r };
  if (kind === 'process') return { tce: 0 };
  throw new Error(
    `Carrier "${carrier}" has no coal-equivalent coefficient (src/core/reference/coal-equivalent.ts).`,
  );
}

function build(): EmissionFactorRow[] {
  return CARRIERS.map((c) => {
    const { tce, src: tceSrc } = tceOf(c.code, c.kind);
    const fuel = FUEL_PROPERTIES.find((f) => f.carrier === c.code);
    const heat = HEAT_FACTORS.find((h) => h.carrier === c.code);
    const grid = GRID_PRICED.has(c.code);
    let emissionSrc: SourceRef | undefined = fuel ?? heat;
    if (c.kind === 'process') emissionSrc = S.gbt32150Process;
    if (c.kind === 'renewable') emissionSrc = S.pvZero;
    if (grid)
      emissionSrc = {
        source: 'MEE/NBS grid factor by year and region (ref_grid_factors)',
        source_year: 2024,
      };
    const parts = [tceSrc && `tce: ${tceSrc.source}`, emissionSrc && `CO2: ${emissionSrc.source}`].filter(
      Boolean,
    );
    return {
      carrier: c.code,
      unit: c.unit,
      kind: c.kind,
      tce_per_unit: tce,
      scope1_tco2_per_unit: c.kind === 'fossil' ? fuel!.tco2_per_unit : c.kind === 'process' ? 1 : 0,
      scope2_tco2_per_unit:
        c.kind === 'heat' ? heat!.tco2_per_gj : grid && c.kind === 'electricity' ? null : 0,
      deduction_tco2_per_unit: c.kind !== 'export' ? 0 : grid ? null : heat!.tco2_per_gj,
      biogenic_tco2_per_unit: c.kind === 'biomass' ? fuel!.tco2_per_unit : 0,
      grid_mwh_per_unit: grid ? 10 : 0,
      source: parts.join('; '),
      source_year: Math.max(tceSrc?.source_year ?? 0, emissionSrc?.source_year ?? 0),
    };
  });
}

export const EMISSION_FACTORS: readonly EmissionFactorRow[] = build();
