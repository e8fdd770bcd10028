import { describe, expect, it } from 'vitest';
import {
  quantileSorted,
  quantiles,
  quantilesInPlace,
  rankInto,
  RankScratch,
  ranks,
} from '../../../../src/core/stats';

/** Average ranks the slow, obvious way: for each value, count smaller and equal values. */
function naiveRanks(x: ArrayLike<number>): number[] {
  const a = Array.from(x);
  return a.map((v) => {
    let less = 0;
    let equal = 0;
    for (const u of a) {
      if (u < v) less++;
      else if (u === v) equal++;
    }
    return less + (equal + 1) / 2;
  });
}

/** A deterministic generator (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('radix ranks', () => {
  it('equal the average ranks by counting, with ties, negatives, ±0, infinities and tiny values', () => {
    const rnd = lcg(7);
    const work = new RankScratch();
    const samples: number[][] = [
      [],
      [3],
      [0, -0, 0, -0, 1, -1],
      [Infinity, -Infinity, 5, -5, Number.MIN_VALUE, -Number.MIN_VALUE, 0, 1e308, -1e308],
      Array.from({ length: 500 }, () => Math.round(rnd() * 20) - 10),
      Array.from({ length: 700 }, () => (rnd() - 0.5) * 1e6),
      Array.from({ length: 300 }, () => 1 + rnd() * 1e-12), // differ only in the low word
      Array.from({ length: 100 }, () => 2030), // one value: every pass skipped
      // All exact in single precision (the kernel's storage): the 32-bit path, with ties and signs.
      Array.from({ length: 900 }, () => Math.fround((rnd() - 0.5) * 1e4)),
      Array.from({ length: 600 }, () => Math.fround(Math.round(rnd() * 50) / 8 - 3)),
      [Math.fround(0.1), -Math.fround(0.1), 3.4028234663852886e38, -Infinity, 2 ** -149, -0, 0],
      // The same with one value that is not: the 64-bit path.
      [...Array.from({ length: 200 }, () => Math.fround(rnd())), 0.1],
    ];
    for (const x of samples) {
      const out = new Float64Array(x.length);
      expect(Array.from(rankInto(x, out, work))).toEqual(naiveRanks(x));
      expect(Array.from(ranks(x))).toEqual(naiveRanks(x));
    }
  });

  it('falls back to sorting when a sample holds NaN, and reuses its work space across sizes', () => {
    const work = new RankScratch();
    const big = Float64Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1009);
    expect(Array.from(rankInto(big, new Float64Array(2000), work))).toEqual(naiveRanks(big));
    const small = [4, 1, 3];
    expect(Array.from(rankInto(small, new Float64Array(3), work))).toEqual([3, 1, 2]);
    const withNaN = rankInto([2, NaN, 1], new Float64Array(3), work);
    expect(withNaN[0]).toBe(2);
    expect(withNaN[2]).toBe(1);
  });
});

describe('quantiles in place', () => {
  it('give the sorted-sample quantiles for any size, with ties', () => {
    const rnd = lcg(11);
    const ps = [0.05, 0.25, 0.5, 0.75, 0.95, 0, 1];
    for (const n of [1, 2, 3, 7, 20, 101, 1000, 4321]) {
      for (const tied of [false, true]) {
        const x = Float64Array.from({ length: n }, () => (tied ? Math.round(rnd() * 5) : rnd() * 100 - 50));
        const sorted = x.slice().sort();
        const want = ps.map((p) => quantileSorted(sorted, p));
        expect(quantiles(x, ps)).toEqual(want);
        expect(quantilesInPlace(x.slice(), ps)).toEqual(want);
      }
    }
    expect(quantilesInPlace(new Float64Array(0), [0.5])).toEqual([NaN]);
  });
});
