import { describe, expect, it } from 'vitest';
import {
  comparePaired,
  copyProduct,
  prepareProduct,
  sampleFootprint,
  summarizeFootprint,
  type Product,
} from '../../../../src/core/footprint/index';

const Z975 = 1.959963984540054;

function one(gsd: number, quantity = 2): Product {
  return {
    id: 'single',
    name_zh: '单一输入',
    name_en: 'single input',
    functional_unit_zh: '1 件',
    functional_unit_en: 'one',
    boundary: 'cradle_to_gate',
    factors: [{ id: 'x', unit: 'kg', kgco2e_per_unit: 5, gsd }],
    lines: [{ id: 'l', stage: 'materials', input: 'x', quantity, unit: 'kg' }],
  };
}

describe('footprint Monte Carlo', () => {
  it('a single input matches the analytical lognormal: median, 95 % range and mean', () => {
    const prepared = prepareProduct(one(1.3));
    const runs = 200_000;
    const s = summarizeFootprint(prepared, sampleFootprint(prepared, runs, 7), 7);
    // ln X ~ N(ln 10, σ²) with σ² = (ln 1.3)² + basic 0.0006 (the line's quantity).
    const sigma = Math.sqrt(Math.log(1.3) ** 2 + 0.0006);
    expect(s.total_kgco2e).toBe(10);
    expect(s.p50 / 10 - 1).toBeCloseTo(0, 2);
    expect(s.p2_5 / (10 * Math.exp(-Z975 * sigma)) - 1).toBeCloseTo(0, 2);
    expect(s.p97_5 / (10 * Math.exp(Z975 * sigma)) - 1).toBeCloseTo(0, 2);
    expect(s.mean / (10 * Math.exp(sigma ** 2 / 2)) - 1).toBeCloseTo(0, 2);
    // The line's own range is exact.
    expect(s.lines[0].p97_5).toBeCloseTo(10 * Math.exp(Z975 * sigma), 10);
    expect(s.lines[0].varianceShare).toBeCloseTo(1, 10);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(runs * 0.99);
  });

  it('is reproducible from the seed and changes with it', () => {
    const p = prepareProduct(one(1.2));
    expect(sampleFootprint(p, 1000, 3).totals).toEqual(sampleFootprint(p, 1000, 3).totals);
    expect(sampleFootprint(p, 1000, 3).totals).not.toEqual(sampleFootprint(p, 1000, 4).totals);
    // Run r is the same whatever the number of runs.
    expect(sampleFootprint(p, 500, 3).totals).toEqual(sampleFootprint(p, 1000, 3).totals.subarray(0, 500));
  });

  it('moves lines that share a factor together, and variance shares add up to 1', () => {
    const p: Product = {
      ...one(1.5),
      lines: [
        { id: 'a', stage: 'materials', input: 'x', quantity: 1, unit: 'kg' },
        { id: 'b', stage: 'materials', input: 'x', quantity: 1, unit: 'kg' },
      ],
    };
    const prepared = prepareProduct(p);
    const s = sampleFootprint(prepared, 20_000, 11);
    const a = s.lineValues.subarray(0, 20_000);
    const b = s.lineValues.subarray(20_000);
    // Same factor draw, different (small) quantity draws: nearly identical.
    let maxRatio = 0;
    for (let r = 0; r < a.length; r++) maxRatio = Math.max(maxRatio, Math.abs(Math.log(a[r] / b[r])));
    expect(maxRatio).toBeLessThan(0.2);
    const sum = summarizeFootprint(prepared, s, 11);
    expect(sum.lines.reduce((t, l) => t + l.varianceShare, 0)).toBeCloseTo(1, 10);
  });

  it('samples variants in pairs: a variant with one line lower is lower in every run', () => {
    const base: Product = {
      ...one(1.4),
      factors: [
        { id: 'x', unit: 'kg', kgco2e_per_unit: 5, gsd: 1.4 },
        { id: 'y', unit: 'kg', kgco2e_per_unit: 1, gsd: 1.6 },
      ],
      lines: [
        { id: 'metal', stage: 'materials', input: 'x', quantity: 1, unit: 'kg' },
        { id: 'rest', stage: 'materials', input: 'y', quantity: 3, unit: 'kg' },
      ],
    };
    const variant = copyProduct(base, 'v', '（变体）', ' (variant)');
    variant.lines[0].quantity = 0.8;
    const a = sampleFootprint(prepareProduct(base), 10_000, 5).totals;
    const b = sampleFootprint(prepareProduct(variant), 10_000, 5).totals;
    const c = comparePaired(a, b);
    expect(c.pLower).toBe(0); // base is never below its lighter variant
    expect(c.pHigher).toBe(1);
    // An unchanged copy ties in every run.
    const same = comparePaired(
      a,
      sampleFootprint(prepareProduct(copyProduct(base, 'w', '', '')), 10_000, 5).totals,
    );
    expect([same.pLower, same.pHigher, same.diffP50]).toEqual([0, 0, 0]);
    expect(comparePaired(b, a).pLower).toBe(1);
    expect(c.diffP97_5).toBeLessThan(0);
    // Unpaired (another seed for the variant), the ordering is far from certain.
    const unpaired = comparePaired(a, sampleFootprint(prepareProduct(variant), 10_000, 6).totals);
    expect(unpaired.pLower).toBeGreaterThan(0.2);
  });

  it('swapping the factor of a line keeps the line’s own draws (paired on what is shared)', () => {
    const base: Product = {
      ...one(1.3),
      factors: [
        { id: 'x', unit: 'kg', kgco2e_per_unit: 5, gsd: 1.3 },
        { id: 'x2', unit: 'kg', kgco2e_per_unit: 5, gsd: 1.3 },
      ],
    };
    const variant = copyProduct(base, 'v', '', '');
    variant.lines[0].input = 'x2';
    const a = sampleFootprint(prepareProduct(base), 2000, 9).totals;
    const b = sampleFootprint(prepareProduct(variant), 2000, 9).totals;
    expect(a).not.toEqual(b);
    expect(Math.abs(comparePaired(a, b).pLower - 0.5)).toBeLessThan(0.05);
  });
});
