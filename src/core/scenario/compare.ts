/**
 * Paired comparison of two scenarios run on the same random draws (common random numbers,
 * docs/model.md §11): run r of each scenario shares every driver, lever-parameter and price draw the
 * two have in common, so the per-run differences carry only what the scenarios change.
 */
import type { RunBlock } from './model';
import { quantiles, type Quantiles } from './summary-decisions';

export interface PairedDifference {
  runs: number;
  /** Years summed for the cumulative emissions (inclusive). */
  from_year: number;
  to_year: number;
  /** Per run: a's cumulative emissions to the atmosphere minus b's, tCO2. */
  delta_cumulative_tco2: Quantiles;
  /** Share of runs in which a's cumulative emissions are lower than b's (strictly). */
  p_lower_cumulative: number;
  /** Its Monte Carlo standard error. */
  p_lower_cumulative_se: number;
  /**
   * Per run of the lever rows (model.ts leverEvery: every run up to 20,000): a's net present cost against
   * BAU minus b's, CNY; null when either has no costs.
   */
  delta_npv_cny: Quantiles | null;
}

/** What a paired comparison reads of each block. */
export type PairedPaths = Pick<
  RunBlock,
  'runStart' | 'runCount' | 'nYears' | 'years' | 'emitted' | 'leverEvery' | 'npvCost'
>;

/**
 * a − b, run by run, for two blocks of the same runs (same seed and run range) over years
 * [from, to] ∩ the horizon. Throws when the blocks do not hold the same runs and years.
 */
export function pairedDifference(a: PairedPaths, b: PairedPaths, from = 2025, to = 2060): PairedDifference {
  if (a.runStart !== b.runStart || a.runCount !== b.runCount)
    throw new Error('compare: the two scenarios must be run on the same runs (same seed and number of runs)');
  if (a.nYears !== b.nYears || a.years.some((t, i) => t !== b.years[i]))
    throw new Error('compare: the two scenarios must cover the same years (same park and horizon)');
  const n = a.runCount;
  if (n === 0) throw new Error('compare: no runs');
  const nY = a.nYears;
  const ys: number[] = [];
  a.years.forEach((t, y) => {
    if (t >= from && t <= to) ys.push(y);
  });
  if (!ys.length) throw new Error(`compare: the horizon has no year between ${from} and ${to}`);
  const d = new Float64Array(n);
  let lower = 0;
  for (let r = 0; r < n; r++) {
    let sa = 0;
    let sb = 0;
    for (const y of ys) {
      sa += a.emitted[r * nY + y];
      sb += b.emitted[r * nY + y];
    }
    d[r] = sa - sb;
    if (sa < sb) lower++;
  }
  const p = lower / n;
  let npv: Quantiles | null = null;
  // Costs of the same lever rows in both (the same runs, sampled alike: model.ts leverEvery).
  const m = a.npvCost.length;
  if (m > 0 && b.npvCost.length === m && a.leverEvery === b.leverEvery) {
    const dn = new Float64Array(m);
    for (let r = 0; r < m; r++) dn[r] = a.npvCost[r] - b.npvCost[r];
    npv = quantiles(dn);
  }
  return {
    runs: n,
    from_year: a.years[ys[0]],
    to_year: a.years[ys[ys.length - 1]],
    delta_cumulative_tco2: quantiles(d),
    p_lower_cumulative: Math.round(p * 1e4) / 1e4,
    p_lower_cumulative_se: Math.round(Math.sqrt((p * (1 - p)) / n) * 1e4) / 1e4,
    delta_npv_cny: npv,
  };
}
