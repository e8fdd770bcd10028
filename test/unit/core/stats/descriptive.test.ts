import { describe, expect, it } from 'vitest';
import {
  cholesky,
  histogram,
  mean,
  pearson,
  pearsonToSpearman,
  quantile,
  quantiles,
  quantileSorted,
  ranks,
  spearman,
  spearmanToPearson,
  variance,
} from '../../../../src/core/stats';

describe('descriptive statistics', () => {
  it('computes type-7 quantiles like R', () => {
    // R: quantile(1:10, c(0.05, 0.25, 0.5, 0.9)) = 1.45 3.25 5.50 9.10
    const x = Float64Array.from([7, 1, 10, 3, 5, 2, 9, 4, 8, 6]);
    expect(quantiles(x, [0.05, 0.25, 0.5, 0.9]).map((v) => +v.toFixed(10))).toEqual([1.45, 3.25, 5.5, 9.1]);
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 1)).toBe(10);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(Array.from(x)).toEqual([7, 1, 10, 3, 5, 2, 9, 4, 8, 6]); // input untouched
  });

  it('agrees with sorting on random data with ties', () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 101) / 7);
    const sorted = x.slice().sort();
    const ps = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
    expect(quantiles(x, ps)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
  });

  it('computes mean, variance and histograms', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    const h = histogram([0, 0.5, 1, 1.5, 2, 5], 0, 2, 2);
    expect(h.counts).toEqual([2, 3]);
    expect(h.edges).toEqual([0, 1, 2]);
  });

  it('ranks with average ties', () => {
    expect(Array.from(ranks([10, 20, 20, 5, 20]))).toEqual([2, 4, 4, 1, 4]);
  });

  it('computes Pearson and Spearman correlation', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 15);
    // Spearman with ties (hand computed: ranks x = 1, 2.5, 2.5, 4; y = 1, 2, 3, 4).
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 14);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('copula helpers', () => {
  it('converts Spearman to Pearson and back', () => {
    expect(spearmanToPearson(1)).toBeCloseTo(1, 15);
    expect(spearmanToPearson(0.5)).toBeCloseTo(2 * Math.sin(Math.PI / 12), 15);
    for (const rho of [-0.9, -0.3, 0, 0.4, 0.8])
      expect(pearsonToSpearman(spearmanToPearson(rho))).toBeCloseTo(rho, 14);
  });

  it('factors a positive-definite matrix and refuses one that is not', () => {
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.SQRT2]);
    expect(cholesky(Float64Array.from([1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1]), 3)).toBeNull();
  });
});
