/** Descriptive statistics on Float64Array samples: mean, variance, quantiles (type 7), histogram. */

/** Arithmetic mean (NaN for an empty sample). */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length ? s / x.length : NaN;
}

/** Sample variance with n − 1 in the denominator (two-pass). */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) * (x[i] - m);
  return s / (n - 1);
}

/** Sample standard deviation. */
export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/** Type-7 quantile (Hyndman & Fan 1996; R's default) of an ascending sorted sample. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Rearranges a[lo..hi] so a[k] holds the value it would hold if sorted (Hoare's selection). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot: deterministic and robust on sorted input.
    let x = a[lo];
    let y = a[mid];
    const z = a[hi];
    if (x > y) [x, y] = [y, x];
    const pivot = z < x ? x : z > y ? y : z;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Places every rank of `ks` (ascending) as if a[lo..hi] were sorted: select the middle rank, recurse. */
function multiselect(a: Float64Array, ks: number[], lo: number, hi: number): void {
  if (ks.length === 0 || lo >= hi) return;
  const mid = ks.length >> 1;
  const k = ks[mid];
  select(a, k, lo, hi);
  multiselect(a, ks.slice(0, mid), lo, k - 1);
  multiselect(a, ks.slice(mid + 1), k + 1, hi);
}

/**
 * Type-7 quantiles of a sample at several probabilities, by selection (O(n) each) rather than a full
 * sort. `scratch` (length ≥ x.length) avoids an allocation; x itself is not modified.
 */
export function quantiles(x: ArrayLike<number>, ps: readonly number[], scratch?: Float64Array): number[] {
  const n = x.length;
  if (n === 0) return ps.map(() => NaN);
  const a = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  if (x instanceof Float64Array) a.set(x);
  else for (let i = 0; i < n; i++) a[i] = x[i];
  return quantilesInPlace(a, ps);
}

/**
 * Type-7 quantiles of `a` at several probabilities, rearranging `a` (no copy). Only the lower order
 * statistic of each probability is selected; the next one up is the smallest value between it and the
 * next selected rank, found by a scan. Same values as sorting.
 */
export function quantilesInPlace(a: Float64Array, ps: readonly number[]): number[] {
  const n = a.length;
  const out = new Array<number>(ps.length);
  if (n === 0) return out.fill(NaN);
  const ks: number[] = [];
  for (const p of ps) {
    const k = Math.floor((n - 1) * p);
    if (!ks.includes(k)) ks.push(k);
  }
  ks.sort((u, v) => u - v);
  multiselect(a, ks, 0, n - 1);
  // After the selection every value between two selected ranks lies between their values, so the
  // next order statistic above a selected rank is the smallest value up to the next selected rank.
  const above = new Array<number>(ks.length);
  for (let j = 0; j < ks.length; j++) {
    const k = ks[j];
    const end = j + 1 < ks.length ? ks[j + 1] : n - 1;
    let m = k + 1 < n ? a[k + 1] : a[k];
    for (let i = k + 2; i <= end; i++) {
      const v = a[i];
      if (v < m) m = v;
    }
    above[j] = m;
  }
  for (let q = 0; q < ps.length; q++) {
    const h = (n - 1) * ps[q];
    const lo = Math.floor(h);
    const next = lo + 1 < n ? above[ks.indexOf(lo)] : a[lo];
    out[q] = a[lo] + (h - lo) * (next - a[lo]);
  }
  return out;
}

/** Type-7 quantile of an unsorted sample. */
export function quantile(x: ArrayLike<number>, p: number): number {
  return quantiles(x, [p])[0];
}

export interface Histogram {
  /** Bin edges, length bins + 1. */
  edges: number[];
  /** Counts per bin; the last bin includes its upper edge. */
  counts: number[];
}

/** Equal-width histogram over [min, max]; values outside are ignored. */
export function histogram(x: ArrayLike<number>, min: number, max: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= min && v <= max)) continue;
    counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  return { edges, counts };
}
