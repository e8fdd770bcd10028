/**
 * Summaries of a merged RunBlock: percentiles per year, peak and neutrality years, cumulative
 * emissions, intensity changes, lever contributions and the sensitivity (Spearman) table behind a
 * tornado chart. Depends only on (model, block, seed), iterates in fixed orders and rounds
 * deterministically, so the same inputs give the same JSON byte for byte.
 */
import { mean, quantiles, ranks, pearson } from '../stats';
import type { CompiledModel, RunBlock } from './model';

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
}

export interface LeverSummary {
  lever: string;
  /** Net tCO2 avoided per year (mean, P5, P95 over runs). */
  mean: number[];
  p5: number[];
  p95: number[];
  y2030: Spread | null;
  y2060: Spread | null;
}

export interface SimulationSummary {
  runs: number;
  seed: number;
  years: number[];
  total_tco2: PercentileSeries;
  net_tco2: PercentileSeries;
  peak_year: { histogram: Record<string, number>; p_by_2030: number };
  neutrality: { p_by_2060: number | null; histogram: Record<string, number>; never: number };
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
  lever_contribution: LeverSummary[];
}

const PS = [0.05, 0.25, 0.5, 0.75, 0.95];
const round = (x: number, digits: number): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no -0 in JSON
};
const t1 = (x: number) => round(x, 1);
const r4 = (x: number) => round(x, 4);

function spreadOf(x: Float64Array, scratch: Float64Array, digits: number): Spread {
  const [p5, p50, p95] = quantiles(x, [0.05, 0.5, 0.95], scratch);
  return {
    p5: round(p5, digits),
    p50: round(p50, digits),
    p95: round(p95, digits),
    mean: round(mean(x), digits),
  };
}

/** Summarizes a block of runs (all runs of one seed, merged in run order). */
export function summarize(model: CompiledModel, block: RunBlock, seed: number): SimulationSummary {
  const n = block.runCount;
  const nY = block.nYears;
  const years = Array.from(block.years);
  const scratch = new Float64Array(n);
  // Year-major copies, so each year's sample is contiguous (columns of run-major data are far apart).
  const grossT = transpose(block.gross, n, nY);
  const netT = transpose(block.net, n, nY);
  const series = (t: Float64Array): PercentileSeries => {
    const out: PercentileSeries = { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] };
    for (let y = 0; y < nY; y++) {
      const c = t.subarray(y * n, (y + 1) * n);
      const q = quantiles(c, PS, scratch);
      out.p5.push(t1(q[0]));
      out.p25.push(t1(q[1]));
      out.p50.push(t1(q[2]));
      out.p75.push(t1(q[3]));
      out.p95.push(t1(q[4]));
      out.mean.push(t1(mean(c)));
    }
    return out;
  };

  // Per-run scalars.
  const peakYear = new Float64Array(n);
  const peakValue = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const cumulativeNet = new Float64Array(n);
  const neutralYear = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    let sum = 0;
    let sumNet = 0;
    for (let y = 0; y < nY; y++) {
      const v = block.gross[r * nY + y];
      if (v > block.gross[r * nY + best]) best = y;
      sum += v;
      sumNet += block.net[r * nY + y];
    }
    peakYear[r] = years[best];
    peakValue[r] = block.gross[r * nY + best];
    cumulative[r] = sum;
    cumulativeNet[r] = sumNet;
    let first = nY;
    while (first > 0 && block.net[r * nY + first - 1] <= 0) first--;
    neutralYear[r] = first < nY ? years[first] : NaN;
  }

  const peakHistogram: Record<string, number> = {};
  const neutralHistogram: Record<string, number> = {};
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

  return {
    runs: n,
    seed,
    years,
    total_tco2: series(grossT),
    net_tco2: series(netT),
    peak_year: { histogram: peakHistogram, p_by_2030: n ? peakBy2030 / n : NaN },
    neutrality: {
      p_by_2060: horizonHas2060 && n ? neutralBy2060 / n : null,
      histogram: neutralHistogram,
      never,
    },
    cumulative_tco2: spreadOf(cumulative, scratch, 0),
    sensitivity: sensitivity(model, block, years, peakYear, cumulative),
    scenario: model.scenarioId,
    dataset: model.datasetId,
    base_year: model.baseYear,
    inputs: [...model.inputNames],
    levers: [...model.leverNames],
    warnings: [...model.warnings],
    energy_tce: series(transpose(block.energy, n, nY)),
    peak_value_tco2: spreadOf(peakValue, scratch, 1),
    cumulative_net_tco2: spreadOf(cumulativeNet, scratch, 0),
    intensity_change: intensityChange(model, block, years, scratch),
    lever_contribution: leverSummaries(model, block, years, scratch),
  };
}

function sensitivity(
  model: CompiledModel,
  block: RunBlock,
  years: number[],
  peakYear: Float64Array,
  cumulative: Float64Array,
): SensitivityRow[] {
  const n = block.runCount;
  const nY = block.nYears;
  const outputs: [string, Float64Array][] = [];
  const y2030 = years.indexOf(2030);
  if (y2030 >= 0) {
    outputs.push([
      'total_tco2_2030',
      Float64Array.from({ length: n }, (_, r) => block.gross[r * nY + y2030]),
    ]);
  }
  outputs.push(['peak_year', peakYear], ['cumulative_tco2', cumulative]);
  const sorted = new Float64Array(n);
  const outRanks = outputs.map(([, x]) => ranks(x, undefined, sorted));
  const col = new Float64Array(n);
  const rk = new Float64Array(n);
  const rows: SensitivityRow[][] = outputs.map(() => []);
  for (let i = 0; i < block.nInputs; i++) {
    for (let r = 0; r < n; r++) col[r] = block.inputs[r * block.nInputs + i];
    ranks(col, rk, sorted);
    outputs.forEach(([name], o) => {
      const rho = pearson(rk, outRanks[o]);
      rows[o].push({
        input: model.inputNames[i],
        output: name,
        spearman: Number.isNaN(rho) ? null : r4(rho),
      });
    });
  }
  // Largest |ρ| first (the tornado's order); ties and nulls keep input order.
  const key = (s: SensitivityRow) => (s.spearman === null ? -1 : Math.abs(s.spearman));
  return rows.flatMap((list) =>
    list
      .map((row, i) => ({ row, i }))
      .sort((a, b) => key(b.row) - key(a.row) || a.i - b.i)
      .map((x) => x.row),
  );
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

function leverSummaries(
  model: CompiledModel,
  block: RunBlock,
  years: number[],
  scratch: Float64Array,
): LeverSummary[] {
  const n = block.runCount;
  const nY = block.nYears;
  const nL = block.nLevers;
  const t = transpose(block.leverContribution, n, nY * nL);
  return model.leverNames.map((lever, l) => {
    const s: LeverSummary = { lever, mean: [], p5: [], p95: [], y2030: null, y2060: null };
    for (let y = 0; y < nY; y++) {
      const col = y * nL + l;
      const sp = spreadOf(t.subarray(col * n, (col + 1) * n), scratch, 1);
      s.mean.push(sp.mean);
      s.p5.push(sp.p5);
      s.p95.push(sp.p95);
      if (years[y] === 2030) s.y2030 = sp;
      if (years[y] === 2060) s.y2060 = sp;
    }
    return s;
  });
}

/** Column-major copy of a run-major array with `width` values per run: out[col * runs + run]. */
function transpose(a: Float64Array, runs: number, width: number): Float64Array {
  const out = new Float64Array(runs * width);
  for (let r = 0; r < runs; r++) {
    const base = r * width;
    for (let c = 0; c < width; c++) out[c * runs + r] = a[base + c];
  }
  return out;
}
