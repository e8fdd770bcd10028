/**
 * Grouped sensitivity that holds with correlated inputs (docs/model.md §6): the uncertain inputs are
 * put in groups (all sectors' output growth, all intensity gains, the grid path, each lever's
 * delivery, …) and each group is scored by the share of an output's rank variance that a linear
 * regression on the ranks of the group's inputs explains (R² of a rank regression). Inputs correlated
 * within a group (growth of all sectors within a period) share one score instead of each taking the
 * credit of the others, which is what made ten growth bars crowd the tornado with plain Spearman.
 * Groups are nearly independent of one another by construction (the presets correlate inputs within
 * groups only), so their scores can be compared.
 *
 * Computed on at most MAX_RUNS runs (every k-th run: runs are independent and identically distributed),
 * enough for a score with a sampling error of a few thousandths.
 */
import { cholesky, rankInto, RankScratch } from '../stats';
import type { InputId } from './levers';

/** Group of an uncertain input: what the tornado shows as one bar. */
export function inputGroup(id: InputId): string {
  switch (id.kind) {
    case 'growth':
      return 'output_growth';
    case 'intensity':
      return 'intensity_improvement';
    case 'grid':
      return 'grid_factor';
    case 'sink':
      return 'sink_uptake';
    case 'lever':
      return `lever.${id.lever}`;
    case 'chp':
      return 'chp_efficiency';
    case 'inventory':
      return 'inventory';
    case 'cost':
      return 'costs';
    case 'electricity_drift':
    case 'pv_yield':
      return id.kind;
  }
}

export interface GroupSensitivity {
  group: string;
  output: string;
  /** Share of the output's rank variance explained by the group's inputs (0–1). */
  r2: number;
  /** Direction: the sign of the Spearman ρ of the group's most influential input (+1 or −1). */
  sign: number;
  /** Number of uncertain inputs in the group. */
  inputs: number;
}

const MAX_RUNS = 20_000;

/** Centred ranks of a sample (rank − mean rank) and their sum of squares. */
export interface CentredRanks {
  x: Float64Array;
  ss: number;
}

/** Whether groupSensitivity ranks every run (not a subsample): then ranks made elsewhere can be reused. */
export const ranksAllRuns = (runs: number): boolean => runs <= MAX_RUNS;

/**
 * Scores each group of inputs against each output. `inputs` is run-major [run * nInputs + i];
 * `outputs` are per-run values; `spearman[o][i]` gives the direction of each input.
 */
export function groupSensitivity(
  inputIds: readonly InputId[],
  inputs: ArrayLike<number>,
  runs: number,
  outputs: readonly { name: string; at: (run: number) => number }[],
  spearman: readonly (readonly (number | null)[])[],
  /** The inputs' centred ranks over all runs, when already made (only when ranksAllRuns(runs)). */
  inputRanks?: readonly CentredRanks[],
): GroupSensitivity[] {
  const nI = inputIds.length;
  const step = Math.max(1, Math.ceil(runs / MAX_RUNS));
  const n = Math.ceil(runs / step);
  if (n < 3 || nI === 0) return [];
  const work = new RankScratch();
  const column = new Float64Array(n);
  // Centred ranks of every input and output on the subsample.
  const centred = (get: (r: number) => number): CentredRanks => {
    for (let j = 0; j < n; j++) column[j] = get(j * step);
    const x = Float64Array.from(rankInto(column, new Float64Array(n), work));
    let m = 0;
    for (let j = 0; j < n; j++) m += x[j];
    m /= n;
    let ss = 0;
    for (let j = 0; j < n; j++) {
      x[j] -= m;
      ss += x[j] * x[j];
    }
    return { x, ss };
  };
  const xs =
    step === 1 && inputRanks?.length === nI
      ? inputRanks
      : inputIds.map((_, i) => centred((r) => inputs[r * nI + i]));
  const ys = outputs.map((o) => centred(o.at));
  const groups = new Map<string, number[]>();
  inputIds.forEach((id, i) => {
    if (xs[i].ss === 0) return;
    const g = inputGroup(id);
    groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  // X'X of each group does not depend on the output: computed and factored once.
  const factored = [...groups].map(([group, members]) => {
    const k = members.length;
    const c = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      const xa = xs[members[a]].x;
      for (let d = 0; d <= a; d++) {
        const xd = xs[members[d]].x;
        let t = 0;
        for (let j = 0; j < n; j++) t += xa[j] * xd[j];
        c[a * k + d] = t;
        c[d * k + a] = t;
      }
    }
    return { group, members, l: factor(c, k) };
  });
  const out: GroupSensitivity[] = [];
  ys.forEach((y, o) => {
    for (const { group, members, l } of factored) {
      const k = members.length;
      const b = new Float64Array(k);
      for (let a = 0; a < k; a++) {
        const xa = xs[members[a]].x;
        let t = 0;
        for (let j = 0; j < n; j++) t += xa[j] * y.x[j];
        b[a] = t;
      }
      const r2 = y.ss === 0 || !l ? 0 : explained(l, b, k) / y.ss;
      let best = members[0];
      for (const i of members) {
        if (Math.abs(spearman[o][i] ?? 0) > Math.abs(spearman[o][best] ?? 0)) best = i;
      }
      out.push({
        group,
        output: outputs[o].name,
        r2: Math.min(1, Math.max(0, r2)),
        sign: (spearman[o][best] ?? 0) < 0 ? -1 : 1,
        inputs: k,
      });
    }
  });
  return out;
}

/** Cholesky factor of a symmetric positive (semi-)definite C, with a tiny ridge when C is singular. */
function factor(c: Float64Array, k: number): Float64Array | null {
  const l = cholesky(c, k);
  if (l) return l;
  let trace = 0;
  for (let i = 0; i < k; i++) trace += c[i * k + i];
  const ridged = Float64Array.from(c);
  for (let i = 0; i < k; i++) ridged[i * k + i] += 1e-9 * trace;
  return cholesky(ridged, k);
}

/** b' C⁻¹ b from the Cholesky factor L of C: solve L z = b, then b' C⁻¹ b = z' z. */
function explained(l: Float64Array, b: Float64Array, k: number): number {
  const z = new Float64Array(k);
  let q = 0;
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= l[i * k + j] * z[j];
    z[i] = s / l[i * k + i];
    q += z[i] * z[i];
  }
  return q;
}
