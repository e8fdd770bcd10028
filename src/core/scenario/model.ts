/**
 * The compiled scenario model: everything the kernel needs, as a plain structured-cloneable object
 * (numbers, strings, typed arrays) so it can be posted to workers once and reused for every block.
 * Built by compileScenario (compile.ts); equations in docs/model.md.
 */
import type { BaselineHistory } from './baseline';
import type { CompiledLevers, InputId, LeverDoc, LeverId } from './levers';
import type { TargetDef } from './targets';

/** The cost part of a compiled model (compile.ts; equations in docs/model.md §10). */
export interface CompiledCosts {
  /** Slot of each cost input, in costs.ts COST_PARAMS order. */
  slots: Int32Array;
  discountRate: number;
  /** Reference carbon price of the MACC, CNY/tCO2 (a line, not a cost). */
  carbonPrice: number;
  fullLoadHours: number;
  /** Economic lifetimes, years (costs.ts COST_SETTINGS.lifetimes). */
  life: { pv: number; efficiency: number; coal_to_gas: number; heat: number; ccus: number; sinks: number };
  /** Capital recovery factor of each lifetime at the discount rate. */
  crf: { pv: number; efficiency: number; coal_to_gas: number; heat: number; ccus: number; sinks: number };
  /** Discount factor of each year: (1 + r)^−(t − t₀ − 1) for projected years, 0 for the base year. */
  discount: Float64Array;
  /** Investment period of each year (−1 for the base year) and the periods' labels ("2025-2030", …). */
  periodOf: Int32Array;
  periods: string[];
}

/** How a carrier behaves in the model. */
export const ROLE_OTHER = 0;
export const ROLE_COAL = 1;
export const ROLE_GAS = 2;
export const ROLE_GRID = 3; // purchased grid electricity
export const ROLE_GREEN = 4; // purchased green electricity
export const ROLE_PV = 5; // self-consumed rooftop PV
export const ROLE_STEAM = 6; // heat_in_park: steam bought from the park CHP
export const ROLE_PROCESS = 7;
export const ROLE_EXPORT = 8;

/** Growth phases: years up to 2030, 2031–2040, after 2040. */
export const PHASES = ['to2030', 'to2040', 'to2060'] as const;

/** GJ per 10^4 kWh. */
export const GJ_PER_10K_KWH = 36;

export interface CompiledModel {
  version: 1;
  scenarioId: string;
  datasetId: string;
  warnings: string[];

  baseYear: number;
  years: Int32Array;
  nYears: number;
  /** Weight of each growth-period draw in the growth rate of each year: [y * 3 + k] (timeline.ts growthWeights). */
  growthWeights: Float64Array;

  sectors: string[];
  nSectors: number;
  carriers: string[];
  nCarriers: number;

  /** Every model parameter (uncertain or fixed) is a slot; one uniform is drawn per slot per run. */
  nSlots: number;
  slotNames: string[];
  /** Draw position of each slot: slot i takes the run's uniform number slotDraw[i] (sampling.ts). */
  slotDraw: Int32Array;
  /** Uniforms drawn per run (≥ nSlots: unused positions of absent levers included). */
  nDraws: number;
  slotCode: Int32Array;
  /** Four distribution parameters per slot (stats/distributions compileDist). */
  slotParams: Float64Array;
  /** The uncertain slots (non-degenerate distributions), reported per run as `inputs`. */
  inputNames: string[];
  /** What each uncertain input is, structured (labels need no parsing of the names). */
  inputIds: InputId[];
  nInputs: number;
  inputSlots: Int32Array;
  /** Slots tied by the Gaussian copula (m of them) and the Cholesky factor L of their Pearson matrix,
   * stored by rows without zeros (CSR): row j has columns copulaCol[copulaRow[j] .. copulaRow[j + 1]). */
  copulaSlots: Int32Array;
  copulaRow: Int32Array;
  copulaCol: Int32Array;
  copulaVal: Float64Array;

  /** Base-year data. */
  outputBase: Float64Array; // [s] 10^4 CNY
  amountBase: Float64Array; // [s * nCarriers + c]
  coefTco2: Float64Array; // [c] tCO2 per unit in the park total (signed)
  coefTce: Float64Array; // [c] tce per unit (signed)
  role: Int32Array; // [c]
  /** 1 where the grid trajectory scales the carrier's factor (purchased and exported electricity). */
  gridScaled: Uint8Array; // [c]
  /** 1 for fossil fuels (kind 'fossil'): what CCUS on the CHP plant can capture. */
  fossil: Uint8Array; // [c]
  /**
   * 1 for renewable energy burnt or used in the park other than purchased green and rooftop PV
   * electricity (kinds 'biomass' and 'renewable'): left out of the energy total of dual control (§9).
   */
  renewable: Uint8Array; // [c]
  /** Special carrier indices (−1 when absent). */
  coalC: number;
  gasC: number;
  gridC: number;
  greenC: number;
  pvC: number;
  steamC: number;
  processC: number;
  /** Index of the 'chp' sector (−1 when absent) and whether it follows park steam demand. */
  chpS: number;
  chpCoupled: boolean;
  /** Base-year steam bought from the CHP by the other sectors, GJ. */
  steamBase: number;
  /** The CHP plant's base-year total efficiency (heat + electricity out) / fuel in; 0 when unknown. */
  chpEta0: number;
  /** Slots of its yearly efficiency gain and its efficiency ceiling (−1 when chpEta0 is 0). */
  chpGainSlot: number;
  chpMaxSlot: number;
  /** Slots of the base-year inventory multipliers: activity (emissions and energy), factors (emissions). */
  inventorySlots: Int32Array;

  /** Driver slots. */
  growthSlot: Int32Array; // [s * 3 + phase], −1 for a steam-coupled CHP
  intensitySlot: Int32Array; // [s], −1 for the CHP plant
  driftSlot: number;
  gridSlots: Int32Array; // y2030, y2045, y2060
  /** Grid trajectory: factor(y) = max(0, Σ_k gridWeights[y*4+k] · knot_k), knots (base, y2030, y2045, y2060). */
  gridWeights: Float64Array;
  gridBase: number;
  pvYieldSlot: number;
  sinkGreenSlot: number;
  sinkWetlandSlot: number;
  greenSpaceHa: number;
  wetlandHa: number;

  /** Levers present, in pipeline order (their document keys). */
  leverNames: LeverDoc[];
  nLevers: number;
  /** 1-based position of each lever among those present, 0 when absent. */
  leverPos: Record<LeverId, number>;
  /** Delivery ramp in [0, 1] of each present lever per year: [(pos − 1) * nYears + y]. */
  ramp: Float64Array;
  /** Each lever's compiled parameters (levers.ts `compile`), neutral for an absent lever. */
  lever: CompiledLevers;

  /** Targets tested per run (targets.ts, docs/model.md §9). */
  targets: TargetDef[];
  /** Cost inputs and settings (costs.ts, docs/model.md §10). */
  cost: CompiledCosts;

  /** When false, bySector and byCarrier are left empty (saves memory for very large runs). */
  breakdown: boolean;
  history?: BaselineHistory;
}

/**
 * Runs that carry the lever attribution and the costs: every K-th run, K = ⌈runs / LEVER_ROWS⌉, so at
 * most LEVER_ROWS rows whatever the sample. Attribution adds the levers one at a time (nLevers + 1
 * evaluations of the park per run-year instead of one) and keeps nYears × nLevers values per run: for
 * a large sample that is most of the kernel's time and memory, while the lever means and percentiles
 * it gives are already precise at LEVER_ROWS runs (their standard errors are reported). Twice the
 * default sample of 10,000 runs, so a sample of up to 20,000 runs attributes every run. The choice of
 * LEVER_ROWS is judgement. Runs are independent and identically distributed, so every K-th run is a fair
 * subsample; docs/model.md §4 and §10.
 */
const LEVER_ROWS = 20_000;

/** K for a sample of `runs`: lever contributions and costs are computed for runs r with r % K = 0. */
function leverEvery(runs: number): number {
  return Math.max(1, Math.ceil(runs / LEVER_ROWS));
}

/**
 * Runs that carry the per-sector and per-carrier breakdown: every K-th run, K a multiple of
 * leverEvery(runs) (the breakdown's yearly costs need the run's attribution) of at least
 * ⌈runs / BREAKDOWN_ROWS⌉, so at most about BREAKDOWN_ROWS rows whatever the sample (a breakdown row
 * holds (sectors + carriers) × years values, so keeping it for every run of a large sample would cost
 * far more memory and kernel time than the rest of the result). Runs are independent and identically
 * distributed, so every K-th run is a fair subsample; docs/model.md §5.
 */
const BREAKDOWN_ROWS = 2000;

/** K for a sample of `runs`: the breakdown is kept for runs r with r % K = 0. */
function breakdownEvery(runs: number): number {
  const l = leverEvery(runs);
  return l * Math.max(1, Math.ceil(runs / (l * BREAKDOWN_ROWS)));
}

/** What a full sample of `runs` keeps (the kernel's SimulateOptions): lever and breakdown rows. */
export function sampleDetail(runs: number): { leverEvery: number; breakdownEvery: number } {
  return { leverEvery: leverEvery(runs), breakdownEvery: breakdownEvery(runs) };
}

/** Rows a subsample keeps in runs [runStart, runStart + runCount): the multiples of `every` among them (0 if every is 0). */
export function sampledRowsIn(runStart: number, runCount: number, every: number): number {
  if (every <= 0 || runCount <= 0) return 0;
  return Math.ceil((runStart + runCount) / every) - Math.ceil(runStart / every);
}

/** Storage of per-run results: float32 by default in the kernel (SimulateOptions.precision), float64 in the reference. */
export type RunArray = Float32Array | Float64Array;

/**
 * One block of runs; every typed array but `years` is run-major (a row per run, or per run of a
 * subsample: the breakdown and lever rows), so blocks concatenate in run order (merge.ts).
 * The kernel computes in double and stores in single precision unless asked for double (relative
 * rounding ≤ 2⁻²⁴ ≈ 6e-8): half the memory of a large run (docs/model.md §7).
 */
export interface RunBlock {
  runStart: number;
  runCount: number;
  nYears: number;
  nSectors: number;
  nCarriers: number;
  nInputs: number;
  nLevers: number;
  /** Cost periods (the model's cost.periods): the width of `investment`'s rows. */
  nPeriods: number;
  years: Int32Array;
  /** [run * nYears + y] tCO2, scope 1 + 2 in the park boundary. */
  gross: RunArray;
  /** [run * nYears + y] tCO2 reaching the atmosphere: gross less CO2 captured (before sinks and offsets). */
  emitted: RunArray;
  /** [run * nYears + y] tCO2 after CCUS, sinks and offsets. */
  net: RunArray;
  /** [run * nYears + y] tce. */
  energy: RunArray;
  /** [run * nYears + y] output value, 10^4 CNY. */
  output: RunArray;
  /**
   * Which runs carry the breakdown: those with (global) index r % breakdownEvery = 0; 0 when there is
   * none (breakdown off, or a preview).
   */
  breakdownEvery: number;
  /**
   * [(row * nYears + y) * nSectors + s] gross tCO2 of the block's breakdown runs in order (row j is the
   * j-th run of the block with r % breakdownEvery = 0); empty without the breakdown.
   */
  bySector: RunArray;
  /** [(row * nYears + y) * nCarriers + c] gross tCO2, rows as bySector. */
  byCarrier: RunArray;
  /** [run * nInputs + i] the sampled uncertain inputs. */
  inputs: RunArray;
  /**
   * Which runs carry the lever attribution and the costs: those with (global) index r % leverEvery = 0
   * (model.ts leverEvery); 0 when none does (a preview). Their rows are the "lever rows" below: row j
   * is the j-th run of the block with r % leverEvery = 0.
   */
  leverEvery: number;
  /**
   * [(row * nYears + y) * nLevers + l] net tCO2 avoided by lever l in lever row `row`, in pipeline
   * order (docs/model.md); empty when the block was computed without contributions (a preview).
   */
  leverContribution: RunArray;
  /** [run * nYears + y] renewable energy in `energy` (green and PV electricity, biomass), tce (§9). */
  renewable: RunArray;
  /**
   * Costs (docs/model.md §10), computed with the lever contributions for the lever rows (empty without
   * them): [row] net present cost of the scenario against BAU, CNY (structural shift not costed).
   */
  npvCost: RunArray;
  /** [row * nPeriods + k] investment (first installation and replacement) in period k, CNY, undiscounted. */
  investment: RunArray;
  /** [row * nLevers + l] discounted cost of lever l over the projected years, CNY. */
  leverCost: RunArray;
  /** [row * nLevers + l] tCO2 lever l avoids over the projected years, and the same discounted. */
  leverAvoided: RunArray;
  leverAvoidedDisc: RunArray;
  /**
   * [((row * nYears + y) * nLevers + l) * 2] cost of lever l in year y, CNY, and at + 1 the tCO2 it
   * avoids that year; rows as bySector (the breakdown runs, all of them lever runs).
   */
  leverCostYear: RunArray;
}
