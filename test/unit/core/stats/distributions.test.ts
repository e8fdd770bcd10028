import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../../src/core/random';
import {
  compileDist,
  distQuantile,
  isFixed,
  lognormalFromMeanSd,
  lognormalFromMedianP95,
  mean,
  normalCdf,
  quantileOf,
  sd,
  type Dist,
} from '../../../../src/core/stats';

function sample(d: Dist, n: number, seed = 1): Float64Array {
  const c = compileDist(d);
  const r = new Sfc32(seed, 0);
  return Float64Array.from({ length: n }, () => quantileOf(c.code, ...c.p, r.nextDouble()));
}

describe('distributions', () => {
  it('gives known quantiles', () => {
    expect(distQuantile({ kind: 'fixed', value: 3 }, 0.9)).toBe(3);
    expect(distQuantile({ kind: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
    // Triangular(0, 1, 2): symmetric, F(1) = 0.5; F(x) = x²/2 below the mode.
    expect(distQuantile({ kind: 'triangular', min: 0, mode: 1, max: 2 }, 0.5)).toBeCloseTo(1, 14);
    expect(distQuantile({ kind: 'triangular', min: 0, mode: 1, max: 2 }, 0.125)).toBeCloseTo(0.5, 14);
    expect(distQuantile({ kind: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(
      10 + 2 * 1.959963984540054,
      12,
    );
  });

  it('parametrizes the lognormal by median and p95, or by mean and sd', () => {
    const a = lognormalFromMedianP95(0.05, 0.08);
    expect(distQuantile(a, 0.5)).toBeCloseTo(0.05, 14);
    expect(distQuantile(a, 0.95)).toBeCloseTo(0.08, 12);
    const b = lognormalFromMeanSd(100, 30);
    const x = sample(b, 200_000);
    expect(Math.abs(mean(x) - 100)).toBeLessThan((5 * 30) / Math.sqrt(x.length));
    expect(Math.abs(sd(x) - 30)).toBeLessThan(1.2); // SE of the sd of a lognormal with CV 0.3 ≈ 0.1
  });

  it('keeps a truncated normal inside its bounds with the right mass', () => {
    const d: Dist = { kind: 'normal', mean: 0.02, sd: 0.01, min: 0, max: 0.03 };
    const x = sample(d, 50_000);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThanOrEqual(0.03);
    // P(X ≤ 0.02 | 0 ≤ X ≤ 0.03) = (Φ(0) − Φ(−2)) / (Φ(1) − Φ(−2)).
    const p = (0.5 - normalCdf(-2)) / (normalCdf(1) - normalCdf(-2));
    const share = x.filter((v) => v <= 0.02).length / x.length;
    expect(Math.abs(share - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / x.length));
  });

  it('samples a truncation window far above the mean accurately and monotonically', () => {
    const d: Dist = { kind: 'normal', mean: 0, sd: 1, min: 6, max: 7 };
    let prev = -Infinity;
    for (let u = 0.01; u < 1; u += 0.01) {
      const v = distQuantile(d, u);
      expect(v).toBeGreaterThanOrEqual(6);
      expect(v).toBeLessThanOrEqual(7);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });

  it('matches the moments of uniform and triangular samples (5 standard errors)', () => {
    const n = 100_000;
    const u = sample({ kind: 'uniform', min: -1, max: 3 }, n, 2);
    expect(Math.abs(mean(u) - 1)).toBeLessThan(5 * Math.sqrt(16 / 12 / n));
    // Triangular(a, c, b): mean (a + b + c)/3, variance (a² + b² + c² − ab − ac − bc)/18.
    const t = sample({ kind: 'triangular', min: 1, mode: 2, max: 6 }, n, 3);
    const v = (1 + 36 + 4 - 6 - 2 - 12) / 18;
    expect(Math.abs(mean(t) - 3)).toBeLessThan(5 * Math.sqrt(v / n));
  });

  it('knows which distributions are fixed', () => {
    expect(isFixed({ kind: 'fixed', value: 1 })).toBe(true);
    expect(isFixed({ kind: 'uniform', min: 1, max: 1 })).toBe(true);
    expect(isFixed({ kind: 'normal', mean: 1, sd: 0.1 })).toBe(false);
  });
});
