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

const BUCKETS = 1024;
const counts = new Int32Array(BUCKETS + 1);
const pending = new Int32Array(BUCKETS);
let bucketBuf = new Float64Array(0);

/**
 * Order statistics `ranks` (ascending) of a finite, non-constant sample through a histogram: values
 * are put into equal-width buckets between min and max (bucket index is a monotone function of the
 * value, so bucket order is value order), then only the buckets holding a wanted rank are collected
 * and sorted. Two branch-light passes instead of repeated partitioning; exact. Null when a wanted
 * bucket is too crowded to be worth it (the caller then selects).
 */
function byHistogram(a: Float64Array, ranks: number[], min: number, max: number): number[] | null {
  const n = a.length;
  const scale = BUCKETS / (max - min);
  if (!Number.isFinite(scale) || scale <= 0) return null;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = ((a[i] - min) * scale) | 0;
    counts[b < BUCKETS ? b : BUCKETS - 1]++;
  }
  // Bucket of each wanted rank; starts of the buckets (prefix sums) in `counts`, shifted by one.
  let sum = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
  counts[BUCKETS] = n;
  const bucketOf = ranks.map((k) => {
    let lo = 0;
    let hi = BUCKETS - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      if (counts[m] <= k) lo = m;
      else hi = m - 1;
    }
    return lo;
  });
  const wanted = [...new Set(bucketOf)];
  let total = 0;
  pending.fill(-1);
  for (const b of wanted) {
    const size = (b + 1 < BUCKETS ? counts[b + 1] : n) - counts[b];
    if (size > 64 && size > n >> 3) return null;
    pending[b] = total;
    total += size;
  }
  if (bucketBuf.length < total) bucketBuf = new Float64Array(Math.max(total, 2 * bucketBuf.length));
  const buf = bucketBuf;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    let b = ((v - min) * scale) | 0;
    if (b >= BUCKETS) b = BUCKETS - 1;
    const at = pending[b];
    if (at >= 0) {
      buf[at] = v;
      pending[b] = at + 1;
    }
  }
  // Each wanted bucket's values now fill [offset, offset + size): sort them and read the ranks.
  let offset = 0;
  const sortedAt = new Map<number, number>();
  for (const b of wanted) {
    const size = (b + 1 < BUCKETS ? counts[b + 1] : n) - counts[b];
    buf.subarray(offset, offset + size).sort();
    sortedAt.set(b, offset);
    offset += size;
  }
  return ranks.map((k, j) => buf[sortedAt.get(bucketOf[j])! + k - counts[bucketOf[j]]]);
}

/**
 * Type-7 quantiles of `a` at several probabilities; `a` may be rearranged (no copy). Large samples go
 * through a histogram of their range (byHistogram), others through selection: only the lower order
 * statistic of each probability is selected, the next one up being the smallest value between it and
 * the next selected rank. Same values as sorting.
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
  const rank = (lo: number) => ks.indexOf(lo);
  let at: number[] | null = null; // value at each rank of ks
  let above: number[] | null = null; // value at the rank after each rank of ks
  if (n >= 512) {
    let min = a[0];
    let max = a[0];
    for (let i = 1; i < n; i++) {
      const v = a[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min < max && Number.isFinite(min) && Number.isFinite(max)) {
      const all = [...new Set(ks.flatMap((k) => [k, Math.min(k + 1, n - 1)]))].sort((u, v) => u - v);
      const values = byHistogram(a, all, min, max);
      if (values) {
        at = ks.map((k) => values[all.indexOf(k)]);
        above = ks.map((k) => values[all.indexOf(Math.min(k + 1, n - 1))]);
      }
    }
  }
  if (!at || !above) {
    multiselect(a, ks, 0, n - 1);
    // After the selection every value between two selected ranks lies between their values, so the
    // next order statistic above a selected rank is the smallest value up to the next selected rank.
    at = ks.map((k) => a[k]);
    above = new Array<number>(ks.length);
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
  }
  for (let q = 0; q < ps.length; q++) {
    const h = (n - 1) * ps[q];
    const lo = Math.floor(h);
    const j = rank(lo);
    const base = at[j];
    const next = lo + 1 < n ? above[j] : base;
    out[q] = base + (h - lo) * (next - base);
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
