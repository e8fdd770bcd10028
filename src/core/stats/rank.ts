/** Ranks with average ties, Pearson and Spearman correlation. */

/**
 * 1-based ranks of x, ties receiving the average of their ranks. A native sort of a copy plus two
 * binary searches per value: much faster than sorting indices with a comparator.
 */
export function ranks(x: ArrayLike<number>, out?: Float64Array, scratch?: Float64Array): Float64Array {
  const n = x.length;
  const r = out && out.length >= n ? out.subarray(0, n) : new Float64Array(n);
  const sorted = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = x[i];
  sorted.sort();
  for (let i = 0; i < n; i++) {
    const v = x[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (sorted[m] < v) lo = m + 1;
      else hi = m;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (sorted[m] <= v) lo = m + 1;
      else hi = m;
    }
    // Values first..lo-1 equal v: ranks first+1..lo, average (first + 1 + lo) / 2.
    r[i] = (first + 1 + lo) / 2;
  }
  return r;
}

/** Pearson correlation; NaN when either sample is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length) throw new Error('pearson: samples differ in length');
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation (Pearson on average ranks); NaN when either sample is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}
