/**
 * What planners decide with, summarised from the runs (docs/model.md §9–§10): P(target met) with its
 * Monte Carlo standard error and the median gap, and the costs — net present cost against BAU,
 * investment by period, each lever's cost per tonne avoided and the marginal abatement cost curve.
 */
import type { LeverDoc } from './levers';
import type { CompiledModel, RunBlock } from './model';
import { quantilesInPlace } from '../stats';
import { testTarget, type RunPaths, type TargetDef, type TargetMetric } from './targets';
import { keepShape } from '../keep-shape';

export interface Quantiles {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

export interface TargetSummary {
  id: string;
  metric: TargetMetric;
  base_year: number | null;
  target_year: number;
  reduction: number | null;
  max: number | null;
  /** Share of runs meeting the target, its standard error √(p(1 − p)/n); null when not evaluable. */
  p_met: number | null;
  p_met_se: number | null;
  /** Median gap: reduction achieved − required (fraction), years to spare (peak), cap − value (caps). */
  gap_p50: number | null;
  source: string;
  placeholder: boolean;
  /** Why the target could not be tested, when p_met is null. */
  note?: string;
}

export interface LeverCostSummary {
  lever: LeverDoc;
  /** False for the structural shift: its cost is outside the model. */
  costed: boolean;
  /** Mean tCO2 avoided over the projected years (Shapley attribution, undiscounted). */
  avoided_tco2: number;
  /** Mean discounted cost over the projected years, CNY (negative: a saving). */
  cost_cny: number;
  /** Levelised cost per tonne avoided (discounted cost / discounted tonnes), over runs that avoid some; null if not costed. */
  cny_per_tco2: { p5: number; p50: number; p95: number } | null;
  /** Share of runs whose cost per tonne is at or below the carbon price. */
  p_below_carbon_price: number | null;
}

export interface MaccEntry {
  lever: LeverDoc;
  /** Mean tCO2 avoided in the year (the bar's width). */
  avoided_tco2: number;
  /** Cost per tonne avoided in the year (CNY/t) over the breakdown runs that avoid some. */
  cny_per_tco2: { p5: number; p50: number; p95: number };
}

export interface CostSummary {
  currency: 'CNY';
  discount_rate: number;
  /** Costs are discounted to this year (the first projected year). */
  discounted_to: number;
  carbon_price_cny_per_t: number;
  npv_vs_bau_cny: Quantiles;
  investment_cny_by_period: Record<string, Quantiles>;
  levers: LeverCostSummary[];
  /** Marginal abatement cost curves by year, from the breakdown runs (null without the breakdown). */
  macc: { runs: number; by_year: Record<string, MaccEntry[]> } | null;
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

/** Quantile of sorted values (linear between order statistics). */
function q(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** P5, P50, P95 and mean of values, rounded to `digits` decimals. */
export function quantiles(x: Float64Array, digits = 0): Quantiles {
  const s = x.slice().sort();
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  return {
    p5: round(q(s, 0.05), digits),
    p50: round(q(s, 0.5), digits),
    p95: round(q(s, 0.95), digits),
    mean: round(x.length ? sum / x.length : NaN, digits),
  };
}

// The hidden class of inventoryMultipliers' parts, kept alive (core/keep-shape.ts).
keepShape({ input: -1, fixed: 0.5 });

/** Each run's multipliers of the base-year inventory: activity (energy), and activity × factors (emissions). */
function inventoryMultipliers(
  model: CompiledModel,
  block: Pick<RunBlock, 'inputs' | 'nInputs' | 'runCount'>,
): { activity: Float64Array; emissions: Float64Array } {
  const parts = Array.from(model.inventorySlots, (slot) => ({
    input: model.inputSlots.indexOf(slot),
    fixed: model.slotParams[4 * slot],
  }));
  const nI = block.nInputs;
  const n = block.runCount;
  const value = (r: number, k: number) => {
    const p = parts[k];
    if (!p) return 1;
    return p.input >= 0 ? block.inputs[r * nI + p.input] : p.fixed;
  };
  const activity = new Float64Array(n);
  const emissions = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    activity[r] = value(r, 0);
    emissions[r] = activity[r] * value(r, 1);
  }
  return { activity, emissions };
}

/**
 * Each run's peak of emissions to the atmosphere (after capture, before sinks and offsets): its year
 * and value. The inventory history before the horizon competes (a park already past its peak says
 * so); it is measured like the base year, so the run's inventory multipliers (a systematic error,
 * docs/model.md §6) scale it alike and never decide whether the park is past its peak.
 */
export function peaksOf(
  model: CompiledModel,
  block: Pick<RunBlock, 'runCount' | 'nYears' | 'years' | 'emitted' | 'inputs' | 'nInputs'>,
): { year: Float64Array; value: Float64Array; histYear: number } {
  const n = block.runCount;
  const nY = block.nYears;
  const years = block.years;
  const h = model.history;
  let histYear = NaN;
  let histMax = -Infinity;
  h?.years.forEach((t, i) => {
    if (t < years[0] && Number.isFinite(h.totalTco2[i]) && h.totalTco2[i] > histMax) {
      histMax = h.totalTco2[i];
      histYear = t;
    }
  });
  const mult = inventoryMultipliers(model, block);
  const year = new Float64Array(n);
  const value = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let y = 1; y < nY; y++) if (block.emitted[r * nY + y] > block.emitted[r * nY + best]) best = y;
    const top = block.emitted[r * nY + best];
    const hist = histMax * mult.emissions[r];
    year[r] = hist >= top ? histYear : years[best];
    value[r] = hist >= top ? hist : top;
  }
  return { year, value, histYear };
}

/** P(met) and the median gap of each of the model's targets, over the runs and the park's history. */
export function summarizeTargets(
  model: CompiledModel,
  block: RunBlock,
  peakYear: Float64Array,
  only?: string,
): TargetSummary[] {
  const n = block.runCount;
  const nY = block.nYears;
  const years = Array.from(block.years);
  const h = model.history;
  const mult = inventoryMultipliers(model, block);
  const hasOutput = model.outputBase.some((o) => o > 0);
  const defs = (model.targets ?? []).filter((t) => only === undefined || t.id === only);
  return defs.map((def: TargetDef): TargetSummary => {
    const head = {
      id: def.id,
      metric: def.metric,
      base_year: def.base_year,
      target_year: def.target_year,
      reduction: def.reduction,
      max: def.max,
      source: def.source,
      placeholder: def.placeholder,
    };
    const none = (note: string): TargetSummary => ({
      ...head,
      p_met: null,
      p_met_se: null,
      gap_p50: null,
      note,
    });
    const needed = [def.target_year, ...(def.base_year === null ? [] : [def.base_year])];
    const intensity = def.metric === 'energy_intensity' || def.metric === 'co2_intensity';
    if (intensity && !hasOutput) return none('The park has no output value: intensities cannot be computed.');
    if (def.metric !== 'peak') {
      for (const t of needed) {
        if (!years.includes(t) && !(h && h.years.includes(t))) return none(`No data or projection for ${t}.`);
      }
    } else if (!years.some((t) => t >= def.target_year) && years[years.length - 1] < def.target_year) {
      return none(`The horizon ends before ${def.target_year}.`);
    }
    let met = 0;
    const gaps = new Float64Array(n);
    let finite = 0;
    // One RunPaths for all runs, reading run `r` (no objects made per run): the years' places in the
    // projection and the history are looked up once.
    let r = 0;
    const place = new Map<number, [number, number]>();
    const placeOf = (t: number): [number, number] => {
      let p = place.get(t);
      if (!p) place.set(t, (p = [years.indexOf(t), h ? h.years.indexOf(t) : -1]));
      return p;
    };
    const run: RunPaths = {
      emitted: (t) => {
        const [y, i] = placeOf(t);
        if (y >= 0) return block.emitted[r * nY + y];
        return i >= 0 ? h!.totalTco2[i] * mult.emissions[r] : NaN;
      },
      energy: (t) => {
        const [y, i] = placeOf(t);
        if (y >= 0) return block.energy[r * nY + y] - block.renewable[r * nY + y];
        return i >= 0 ? (h!.energyTce[i] - (h!.renewableTce?.[i] ?? 0)) * mult.activity[r] : NaN;
      },
      output: (t) => {
        const [y, i] = placeOf(t);
        if (y >= 0) return block.output[r * nY + y];
        return i >= 0 ? h!.outputValue[i] : NaN;
      },
      peakYear: NaN,
    };
    for (r = 0; r < n; r++) {
      run.peakYear = peakYear[r];
      const res = testTarget(def, run);
      if (res.met) met++;
      if (Number.isFinite(res.gap)) gaps[finite++] = res.gap;
    }
    if (finite === 0) return none('No run has the values this target needs.');
    const p = met / n;
    const sorted = gaps.subarray(0, finite).sort();
    const digits = def.metric === 'peak' ? 0 : intensity ? 4 : 0;
    const note =
      def.metric === 'energy_intensity' && h && !h.renewableTce && needed.some((t) => !years.includes(t))
        ? 'The history has no renewable split: its renewable energy is counted in the energy total.'
        : undefined;
    return {
      ...head,
      p_met: round(p, 4),
      p_met_se: round(Math.sqrt((p * (1 - p)) / n), 4),
      gap_p50: round(q(sorted, 0.5), digits),
      ...(note ? { note } : {}),
    };
  });
}

/** Costs of the scenario (docs/model.md §10); null when the block has none (a preview). */
export function summarizeCosts(model: CompiledModel, block: RunBlock): CostSummary | null {
  // The lever rows (model.ts leverEvery): every run of a sample up to 20,000 runs.
  const n = block.npvCost.length;
  const nL = block.nLevers;
  if (block.leverEvery <= 0 || n === 0) return null;
  const cm = model.cost;
  const nP = cm.periods.length;
  const col = (src: ArrayLike<number>, stride: number, j: number) => {
    const x = new Float64Array(n);
    for (let r = 0; r < n; r++) x[r] = src[r * stride + j];
    return x;
  };
  const investment: Record<string, Quantiles> = {};
  cm.periods.forEach((label, k) => (investment[label] = quantiles(col(block.investment, nP, k))));
  const levers = model.leverNames.map((lever, l): LeverCostSummary => {
    const costed = lever !== 'structural_shift';
    const cost = col(block.leverCost, nL, l);
    const avoided = col(block.leverAvoided, nL, l);
    const disc = col(block.leverAvoidedDisc, nL, l);
    const perT = new Float64Array(n);
    let k = 0;
    let below = 0;
    for (let r = 0; r < n; r++) {
      if (!(disc[r] > 0)) continue;
      perT[k++] = cost[r] / disc[r];
      if (cost[r] / disc[r] <= cm.carbonPrice) below++;
    }
    const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / n;
    const s = perT.subarray(0, k).sort();
    // A lever that avoids nothing in most runs has no meaningful cost per tonne.
    const enough = costed && k >= n / 2;
    return {
      lever,
      costed,
      avoided_tco2: round(mean(avoided), 0),
      cost_cny: costed ? round(mean(cost), 0) : 0,
      cny_per_tco2: enough
        ? { p5: round(q(s, 0.05), 1), p50: round(q(s, 0.5), 1), p95: round(q(s, 0.95), 1) }
        : null,
      p_below_carbon_price: enough ? round(below / k, 4) : null,
    };
  });
  return {
    currency: 'CNY',
    discount_rate: cm.discountRate,
    discounted_to: model.baseYear + 1,
    carbon_price_cny_per_t: cm.carbonPrice,
    npv_vs_bau_cny: quantiles(
      block.npvCost instanceof Float64Array ? block.npvCost : Float64Array.from(block.npvCost),
    ),
    investment_cny_by_period: investment,
    levers,
    macc: macc(model, block),
  };
}

/** Years the MACC is offered for: the milestones within the horizon. */
const MACC_YEARS = [2030, 2035, 2040, 2045, 2050, 2055, 2060];

function macc(model: CompiledModel, block: RunBlock): CostSummary['macc'] {
  const nL = block.nLevers;
  const nY = block.nYears;
  const rows = block.leverCostYear.length / (nY * nL * 2);
  if (!(rows > 0)) return null;
  const years = Array.from(block.years);
  const byYear: Record<string, MaccEntry[]> = {};
  const perT = new Float64Array(rows);
  for (const t of MACC_YEARS) {
    const y = years.indexOf(t);
    if (y < 0) continue;
    const entries: MaccEntry[] = [];
    model.leverNames.forEach((lever, l) => {
      if (lever === 'structural_shift') return;
      let k = 0;
      let sum = 0;
      for (let r = 0; r < rows; r++) {
        const at = ((r * nY + y) * nL + l) * 2;
        const cost = block.leverCostYear[at];
        const avoided = block.leverCostYear[at + 1];
        sum += avoided;
        if (avoided > 0) perT[k++] = cost / avoided;
      }
      if (k < rows / 2) return;
      const s = perT.subarray(0, k).sort();
      entries.push({
        lever,
        avoided_tco2: round(sum / rows, 0),
        cny_per_tco2: { p5: round(q(s, 0.05), 1), p50: round(q(s, 0.5), 1), p95: round(q(s, 0.95), 1) },
      });
    });
    entries.sort((a, b) => a.cny_per_tco2.p50 - b.cny_per_tco2.p50);
    byYear[String(t)] = entries;
  }
  return { runs: rows, by_year: byYear };
}

/** P(met) of one target of the model and its standard error (null when it cannot be tested). */
export function targetProbability(
  model: CompiledModel,
  block: RunBlock,
  id: string,
): { p: number; se: number } | null {
  const [t] = summarizeTargets(model, block, peaksOf(model, block).year, id);
  if (!t) throw new Error(`unknown target "${id}"`);
  return t.p_met === null ? null : { p: t.p_met, se: t.p_met_se as number };
}

/** P5 … P95 and the mean per year of one intensity (summary.ts PercentileSeries). */
export interface IntensitySeries {
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
  mean: number[];
}

/**
 * The intensity paths the targets are tested on (docs/model.md §9), per projected year over the runs:
 * emissions to the atmosphere per 10^4 CNY of output (tCO2) and energy less renewables per 10^4 CNY
 * (tce), with the park's history as measured (no run multipliers). Null without output value.
 */
export function intensityPaths(
  model: CompiledModel,
  block: Pick<RunBlock, 'runCount' | 'nYears' | 'years' | 'emitted' | 'energy' | 'renewable' | 'output'>,
): {
  intensity_tco2_per_10k_cny: IntensitySeries;
  energy_intensity: IntensitySeries;
  history: { years: number[]; tco2_per_10k_cny: number[]; tce_per_10k_cny: number[] };
} | null {
  if (!model.outputBase.some((o) => o > 0)) return null;
  const n = block.runCount;
  const nY = block.nYears;
  const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
  const col = new Float64Array(n);
  const renewable = block.renewable.length ? block.renewable : null;
  const series = (energy: boolean): IntensitySeries => {
    const out: IntensitySeries = { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] };
    const num = energy ? block.energy : block.emitted;
    for (let y = 0; y < nY; y++) {
      let sum = 0;
      let k = 0;
      for (let r = 0, at = y; r < n; r++, at += nY) {
        const v = (energy && renewable ? num[at] - renewable[at] : num[at]) / block.output[at];
        if (!Number.isFinite(v)) continue;
        col[k++] = v;
        sum += v;
      }
      const qs = quantilesInPlace(col.subarray(0, k), ps);
      (['p5', 'p25', 'p50', 'p75', 'p95'] as const).forEach((key, i) => out[key].push(round(qs[i], 4)));
      out.mean.push(round(k ? sum / k : NaN, 4));
    }
    return out;
  };
  const h = model.history;
  const hist = { years: [] as number[], tco2_per_10k_cny: [] as number[], tce_per_10k_cny: [] as number[] };
  h?.years.forEach((t, i) => {
    if (t >= block.years[0] || !(h.outputValue[i] > 0)) return;
    hist.years.push(t);
    hist.tco2_per_10k_cny.push(round(h.totalTco2[i] / h.outputValue[i], 4));
    hist.tce_per_10k_cny.push(round((h.energyTce[i] - (h.renewableTce?.[i] ?? 0)) / h.outputValue[i], 4));
  });
  return {
    intensity_tco2_per_10k_cny: series(false),
    energy_intensity: series(true),
    history: hist,
  };
}
