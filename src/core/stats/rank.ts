/** Ranks with average ties, Pearson and Spearman correlation. */

/** Little-endian platforms store a double's low word first; the radix ranks read the words directly. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const BITS = [11, 11, 10, 11, 11, 10]; // 64 key bits: three digits of the low word, three of the high word
const SHIFT = [0, 11, 22, 0, 11, 22];
const BUCKETS = 2048;

/**
 * Reusable work space for {@link rankInto}: about 32 bytes per value, grown on demand, so ranking many
 * samples of the same size allocates nothing after the first.
 */
export class RankScratch {
  #n = -1;
  values = new Float64Array(0);
  words = new Uint32Array(0);
  keys = [new Uint32Array(0), new Uint32Array(0)];
  hi = [new Uint32Array(0), new Uint32Array(0)];
  index = [new Uint32Array(0), new Uint32Array(0)];
  counts = new Uint32Array(6 * BUCKETS);
  single = new Float32Array(0);
  singleWords = new Uint32Array(0);
  counts32 = new Uint32Array(4 * 256);

  ensure(n: number): void {
    if (n <= this.#n) return;
    this.#n = n;
    this.values = new Float64Array(n);
    this.words = new Uint32Array(this.values.buffer);
    this.single = new Float32Array(n);
    this.singleWords = new Uint32Array(this.single.buffer);
    this.keys = [new Uint32Array(n), new Uint32Array(n)];
    this.hi = [new Uint32Array(n), new Uint32Array(n)];
    this.index = [new Uint32Array(n), new Uint32Array(n)];
  }
}

/** 1-based ranks with average ties by the classic method: a native sort of a copy, two binary searches per value. */
function ranksBySearch(x: ArrayLike<number>, r: Float64Array, sorted: Float64Array): Float64Array {
  const n = x.length;
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

/**
 * 1-based ranks of x into `out`, ties receiving the average of their ranks (−0 ties with +0), by an LSD
 * radix sort of the values' IEEE-754 bit patterns carrying the run indices: O(n), no comparisons,
 * and the same ranks as sorting. Samples holding NaN fall back to the sort-and-search method.
 */
export function rankInto(x: ArrayLike<number>, out: Float64Array, work: RankScratch): Float64Array {
  const n = x.length;
  const r = out.subarray(0, n);
  work.ensure(n);
  const values = work.values;
  let nan = false;
  let single = true;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) nan = true;
    else if (Math.fround(v) !== v) single = false;
    values[i] = v === 0 ? 0 : v; // −0 → +0: ties, as numbers
  }
  if (nan || !LITTLE_ENDIAN || n >= 2 ** 32) return ranksBySearch(x, r, values.subarray(0, n));
  if (single) return ranksOfSingles(values, n, r, work);

  // Order-preserving unsigned keys: flip every bit of negatives, only the sign bit of the others.
  const words = work.words;
  const counts = work.counts;
  counts.fill(0);
  let lo = work.keys[0];
  let hi = work.hi[0];
  let idx = work.index[0];
  for (let i = 0; i < n; i++) {
    let l = words[2 * i];
    let h = words[2 * i + 1];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
    idx[i] = i;
    counts[l & 2047]++;
    counts[BUCKETS + ((l >>> 11) & 2047)]++;
    counts[2 * BUCKETS + (l >>> 22)]++;
    counts[3 * BUCKETS + (h & 2047)]++;
    counts[4 * BUCKETS + ((h >>> 11) & 2047)]++;
    counts[5 * BUCKETS + (h >>> 22)]++;
  }
  let cur = 0;
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * BUCKETS;
    const size = 1 << BITS[pass];
    // A digit every value shares orders nothing: skip its pass.
    let skip = false;
    for (let b = 0; b < size; b++) {
      const c = counts[base + b];
      if (c === n) skip = true;
      if (c !== 0) break;
    }
    if (skip) continue;
    let sum = 0;
    for (let b = 0; b < size; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    const nextLo = work.keys[1 - cur];
    const nextHi = work.hi[1 - cur];
    const nextIdx = work.index[1 - cur];
    const shift = SHIFT[pass];
    const mask = size - 1;
    const src = pass < 3 ? lo : hi;
    for (let i = 0; i < n; i++) {
      const d = base + ((src[i] >>> shift) & mask);
      const at = counts[d]++;
      nextLo[at] = lo[i];
      nextHi[at] = hi[i];
      nextIdx[at] = idx[i];
    }
    cur = 1 - cur;
    lo = nextLo;
    hi = nextHi;
    idx = nextIdx;
  }
  // Equal keys are adjacent: positions first..last − 1 share the average rank (first + 1 + last) / 2.
  for (let first = 0; first < n;) {
    let last = first + 1;
    while (last < n && lo[last] === lo[first] && hi[last] === hi[first]) last++;
    const rank = (first + 1 + last) / 2;
    for (let k = first; k < last; k++) r[idx[k]] = rank;
    first = last;
  }
  return r;
}

/**
 * rankInto for values that are all exact in single precision (the kernel stores its results so): the
 * same LSD radix sort on 32-bit keys, four 8-bit digits (a quarter of the passes and a table that stays
 * in L1): faster than the 64-bit path, most of all for small samples (`npm run bench`).
 */
function ranksOfSingles(values: Float64Array, n: number, r: Float64Array, work: RankScratch): Float64Array {
  const single = work.single;
  const words = work.singleWords;
  const counts = work.counts32;
  counts.fill(0);
  for (let i = 0; i < n; i++) single[i] = values[i];
  let keys = work.keys[0];
  let idx = work.index[0];
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const k = w & 0x80000000 ? ~w >>> 0 : (w | 0x80000000) >>> 0;
    keys[i] = k;
    idx[i] = i;
    counts[k & 255]++;
    counts[256 + ((k >>> 8) & 255)]++;
    counts[512 + ((k >>> 16) & 255)]++;
    counts[768 + (k >>> 24)]++;
  }
  let nextKeys = work.keys[1];
  let nextIdx = work.index[1];
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    const shift = pass * 8;
    let skip = false;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b];
      if (c === n) skip = true;
      if (c !== 0) break;
    }
    if (skip) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const at = counts[base + ((k >>> shift) & 255)]++;
      nextKeys[at] = k;
      nextIdx[at] = idx[i];
    }
    const k = keys;
    keys = nextKeys;
    nextKeys = k;
    const j = idx;
    idx = nextIdx;
    nextIdx = j;
  }
  for (let first = 0; first < n;) {
    let last = first + 1;
    while (last < n && keys[last] === keys[first]) last++;
    const rank = (first + 1 + last) / 2;
    for (let k = first; k < last; k++) r[idx[k]] = rank;
    first = last;
  }
  return r;
}

/**
 * The work space `ranks` uses when given none (grown to the largest sample it ranked). Held for the life
 * of the module also because compiled code is specialised to RankScratch's hidden class, which a class
 * instance reaches only through weak links: with no instance alive (between two summaries) the garbage
 * collector drops it, and V8 throws away the ranking code compiled for it, to compile it again.
 */
const SHARED_SCRATCH = new RankScratch();

/**
 * 1-based ranks of x, ties receiving the average of their ranks. `out` (length ≥ n) receives them;
 * `scratch` (default: one shared work space) makes ranking many samples allocate nothing.
 */
export function ranks(x: ArrayLike<number>, out?: Float64Array, scratch?: RankScratch): Float64Array {
  const n = x.length;
  const r = out && out.length >= n ? out.subarray(0, n) : new Float64Array(n);
  return rankInto(x, r, scratch ?? SHARED_SCRATCH);
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
