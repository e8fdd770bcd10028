/**
 * Summaries of a merged RunBlock: percentiles per year, peak and neutrality years, cumulative
 * emissions, intensity changes, lever contributions and the sensitivity (Spearman) table behind a
 * tornado chart. Depends only on (model, block, seed), iterates in fixed orders and rounds
 * deterministically, so the same inputs give the same JSON byte for byte.
 *
 * Cost and memory: the block is read in place (no transposed copies). Columns of the run-major arrays
 * are gathered a few at a time into reused scratch buffers (one cache line per run serves them all),
 * quantiles are selected in place (O(n)), and each input and output is ranked once by a radix sort
 * (stats/rank.ts). Extra memory is about 15 doubles per run, whatever the number of years and levers.
 */
import {
  intensityPaths,
  peaksOf,
  summarizeCosts,
  summarizeTargets,
  type CostSummary,
  type TargetSummary,
} from './summary-decisions';
import { quantiles, quantilesInPlace, rankInto, RankScratch } from '../stats';
import { keepShape } from '../keep-shape';
import type { LeverDoc } from './levers';
import {
  groupSensitivity,
  inputGroup,
  ranksAllRuns,
  type CentredRanks,
  type GroupSensitivity,
} from './sensitivity-groups';
import { sampledRowsIn, type CompiledModel, type RunArray, type RunBlock } from './model';

export interface PercentileSeries {
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
  mean: number[];
}

export interface Spread {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

export interface SensitivityRow {
  input: string;
  /** 'total_tco2_2030', 'peak_year' or 'cumulative_tco2'. */
  output: string;
  /** Spearman rank correlation; null when either side is constant. */
  spearman: number | null;
  /** The input's group (sensitivity-groups.ts inputGroup): what the grouped tornado shows as one bar. */
  group: string;
}

export interface LeverSummary {
  /** The lever's document key (levers.ts). */
  lever: LeverDoc;
  /** Net tCO2 avoided per year (mean, P5, P95 over runs). */
  mean: number[];
  /**
   * Monte Carlo standard error of each year's mean (sd over runs / √runs): it covers both the input
   * draws and the random lever order of the Shapley estimate (docs/model.md §4).
   */
  mean_se: number[];
  p5: number[];
  p95: number[];
  y2030: Spread | null;
  y2060: Spread | null;
}

/** Emissions by sector or by carrier: mean, P5 and P95 over the runs that carry it, per key and year. */
export interface BreakdownSummary {
  /** Runs it is computed from: every `every`-th run (run index r % every = 0), about 2,000 (model.ts BREAKDOWN_ROWS). */
  runs: number;
  every: number;
  /** Sector or carrier codes (model order), those with emissions in some run and year. */
  keys: string[];
  /** [key][year] tCO2 (0.1 t). Means add up to the mean total; percentiles do not. */
  mean: number[][];
  p5: number[][];
  p95: number[][];
}

export interface SimulationSummary {
  runs: number;
  seed: number;
  years: number[];
  total_tco2: PercentileSeries;
  net_tco2: PercentileSeries;
  /** P(peak ≤ 2030) with its Monte Carlo standard error √(p(1 − p)/runs). */
  peak_year: { histogram: Record<string, number>; p_by_2030: number; p_by_2030_se: number };
  neutrality: {
    p_by_2060: number | null;
    histogram: Record<string, number>;
    never: number;
    /** Monte Carlo standard error of p_by_2060 (null with it). */
    p_by_2060_se: number | null;
  };
  cumulative_tco2: Spread;
  sensitivity: SensitivityRow[];
  // Extras.
  scenario: string;
  dataset: string;
  base_year: number;
  inputs: string[];
  levers: string[];
  warnings: string[];
  energy_tce: PercentileSeries;
  peak_value_tco2: Spread;
  cumulative_net_tco2: Spread;
  /** Change of intensity (per 10^4 CNY of output) against a reference year: { "2020": { carbon: { "2030": … } } }. */
  intensity_change: Record<string, { carbon: Record<string, Spread>; energy: Record<string, Spread> }>;
  /** One entry per lever; empty for a preview computed without contributions (SimulateOptions.levers). */
  lever_contribution: LeverSummary[];
  /**
   * The runs lever_contribution and costs are computed from: every `every`-th run (run index
   * r % every = 0), all of them up to 20,000 runs (model.ts leverEvery); null for a preview.
   */
  lever_sample: { runs: number; every: number } | null;
  /** Gross emissions by sector and by carrier; null when the runs were computed without the breakdown. */
  by_sector_tco2: BreakdownSummary | null;
  by_carrier_tco2: BreakdownSummary | null;
  /**
   * Groups of inputs scored by the share of each output's rank variance they explain (rank-regression
   * R²), largest first per output: robust to inputs correlated within a group (docs/model.md §6).
   */
  sensitivity_groups: GroupSensitivity[];
  /**
   * How lever_contribution attributes the avoided emissions: 'shapley_sampled_permutation' — Shapley
   * values, each run adding the levers in its own uniformly random order (docs/model.md §4), so the
   * wedges add up to BAU − scenario in every run and their means estimate the Shapley values.
   */
  lever_contribution_method: 'shapley_sampled_permutation';
  /** Each target's P(met) with its standard error and median gap (docs/model.md §9). */
  targets: TargetSummary[];
  /** Costs against BAU (docs/model.md §10); null for a preview computed without lever contributions. */
  costs: CostSummary | null;
  /** Intensity paths the intensity targets are tested on, with the history; null without output value. */
  intensity_paths: ReturnType<typeof intensityPaths>;
}

const PS = [0.05, 0.25, 0.5, 0.75, 0.95];
const round = (x: number, digits: number): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no -0 in JSON
};
const t1 = (x: number) => round(x, 1);
/** Monte Carlo standard error of a share p estimated from n independent runs. */
const binomialSe = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
const r4 = (x: number) => round(x, 4);

/** Columns gathered at a time: 8 doubles are one 64-byte cache line of a run's row. */
const GROUP = 8;

/** Scratch buffers of one summary: `cols` for gathered columns, `scratch` for spreads. */
interface Work {
  n: number;
  cols: Float64Array[];
  scratch: Float64Array;
}

// The hidden class of every Work, kept alive (core/keep-shape.ts): the same properties in the same order.
keepShape<Work>({ n: 0, cols: [], scratch: new Float64Array(0) });

function workFor(n: number, width: number): Work {
  return {
    n,
    cols: Array.from({ length: Math.max(GROUP, width) }, () => new Float64Array(n)),
    scratch: new Float64Array(n),
  };
}

/**
 * Runs per tile of a gather: the columns are copied one after the other within a tile of runs, so the
 * cache lines of the tile's rows (one or two per run) are read from memory once for all the columns
 * instead of once per column (a row is longer than a cache line, so a whole-column pass re-reads them).
 */
const TILE = 256;

/** Copies columns c0 … c0 + count − 1 of run-major `src` (`width` values per run) into w.cols[0 … count − 1]. */
function gather(w: Work, src: Float64Array, width: number, c0: number, count: number): void {
  const { n, cols } = w;
  for (let r0 = 0; r0 < n; r0 += TILE) {
    const r1 = r0 + TILE < n ? r0 + TILE : n;
    for (let j = 0; j < count; j++) {
      const a = cols[j];
      for (let r = r0, at = r0 * width + c0 + j; r < r1; r++, at += width) a[r] = src[at];
    }
  }
}

/** `gather` for single-precision storage (a separate function keeps each one monomorphic, hence fast). */
function gather32(w: Work, src: Float32Array, width: number, c0: number, count: number): void {
  const { n, cols } = w;
  for (let r0 = 0; r0 < n; r0 += TILE) {
    const r1 = r0 + TILE < n ? r0 + TILE : n;
    for (let j = 0; j < count; j++) {
      const a = cols[j];
      for (let r = r0, at = r0 * width + c0 + j; r < r1; r++, at += width) a[r] = src[at];
    }
  }
}

/** Gathers columns of either storage (the kernel's float32 or the reference's float64). */
function gatherAny(w: Work, src: RunArray, width: number, c0: number, count: number): void {
  if (src instanceof Float32Array) gather32(w, src, width, c0, count);
  else gather(w, src, width, c0, count);
}

/** Sum in run order divided by n: the same number as stats `mean`. */
function meanOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length ? s / x.length : NaN;
}

/** Whether every value of x is the same (then every quantile is that value: no selection needed). */
function constant(x: Float64Array): boolean {
  const v = x[0];
  for (let i = 1; i < x.length; i++) if (x[i] !== v) return false;
  return x.length > 0 && v === v;
}

const SPREAD_PS = [0.05, 0.5, 0.95];

/** Spread of a column already gathered into `col`, which it rearranges. */
function spreadInPlace(col: Float64Array, digits: number): Spread {
  const m = meanOf(col);
  const [p5, p50, p95] = constant(col) ? [col[0], col[0], col[0]] : quantilesInPlace(col, SPREAD_PS);
  return { p5: round(p5, digits), p50: round(p50, digits), p95: round(p95, digits), mean: round(m, digits) };
}

function spreadOf(x: Float64Array, scratch: Float64Array, digits: number): Spread {
  const [p5, p50, p95] = quantiles(x, [0.05, 0.5, 0.95], scratch);
  return {
    p5: round(p5, digits),
    p50: round(p50, digits),
    p95: round(p95, digits),
    mean: round(meanOf(x), digits),
  };
}

/** P5 … P95 and mean per year of a run-major [run * nYears + y] array. */
function series(w: Work, src: RunArray, nY: number): PercentileSeries {
  const out: PercentileSeries = { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] };
  for (let y0 = 0; y0 < nY; y0 += GROUP) {
    const count = Math.min(GROUP, nY - y0);
    gatherAny(w, src, nY, y0, count);
    for (let j = 0; j < count; j++) {
      const c = w.cols[j];
      const m = meanOf(c);
      const q = constant(c) ? PS.map(() => c[0]) : quantilesInPlace(c, PS);
      out.p5.push(t1(q[0]));
      out.p25.push(t1(q[1]));
      out.p50.push(t1(q[2]));
      out.p75.push(t1(q[3]));
      out.p95.push(t1(q[4]));
      out.mean.push(t1(m));
    }
  }
  return out;
}

/** What the lever summaries read of a block (so they can be computed apart, e.g. in another worker). */
export type LeverPart = Pick<
  RunBlock,
  'runCount' | 'nYears' | 'nLevers' | 'years' | 'leverEvery' | 'leverContribution'
>;

/** A block's lever part, to be summarized apart (its own copy of the years; the contributions shared). */
export function leverPartOf(block: RunBlock): LeverPart {
  return {
    runCount: block.runCount,
    nYears: block.nYears,
    nLevers: block.nLevers,
    years: block.years.slice(),
    leverEvery: block.leverEvery,
    leverContribution: block.leverContribution,
  };
}

/**
 * What the sensitivity tables read of a block and its per-run scalars (so they can be computed apart,
 * e.g. in another worker): the inputs, total emissions in 2030 (null when the horizon lacks it), the
 * peak year and cumulative emissions of every run.
 */
export interface SensitivityPart {
  runCount: number;
  nInputs: number;
  inputs: RunArray;
  total2030: Float64Array | null;
  peakYear: Float64Array;
  cumulative: Float64Array;
}

/** The sensitivity tables of a summary. */
export interface SensitivitySummary {
  sensitivity: SensitivityRow[];
  sensitivity_groups: GroupSensitivity[];
}

/**
 * The sensitivity tables left out (both empty): a preview's summary (its 1,000 runs rank the inputs
 * noisily, and the ranking is a fifth of its summary's time; the full sample brings them), or a part
 * computed in another worker and filled in afterwards.
 */
export function noSensitivity(): SensitivitySummary {
  return { sensitivity: [], sensitivity_groups: [] };
}

export interface SummarizeOptions {
  /**
   * Lever summaries already computed by `summarizeLevers` (e.g. in another worker, in parallel); the
   * block's `leverContribution` is then not read. The result is the same either way.
   */
  levers?: LeverSummary[];
  /** Sensitivity tables already computed by `summarizeSensitivity` (the same result either way). */
  sensitivity?: SensitivitySummary;
}

/** Cumulative emitted and net emissions of every run. */
function cumulativesOf(block: RunBlock): { cumulative: Float64Array; cumulativeNet: Float64Array } {
  const n = block.runCount;
  const nY = block.nYears;
  const cumulative = new Float64Array(n);
  const cumulativeNet = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let sum = 0;
    let sumNet = 0;
    for (let y = 0; y < nY; y++) {
      sum += block.emitted[r * nY + y];
      sumNet += block.net[r * nY + y];
    }
    cumulative[r] = sum;
    cumulativeNet[r] = sumNet;
  }
  return { cumulative, cumulativeNet };
}

/**
 * A block's sensitivity part, with `inputs` as given (e.g. a copy to hand to another worker; default
 * the block's own) and the per-run scalars computed here.
 */
export function sensitivityPartOf(
  model: CompiledModel,
  block: RunBlock,
  inputs: RunArray = block.inputs,
): SensitivityPart {
  return partOf(block, inputs, peaksOf(model, block).year, cumulativesOf(block).cumulative);
}

function partOf(
  block: RunBlock,
  inputs: RunArray,
  peakYear: Float64Array,
  cumulative: Float64Array,
): SensitivityPart {
  const n = block.runCount;
  const nY = block.nYears;
  const y2030 = Array.from(block.years).indexOf(2030);
  let total2030: Float64Array | null = null;
  if (y2030 >= 0) {
    total2030 = new Float64Array(n);
    for (let r = 0; r < n; r++) total2030[r] = block.gross[r * nY + y2030];
  }
  return { runCount: n, nInputs: block.nInputs, inputs, total2030, peakYear, cumulative };
}

/** The Spearman table and the grouped sensitivity of a sensitivity part. */
export function summarizeSensitivity(model: CompiledModel, part: SensitivityPart): SensitivitySummary {
  const { rows, inputRanks } = sensitivity(model, part);
  return { sensitivity: rows, sensitivity_groups: sensitivityGroups(model, part, rows, inputRanks) };
}

/** Summarizes a block of runs (all runs of one seed, merged in run order). */
export function summarize(
  model: CompiledModel,
  block: RunBlock,
  seed: number,
  options: SummarizeOptions = {},
): SimulationSummary {
  const n = block.runCount;
  const nY = block.nYears;
  const years = Array.from(block.years);
  const w = workFor(n, 0);
  const scratch = w.scratch;

  // Per-run scalars.
  const { year: peakYear, value: peakValue, histYear } = peaksOf(model, block);
  const { cumulative, cumulativeNet } = cumulativesOf(block);
  const neutralYear = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let first = nY;
    while (first > 0 && block.net[r * nY + first - 1] <= 0) first--;
    neutralYear[r] = first < nY ? years[first] : NaN;
  }

  const peakHistogram: Record<string, number> = {};
  const neutralHistogram: Record<string, number> = {};
  // A history year can hold the peak (the park is past it): it gets a bin too.
  if (Number.isFinite(histYear)) peakHistogram[String(histYear)] = 0;
  for (const y of years) {
    peakHistogram[String(y)] = 0;
    neutralHistogram[String(y)] = 0;
  }
  let peakBy2030 = 0;
  let neutralBy2060 = 0;
  let never = 0;
  for (let r = 0; r < n; r++) {
    peakHistogram[String(peakYear[r])]++;
    if (peakYear[r] <= 2030) peakBy2030++;
    if (Number.isNaN(neutralYear[r])) never++;
    else {
      neutralHistogram[String(neutralYear[r])]++;
      if (neutralYear[r] <= 2060) neutralBy2060++;
    }
  }
  const horizonHas2060 = years[years.length - 1] >= 2060;

  const sens =
    options.sensitivity ?? summarizeSensitivity(model, partOf(block, block.inputs, peakYear, cumulative));
  return {
    runs: n,
    seed,
    years,
    total_tco2: series(w, block.gross, nY),
    net_tco2: series(w, block.net, nY),
    peak_year: {
      histogram: peakHistogram,
      p_by_2030: n ? peakBy2030 / n : NaN,
      p_by_2030_se: n ? r4(binomialSe(peakBy2030 / n, n)) : NaN,
    },
    neutrality: {
      p_by_2060: horizonHas2060 && n ? neutralBy2060 / n : null,
      histogram: neutralHistogram,
      never,
      p_by_2060_se: horizonHas2060 && n ? r4(binomialSe(neutralBy2060 / n, n)) : null,
    },
    cumulative_tco2: spreadOf(cumulative, scratch, 0),
    sensitivity: sens.sensitivity,
    scenario: model.scenarioId,
    dataset: model.datasetId,
    base_year: model.baseYear,
    inputs: [...model.inputNames],
    levers: [...model.leverNames],
    warnings: [...model.warnings],
    energy_tce: series(w, block.energy, nY),
    peak_value_tco2: spreadOf(peakValue, scratch, 1),
    cumulative_net_tco2: spreadOf(cumulativeNet, scratch, 0),
    intensity_change: intensityChange(model, block, years, scratch),
    lever_contribution: options.levers ?? summarizeLevers(model, block),
    lever_sample: leverSample(block),
    by_sector_tco2: breakdown(block.bySector, model.sectors, block),
    by_carrier_tco2: breakdown(block.byCarrier, model.carriers, block),
    sensitivity_groups: sens.sensitivity_groups,
    lever_contribution_method: 'shapley_sampled_permutation',
    targets: summarizeTargets(model, block, peakYear),
    costs: summarizeCosts(model, block),
    intensity_paths: intensityPaths(model, block),
  };
}

/** Grouped sensitivity (sensitivity-groups.ts) of the outputs the Spearman table covers, largest first. */
function sensitivityGroups(
  model: CompiledModel,
  part: SensitivityPart,
  rows: readonly SensitivityRow[],
  inputRanks: readonly CentredRanks[] | null,
): GroupSensitivity[] {
  const { total2030, peakYear, cumulative } = part;
  const outputs = [
    ...(total2030 ? [{ name: 'total_tco2_2030', at: (r: number) => total2030[r] }] : []),
    { name: 'peak_year', at: (r: number) => peakYear[r] },
    { name: 'cumulative_tco2', at: (r: number) => cumulative[r] },
  ];
  const index = new Map(model.inputNames.map((name, i) => [name, i]));
  const rho = outputs.map((o) => {
    const byInput = new Array<number | null>(model.nInputs).fill(null);
    for (const row of rows) if (row.output === o.name) byInput[index.get(row.input)!] = row.spearman;
    return byInput;
  });
  const groups = groupSensitivity(
    model.inputIds,
    part.inputs,
    part.runCount,
    outputs,
    rho,
    inputRanks ?? undefined,
  );
  return outputs.flatMap((o) =>
    groups
      .filter((g) => g.output === o.name)
      .map((g, i) => ({ g: { ...g, r2: r4(g.r2) }, i }))
      .sort((a, b) => b.g.r2 - a.g.r2 || a.i - b.i)
      .map((x) => x.g),
  );
}

/** Mean, P5 and P95 per key and year of a [(row * nYears + y) * keys + k] breakdown; null if none. */
function breakdown(src: RunArray, codes: readonly string[], block: RunBlock): BreakdownSummary | null {
  if (block.breakdownEvery <= 0 || src.length === 0) return null;
  const nY = block.nYears;
  const nK = codes.length;
  const n = src.length / (nY * nK);
  const w = workFor(n, nK);
  const spreads: Spread[][] = codes.map(() => []);
  const any = new Uint8Array(nK);
  // One year's keys are adjacent in a run's row: gather them together.
  for (let y = 0; y < nY; y++) {
    gatherAny(w, src, nY * nK, y * nK, nK);
    for (let k = 0; k < nK; k++) {
      const col = w.cols[k];
      if (!any[k]) for (let r = 0; r < n && !any[k]; r++) if (col[r] !== 0) any[k] = 1;
      spreads[k].push(spreadInPlace(col, 1));
    }
  }
  const kept = codes.flatMap((_, k) => (any[k] ? [k] : []));
  return {
    runs: n,
    every: block.breakdownEvery,
    keys: kept.map((k) => codes[k]),
    mean: kept.map((k) => spreads[k].map((x) => x.mean)),
    p5: kept.map((k) => spreads[k].map((x) => x.p5)),
    p95: kept.map((k) => spreads[k].map((x) => x.p95)),
  };
}

/** A ranked sample with the terms of Pearson's formula on it (as stats `pearson` computes them). */
interface Ranked {
  ranks: Float64Array;
  mean: number;
  ss: number;
}

function ranked(x: Float64Array, out: Float64Array, work: RankScratch): Ranked {
  const n = x.length;
  const r = rankInto(x, out, work);
  let s = 0;
  for (let i = 0; i < n; i++) s += r[i];
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = r[i] - m;
    ss += d * d;
  }
  return { ranks: r, mean: m, ss };
}

/**
 * Spearman ρ of every input with each output: each output and each input is ranked once (average
 * ranks for ties), then Pearson on the ranks — term for term the arithmetic of stats `pearson`.
 */
function sensitivity(
  model: CompiledModel,
  part: SensitivityPart,
): { rows: SensitivityRow[]; inputRanks: CentredRanks[] | null } {
  const n = part.runCount;
  const nI = part.nInputs;
  const w = workFor(n, 0);
  const work = new RankScratch();
  const names: string[] = [];
  const outs: Ranked[] = [];
  if (part.total2030) {
    names.push('total_tco2_2030');
    outs.push(ranked(part.total2030, new Float64Array(n), work));
  }
  names.push('peak_year', 'cumulative_tco2');
  outs.push(
    ranked(part.peakYear, new Float64Array(n), work),
    ranked(part.cumulative, new Float64Array(n), work),
  );
  const nO = outs.length;
  const sxy = new Float64Array(nO);
  const rk = new Float64Array(n);
  const rows: SensitivityRow[][] = outs.map(() => []);
  const inputRanks: CentredRanks[] | null = ranksAllRuns(n) ? [] : null;
  for (let i0 = 0; i0 < nI; i0 += GROUP) {
    const count = Math.min(GROUP, nI - i0);
    gatherAny(w, part.inputs, nI, i0, count);
    for (let j = 0; j < count; j++) {
      const x = ranked(w.cols[j], rk, work);
      if (inputRanks) {
        // Kept centred for the grouped sensitivity, which ranks the same runs.
        const c = new Float64Array(n);
        for (let r = 0; r < n; r++) c[r] = x.ranks[r] - x.mean;
        inputRanks.push({ x: c, ss: x.ss });
      }
      sxy.fill(0);
      for (let o = 0; o < nO; o++) {
        const y = outs[o].ranks;
        const my = outs[o].mean;
        let s = 0;
        for (let r = 0; r < n; r++) s += (x.ranks[r] - x.mean) * (y[r] - my);
        sxy[o] = s;
      }
      for (let o = 0; o < nO; o++) {
        const ss = outs[o].ss;
        const rho = x.ss === 0 || ss === 0 ? NaN : sxy[o] / Math.sqrt(x.ss * ss);
        rows[o].push({
          input: model.inputNames[i0 + j],
          output: names[o],
          spearman: Number.isNaN(rho) ? null : r4(rho),
          group: inputGroup(model.inputIds[i0 + j]),
        });
      }
    }
  }
  // Largest |ρ| first (the tornado's order); ties and nulls keep input order.
  const key = (s: SensitivityRow) => (s.spearman === null ? -1 : Math.abs(s.spearman));
  const sorted = rows.flatMap((list) =>
    list
      .map((row, i) => ({ row, i }))
      .sort((a, b) => key(b.row) - key(a.row) || a.i - b.i)
      .map((x) => x.row),
  );
  return { rows: sorted, inputRanks };
}
function intensityChange(
  model: CompiledModel,
  block: RunBlock,
  years: number[],
  scratch: Float64Array,
): SimulationSummary['intensity_change'] {
  const n = block.runCount;
  const nY = block.nYears;
  const out: SimulationSummary['intensity_change'] = {};
  // A park without output value (no economics) has no intensities.
  if (!model.outputBase.some((o) => o > 0)) return out;
  const x = new Float64Array(n);
  for (const ref of [2020, 2025]) {
    const yr = years.indexOf(ref);
    const h = model.history;
    const hi = h ? h.years.indexOf(ref) : -1;
    if (yr < 0 && hi < 0) continue;
    const targets = [2025, 2030, 2035, 2060].filter((t) => t > ref && years.includes(t));
    if (!targets.length) continue;
    const entry = { carbon: {} as Record<string, Spread>, energy: {} as Record<string, Spread> };
    for (const [kind, arr] of [
      ['carbon', block.gross],
      ['energy', block.energy],
    ] as const) {
      for (const t of targets) {
        const yt = years.indexOf(t);
        for (let r = 0; r < n; r++) {
          const now = arr[r * nY + yt] / block.output[r * nY + yt];
          const before =
            yr >= 0
              ? arr[r * nY + yr] / block.output[r * nY + yr]
              : (kind === 'carbon' ? h!.totalTco2[hi] : h!.energyTce[hi]) / h!.outputValue[hi];
          x[r] = now / before - 1;
        }
        entry[kind][String(t)] = spreadOf(x, scratch, 4);
      }
    }
    out[String(ref)] = entry;
  }
  return out;
}

/** sd / √n of a column (0 for fewer than two values). */
function standardError(col: Float64Array): number {
  const n = col.length;
  if (n < 2) return 0;
  const m = meanOf(col);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (col[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1) / n);
}

/** The runs a block's lever contributions and costs come from (null for a preview: none). */
function leverSample(block: RunBlock): SimulationSummary['lever_sample'] {
  const every = block.leverEvery;
  return every > 0 ? { runs: sampledRowsIn(block.runStart, block.runCount, every), every } : null;
}

/** Mean, P5 and P95 per year of each lever's contribution over the lever rows (and the spread at 2030 and 2060). */
export function summarizeLevers(model: CompiledModel, block: LeverPart): LeverSummary[] {
  const nY = block.nYears;
  const nL = block.nLevers;
  // A block computed without contributions (a preview) has none to summarize.
  if (block.leverEvery <= 0 && block.runCount > 0 && nL > 0) return [];
  const rows = nY * nL > 0 ? block.leverContribution.length / (nY * nL) : 0;
  const years = Array.from(block.years);
  const w = workFor(rows, nL);
  const out = model.leverNames.map((lever): LeverSummary => ({
    lever,
    mean: [],
    mean_se: [],
    p5: [],
    p95: [],
    y2030: null,
    y2060: null,
  }));
  // One year's levers are adjacent in a run's row: gather them together.
  for (let y = 0; y < nY; y++) {
    const src = block.leverContribution;
    gatherAny(w, src, nY * nL, y * nL, nL);
    for (let l = 0; l < nL; l++) {
      const s = out[l];
      s.mean_se.push(round(standardError(w.cols[l]), 1));
      const sp = spreadInPlace(w.cols[l], 1);
      s.mean.push(sp.mean);
      s.p5.push(sp.p5);
      s.p95.push(sp.p95);
      if (years[y] === 2030) s.y2030 = sp;
      if (years[y] === 2060) s.y2060 = sp;
    }
  }
  return out;
}
