/**
 * Pathways view model: a simulation summary (src/core/scenario/summary.ts) and the park's history →
 * chart data and headline figures. Pure and unit-tested; charts and components only format.
 */
import type {
  CompiledModel,
  GroupSensitivity,
  InputId,
  LeverDoc,
  BaselineHistory,
  SensitivityRow,
  SimulationSummary,
  Spread,
} from '../../../core/scenario/index';

/** Percentile bands on the chart's year axis; null where the projection has no value. */
export interface Bands {
  p5: (number | null)[];
  p25: (number | null)[];
  p50: (number | null)[];
  p75: (number | null)[];
  p95: (number | null)[];
}

export interface FanData {
  /** Every year on the axis: history, then base year to the horizon. */
  years: number[];
  baseYear: number;
  /** Inventory totals of past years (null after the base year). */
  history: (number | null)[];
  gross: Bands;
  net: Bands;
}

const BAND_KEYS = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;

/** Fan data from a summary and the park's history (years before the base year come first). */
export function fanData(summary: SimulationSummary, history?: BaselineHistory): FanData {
  const past = (history?.years ?? []).filter((y) => y < summary.base_year);
  const years = [...past, ...summary.years];
  const pad = past.map(() => null);
  const bands = (s: SimulationSummary['total_tco2']): Bands => {
    const out = {} as Bands;
    for (const k of BAND_KEYS) out[k] = [...pad, ...s[k]];
    return out;
  };
  const hist = new Map((history?.years ?? []).map((y, i) => [y, history!.totalTco2[i]]));
  return {
    years,
    baseYear: summary.base_year,
    history: years.map((y) => (y <= summary.base_year ? (hist.get(y) ?? null) : null)),
    gross: bands(summary.total_tco2),
    net: bands(summary.net_tco2),
  };
}

/** The median of a histogram `{ "<year>": count }` (the first year reaching half the count). */
export function histogramMedian(histogram: Readonly<Record<string, number>>): number {
  const entries = Object.entries(histogram)
    .map(([y, n]) => [Number(y), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return NaN;
  let cum = 0;
  for (const [y, n] of entries) {
    cum += n;
    if (cum >= total / 2) return y;
  }
  return NaN;
}

export interface PeakHistogram {
  years: number[];
  counts: number[];
  /** Share of runs peaking in each year. */
  shares: number[];
  total: number;
}

/** Peak-year histogram trimmed to the years that occur (one empty year either side for context). */
export function peakHistogram(histogram: Readonly<Record<string, number>>): PeakHistogram {
  const entries = Object.entries(histogram)
    .map(([y, n]) => [Number(y), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  const used = entries.filter(([, n]) => n > 0).map(([y]) => y);
  if (!used.length) return { years: [], counts: [], shares: [], total };
  const from = Math.max(entries[0][0], used[0] - 1);
  const to = Math.min(entries[entries.length - 1][0], used[used.length - 1] + 1);
  const kept = entries.filter(([y]) => y >= from && y <= to);
  return {
    years: kept.map(([y]) => y),
    counts: kept.map(([, n]) => n),
    shares: kept.map(([, n]) => (total ? n / total : 0)),
    total,
  };
}

export interface PathwayKpis {
  pPeakBy2030: number;
  /** Monte Carlo standard error of pPeakBy2030. */
  pPeakBy2030Se: number;
  medianPeakYear: number;
  peakValue: Spread;
  pNeutralBy2060: number | null;
  pNeutralBy2060Se: number | null;
  cumulative: Spread;
  /** Carbon intensity (tCO2 per output value) in 2030 against 2020 and 2025: relative change. */
  intensity2030vs2020: Spread | null;
  intensity2030vs2025: Spread | null;
  /** Median gross and net emissions in 2030 and 2060, tCO2. */
  gross2030: number;
  net2060: number;
}

const at = (s: SimulationSummary, arr: number[], year: number) => {
  const i = s.years.indexOf(year);
  return i >= 0 ? arr[i] : NaN;
};

/**
 * Decimals of a percentage that the run's Monte Carlo error supports: one below the first significant
 * digit of the standard error (in percentage points), at most two; one when the error is 0.
 */
export function probabilityDigits(se: number | null): number {
  if (se === null || !(se > 0)) return 1;
  const pts = se * 100;
  return pts >= 1 ? 0 : pts >= 0.1 ? 1 : 2;
}

/** The headline figures of a summary. */
export function pathwayKpis(s: SimulationSummary): PathwayKpis {
  return {
    pPeakBy2030: s.peak_year.p_by_2030,
    pPeakBy2030Se: s.peak_year.p_by_2030_se,
    medianPeakYear: histogramMedian(s.peak_year.histogram),
    peakValue: s.peak_value_tco2,
    pNeutralBy2060: s.neutrality.p_by_2060,
    pNeutralBy2060Se: s.neutrality.p_by_2060_se,
    cumulative: s.cumulative_tco2,
    intensity2030vs2020: s.intensity_change['2020']?.carbon['2030'] ?? null,
    intensity2030vs2025: s.intensity_change['2025']?.carbon['2030'] ?? null,
    gross2030: at(s, s.total_tco2.p50, 2030),
    net2060: at(s, s.net_tco2.p50, 2060),
  };
}

/**
 * The grouped tornado: one bar per group of inputs, its share of the output's rank variance (rank R²)
 * signed by its direction, largest first.
 */
export function groupTornadoRows(
  groups: readonly GroupSensitivity[],
  output: SensitivityOutput,
  label: (group: string) => string,
  limit = 12,
): TornadoRow[] {
  return groups
    .filter((g) => g.output === output)
    .slice(0, limit)
    .map((g) => ({ input: g.group, label: label(g.group), rho: g.sign * g.r2 }));
}

/** The groups present for an output, in the order of the grouped tornado. */
export function sensitivityGroupsOf(
  groups: readonly GroupSensitivity[],
  output: SensitivityOutput,
): string[] {
  return groups.filter((g) => g.output === output).map((g) => g.group);
}

/** Outputs the sensitivity table covers. */
export const SENSITIVITY_OUTPUTS = ['total_tco2_2030', 'peak_year', 'cumulative_tco2'] as const;
export type SensitivityOutput = (typeof SENSITIVITY_OUTPUTS)[number];

export interface TornadoRow {
  input: string;
  label: string;
  rho: number;
}

/** The inputs driving one output, largest |ρ| first; constant inputs (ρ null) dropped. */
export function tornadoRows(
  rows: readonly SensitivityRow[],
  output: SensitivityOutput,
  label: (input: string) => string,
  limit = 12,
): TornadoRow[] {
  return rows
    .filter((r): r is SensitivityRow & { spearman: number } => r.output === output && r.spearman !== null)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Math.abs(b.r.spearman) - Math.abs(a.r.spearman) || a.i - b.i)
    .slice(0, limit)
    .map(({ r }) => ({ input: r.input, label: label(r.input), rho: r.spearman }));
}

export interface LeverWedges {
  years: number[];
  /** Mean net tCO2 avoided per year by each lever (levers with no effect dropped). */
  series: { key: string; name: string; values: number[] }[];
  /** Mean, P5 and P95 in 2030 and 2060, per lever (same order). */
  at2030: (Spread | null)[];
  at2060: (Spread | null)[];
}

/** Lever contributions against BAU (common random numbers), from 2025 on. */
export function leverWedges(s: SimulationSummary, label: (lever: LeverDoc) => string): LeverWedges {
  const kept = s.lever_contribution.filter((l) => l.mean.some((v) => Math.abs(v) > 0.5));
  const start = s.years.findIndex((y) => y > s.base_year);
  const from = start < 0 ? 0 : start;
  return {
    years: s.years.slice(from),
    series: kept.map((l) => ({ key: l.lever, name: label(l.lever), values: l.mean.slice(from) })),
    at2030: kept.map((l) => l.y2030),
    at2060: kept.map((l) => l.y2060),
  };
}

export interface BreakdownAreas {
  years: number[];
  /** Mean tCO2 per year of each sector or carrier (keys in the summary's order, those with emissions). */
  series: { key: string; name: string; values: number[] }[];
  /** Years of the table under the chart (2030 if simulated, and the last year). */
  tableYears: number[];
  /** Per key: mean, P5 and P95 in each table year. */
  rows: { key: string; name: string; cells: { mean: number; p5: number; p95: number }[] }[];
}

/**
 * Mean emissions by sector or by carrier (stacked, the means add up to the mean total; exports are
 * negative) and their spread in 2030 and the last year; null when the result has no breakdown.
 */
const negative = (xs: number[]) => (xs.some((x) => x < 0) ? 1 : 0);

export function breakdownAreas(
  s: SimulationSummary,
  by: 'sector' | 'carrier',
  label: (code: string) => string,
): BreakdownAreas | null {
  const b = by === 'sector' ? s.by_sector_tco2 : s.by_carrier_tco2;
  if (!b) return null;
  const at = [s.years.indexOf(2030), s.years.length - 1].filter(
    (i, k, all) => i >= 0 && all.indexOf(i) === k,
  );
  // Keys that are never negative first: stacked in that order, a key below zero in some year (a CHP
  // plant net of its exports) then subtracts from the top instead of crossing the others.
  const order = b.keys.map((_, i) => i).sort((i, j) => negative(b.mean[i]) - negative(b.mean[j]) || i - j);
  return {
    years: s.years,
    series: order.map((i) => ({ key: b.keys[i], name: label(b.keys[i]), values: b.mean[i] })),
    tableYears: at.map((i) => s.years[i]),
    rows: b.keys.map((key, i) => ({
      key,
      name: label(key),
      cells: at.map((y) => ({ mean: b.mean[i][y], p5: b.p5[i][y], p95: b.p95[i][y] })),
    })),
  };
}

/** Each uncertain input's structured id by name (labels for the sensitivity chart); empty without a model. */
export function inputIdsOf(
  model: Pick<CompiledModel, 'inputNames' | 'inputIds'> | null,
): ReadonlyMap<string, InputId> {
  return new Map(model ? model.inputNames.map((name, i) => [name, model.inputIds[i]]) : []);
}

/** A summary as a downloadable JSON document (the CLI's `--summary` format). */
export function summaryJson(s: SimulationSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
