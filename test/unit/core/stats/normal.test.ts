import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalInv, normalPdf } from '../../../../src/core/stats';

// Reference values: Python 3 statistics.NormalDist().inv_cdf (AS 241) and 0.5·math.erfc(−x/√2).
const INV: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798405],
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400538],
  [0.1, -1.2815515655446008],
  [0.3, -0.5244005127080407],
  [0.5, 0],
  [0.7, 0.5244005127080407],
  [0.975, 1.9599639845400536],
  [0.999999, 4.753424308817089],
];
const CDF: [number, number][] = [
  [-30, 4.906713927148764e-198],
  [-10, 7.619853024160593e-24],
  [-5, 2.866515718791946e-7],
  [-3, 0.0013498980316300957],
  [-1.5, 0.06680720126885809],
  [-0.3, 0.3820885778110474],
  [0, 0.5],
  [0.2, 0.579259709439103],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [4.5, 0.9999966023268753],
  [8, 0.9999999999999993],
];

const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('normal distribution', () => {
  it('inverts the CDF like AS 241 (1e-14 relative)', () => {
    for (const [p, x] of INV) expect(rel(normalInv(p), x)).toBeLessThan(1e-14);
    expect(normalInv(0)).toBe(-Infinity);
    expect(normalInv(1)).toBe(Infinity);
    expect(normalInv(1.2)).toBeNaN();
  });

  it('computes Φ to about 1e-14 relative, far tails included', () => {
    // In the tails the rounding of x/√2 is amplified by exp(−x²/2): allow 1e-15·x² there.
    for (const [x, p] of CDF) expect(rel(normalCdf(x), p)).toBeLessThan(Math.max(1e-14, 1e-15 * x * x));
  });

  it('round-trips Φ(Φ⁻¹(p))', () => {
    for (let p = 0.0005; p < 1; p += 0.0123) expect(rel(normalCdf(normalInv(p)), p)).toBeLessThan(1e-13);
  });

  it('has erfc(0) = 1, erfc symmetric about 1, and the standard density', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-0.7) + erfc(0.7)).toBeCloseTo(2, 15);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
  });
});
