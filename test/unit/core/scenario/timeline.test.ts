import { describe, expect, it } from 'vitest';
import {
  capacityAt,
  gridKnotWeights,
  growthAnchors,
  growthWeights,
  patternRegex,
  rampAt,
} from '../../../../src/core/scenario/timeline';

describe('timeline helpers', () => {
  it('ramps a lever in from its start year to its target year', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((t) => rampAt(t, 2025, 2027))).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect([2029, 2030, 2031].map((t) => rampAt(t, 2030, 2030))).toEqual([0, 1, 1]);
  });

  it('interpolates the grid path through its knots with a natural cubic spline, smooth at the knots', () => {
    const times = [2024, 2030, 2045, 2060];
    times.forEach((t, k) =>
      expect(gridKnotWeights(t, 2024)).toEqual([0, 1, 2, 3].map((j) => (j === k ? 1 : 0))),
    );
    expect(gridKnotWeights(2070, 2024)).toEqual([0, 0, 0, 1]);
    for (let t = 2024; t <= 2060; t += 0.5) {
      const w = gridKnotWeights(t, 2024);
      // A spline reproduces constants and straight lines exactly.
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(w.reduce((a, x, k) => a + x * times[k], 0)).toBeCloseTo(t, 9);
    }
    // No kink at 2030: the slopes just left and right of the knot agree (a straight-segment path
    // has slopes −0.015 and −0.0147 per year here).
    const knots = [0.53, 0.44, 0.22, 0.04];
    const G = (t: number) => gridKnotWeights(t, 2024).reduce((a, x, k) => a + x * knots[k], 0);
    const h = 1e-4;
    const left = (G(2030) - G(2030 - h)) / h;
    const right = (G(2030 + h) - G(2030)) / h;
    expect(Math.abs(left - right)).toBeLessThan(1e-5);
    // A base year after 2030 skips the 2030 knot.
    expect(gridKnotWeights(2034, 2032)[1]).toBe(0);
    expect(gridKnotWeights(2045, 2032)).toEqual([0, 0, 1, 0]);
  });

  it("interpolates growth rates between the periods' centres, continuous in time", () => {
    expect(growthAnchors(2024)).toEqual([2027.5, 2035.5, 2050.5]);
    expect(growthWeights(2025, 2024)).toEqual([1, 0, 0]);
    expect(growthWeights(2031.5, 2024)).toEqual([0.5, 0.5, 0]);
    expect(growthWeights(2043, 2024)).toEqual([0, 0.5, 0.5]);
    expect(growthWeights(2060, 2024)).toEqual([0, 0, 1]);
    for (let t = 2025; t <= 2060; t++) {
      const w = growthWeights(t, 2024);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // No jump from one year to the next larger than one year's share of the interpolation.
      const prev = growthWeights(t - 1, 2024);
      w.forEach((x, k) => expect(Math.abs(x - prev[k])).toBeLessThanOrEqual(1 / 7 + 1e-12));
    }
    // After 2030 the first period has passed: its draw weighs nothing.
    expect(growthWeights(2035, 2032)[0]).toBe(0);
  });

  it('plans PV capacity from zero in the base year, held after the last point', () => {
    const pts = [
      { year: 2026, mw: 10 },
      { year: 2030, mw: 30 },
    ];
    expect([2024, 2025, 2026, 2028, 2030, 2040].map((t) => capacityAt(t, 2024, pts))).toEqual([
      0, 5, 10, 20, 30, 30,
    ]);
    expect(capacityAt(2024, 2024, [{ year: 2020, mw: 4 }])).toBe(4);
  });

  it('matches input names with one-segment wildcards', () => {
    expect(patternRegex('growth.*.to2030').test('growth.chemicals.to2030')).toBe(true);
    expect(patternRegex('growth.*.to2030').test('growth.a.b.to2030')).toBe(false);
    expect(patternRegex('grid.y2030').test('gridxy2030')).toBe(false);
  });
});
