/** Pieces shared by the presets: default correlations between uncertain drivers. */
import type { ScenarioInput } from '../schema';

/**
 * Output growth moves together across sectors within a phase (one regional economy); the grid path
 * is persistent across its knots; intensity gains share technology and policy. Strengths: our judgement.
 */
export const DEFAULT_CORRELATIONS: NonNullable<ScenarioInput['correlations']> = [
  { inputs: ['growth.*.to2030'], rho: 0.6 },
  { inputs: ['growth.*.to2040'], rho: 0.6 },
  { inputs: ['growth.*.to2060'], rho: 0.6 },
  { inputs: ['grid.y2030', 'grid.y2045', 'grid.y2060'], rho: 0.5 },
  { inputs: ['intensity.*'], rho: 0.3 },
];

/**
 * Scope 2 market based (the default, written out): purchased green power at 0, other purchases at the
 * residual-mix factor, so the green-power lever counts (docs/model.md §1).
 */
export const PRESET_ACCOUNTING: NonNullable<ScenarioInput['accounting']> = { scope2: 'market' };

/** Sectors the structural-shift levers move output from (energy-intensive) and to (high value added). */
export const HEAVY_SECTORS = ['chemicals', 'metal_products', 'plastics', 'textiles'];
export const LIGHT_SECTORS = ['electronics', 'pharma', 'machinery', 'auto_parts'];
