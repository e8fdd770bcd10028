/**
 * View models of the target and cost panels, from a simulation summary: what each target row shows
 * (P(met) at the precision its standard error supports, the median gap in words' terms), the intensity
 * charts' data with target markers, the MACC bars of a year and the investment rows. Pure.
 */
import type { SimulationSummary } from '../../../core/scenario/index';
import type { CostSummary, TargetSummary } from '../../../core/scenario/summary-decisions';
import type { IntensityChartData } from '../../../charts/pathways/intensity';
import type { MaccBar } from '../../../charts/pathways/macc';
import type { InvestmentRow } from '../../../charts/pathways/investment';

/**
 * Decimals of a percentage that its standard error supports: the SE shown to two significant figures
 * and the share to the same decimal place (0.624 ± 0.011 → "62.4 ± 1.1"), at most 2.
 */
export function pmetDigits(se: number): number {
  if (!(se > 0)) return 1;
  const pct = se * 100;
  return Math.min(2, Math.max(0, 1 - Math.floor(Math.log10(pct))));
}

type GapKind = 'more' | 'short' | 'early' | 'onTime' | 'late' | 'under' | 'over';

export interface TargetRow {
  id: string;
  metric: TargetSummary['metric'];
  /** Which Five-Year Plan an intensity target belongs to (by its library id), if any. */
  plan: 'fyp14' | 'fyp15' | null;
  base: number | null;
  year: number;
  reduction: number | null;
  max: number | null;
  /** Share of runs meeting it and its SE; null when it could not be tested. */
  p: number | null;
  se: number | null;
  digits: number;
  /** The median gap: its direction and magnitude (percentage points, years, or tonnes). */
  gap: { kind: GapKind; value: number } | null;
  placeholder: boolean;
  /** The park's own value (targets.fyp15 or a cap) rather than the library's. */
  ownValue: boolean;
  source: string;
  note: string | null;
}

function gapOf(t: TargetSummary): TargetRow['gap'] {
  const g = t.gap_p50;
  if (g === null || !Number.isFinite(g)) return null;
  switch (t.metric) {
    case 'peak':
      return { kind: g > 0 ? 'early' : g === 0 ? 'onTime' : 'late', value: Math.abs(g) };
    case 'emissions_cap':
    case 'energy_cap':
      return { kind: g >= 0 ? 'under' : 'over', value: Math.abs(g) };
    default:
      return { kind: g >= 0 ? 'more' : 'short', value: Math.abs(g) * 100 };
  }
}

/** One row per target of the summary, in its order. */
export function targetRows(targets: readonly TargetSummary[]): TargetRow[] {
  return targets.map((t) => ({
    id: t.id,
    metric: t.metric,
    plan: t.id.startsWith('fyp14_') ? 'fyp14' : t.id.startsWith('fyp15_') ? 'fyp15' : null,
    base: t.base_year,
    year: t.target_year,
    reduction: t.reduction,
    max: t.max,
    p: t.p_met,
    se: t.p_met_se,
    digits: pmetDigits(t.p_met_se ?? 0),
    gap: gapOf(t),
    placeholder: t.placeholder,
    ownValue: t.source.startsWith('Set by the park'),
    source: t.source,
    note: t.note ?? null,
  }));
}

/**
 * One intensity chart's data: the history and the projection's P5/P50/P95 on one year axis, and a
 * marker per intensity target of that metric at base-year median × (1 − reduction). Null without
 * intensity paths (no output value).
 */
export function intensityChartData(
  summary: Pick<SimulationSummary, 'years' | 'intensity_paths' | 'targets'>,
  metric: 'co2_intensity' | 'energy_intensity',
  labelOf: (t: TargetSummary) => string,
): IntensityChartData | null {
  const paths = summary.intensity_paths;
  if (!paths) return null;
  const s = metric === 'co2_intensity' ? paths.intensity_tco2_per_10k_cny : paths.energy_intensity;
  const hist = metric === 'co2_intensity' ? paths.history.tco2_per_10k_cny : paths.history.tce_per_10k_cny;
  const hYears = paths.history.years;
  const years = [...hYears, ...summary.years];
  const pad = (values: number[]) => [
    ...hYears.map(() => null),
    ...values.map((v) => (Number.isFinite(v) ? v : null)),
  ];
  const history = [...hist, ...summary.years.map(() => null)];
  // The history line joins the projection at its first year.
  if (hist.length && s.p50.length) history[hYears.length] = s.p50[0];
  const at = (t: number): number | null => {
    const h = hYears.indexOf(t);
    if (h >= 0) return hist[h];
    const y = summary.years.indexOf(t);
    return y >= 0 && Number.isFinite(s.p50[y]) ? s.p50[y] : null;
  };
  const targets = summary.targets
    .filter((t) => t.metric === metric && t.base_year !== null && t.reduction !== null)
    .flatMap((t) => {
      const base = at(t.base_year as number);
      return base === null || !years.includes(t.target_year)
        ? []
        : [{ year: t.target_year, value: base * (1 - (t.reduction as number)), label: labelOf(t) }];
    });
  return { years, history, p5: pad(s.p5), p50: pad(s.p50), p95: pad(s.p95), targets };
}

/** Years the MACC is offered for, in order. */
export function maccYears(costs: CostSummary | null): string[] {
  return costs?.macc ? Object.keys(costs.macc.by_year).sort() : [];
}

/** The MACC bars of a year (levers named by `nameOf`); empty when that year has none. */
export function maccBars(
  costs: CostSummary | null,
  year: string,
  nameOf: (lever: string) => string,
): MaccBar[] {
  const entries = costs?.macc?.by_year[year] ?? [];
  return entries.map((e) => ({
    key: e.lever,
    name: nameOf(e.lever),
    avoided: e.avoided_tco2,
    p5: e.cny_per_tco2.p5,
    p50: e.cny_per_tco2.p50,
    p95: e.cny_per_tco2.p95,
  }));
}

/** Investment per period in CNY (P5, median, P95), in period order. */
export function investmentRows(costs: CostSummary): InvestmentRow[] {
  return Object.entries(costs.investment_cny_by_period).map(([period, q]) => ({
    period: period.replace('-', '–'),
    p5: q.p5,
    p50: q.p50,
    p95: q.p95,
  }));
}

/** The largest magnitude among amounts (to choose one money unit for them). */
export function largest(values: readonly number[]): number {
  return values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
}
