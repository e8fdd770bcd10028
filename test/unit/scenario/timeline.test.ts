import { describe, expect, it } from 'vitest';
import { capacityAt, gridKnotWeights, patternRegex, rampAt } from '../../../src/core/scenario/timeline';

describe('timeline helpers', () => {
  it('ramps a lever in from its start year to its target year', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((t) => rampAt(t, 2025, 2027))).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect([2029, 2030, 2031].map((t) => rampAt(t, 2030, 2030))).toEqual([0, 1, 1]);
  });

  it('interpolates the grid path from the base year through 2030, 2045 and 2060', () => {
    expect(gridKnotWeights(2024, 2024)).toEqual([1, 0, 0, 0]);
    expect(gridKnotWeights(2027, 2024)).toEqual([0.5, 0.5, 0, 0]);
    gridKnotWeights(2040, 2024).forEach((w, k) => expect(w).toBeCloseTo([0, 1 / 3, 2 / 3, 0][k], 15));
    expect(gridKnotWeights(2070, 2024)).toEqual([0, 0, 0, 1]);
    // A base year after 2030 skips the 2030 knot.
    gridKnotWeights(2034, 2032).forEach((w, k) => expect(w).toBeCloseTo([11 / 13, 0, 2 / 13, 0][k], 15));
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
