import { describe, expect, it } from 'vitest';
import { baselineFromRows, baselineTotals } from '../../../../src/core/scenario/baseline';
import { handBaseline, handCoefficients } from './fixtures';

describe('park baseline', () => {
  it('orders sectors as in sectors.ts and always includes the carriers levers create', () => {
    const b = handBaseline();
    expect(b.sectors).toEqual(['electronics', 'chemicals', 'textiles', 'chp']);
    expect(b.carriers).toContain('natural_gas');
    expect(b.carriers).toContain('green_electricity');
    expect(Array.from(b.output)).toEqual([800000, 300000, 100000, 50000]);
  });

  it('computes the base year in the park boundary (hand arithmetic)', () => {
    const t = baselineTotals(handBaseline());
    // electronics: 8000 × 5.306 + 50 × 21.6 = 43 528 (green power and PV at 0)
    // chemicals: 2000 × 1.9 + 300 × 21.6 + 50 × 3.1 + 3000 × 5.306 + 5000 = 31 353 (CHP steam excluded)
    // textiles: 1500 × 5.306 + 10 000 × 0.11 = 9 059
    // chp: 1500 × 21.6 + 100 × 5.306 − 2000 × 5.306 − (360 000 − 330 000) × 0.11 = 19 018.6
    expect(Array.from(t.bySector).map((v) => +v.toFixed(6))).toEqual([43528, 31353, 9059, 19018.6]);
    expect(t.totalTco2).toBeCloseTo(102958.6, 6);
  });

  it('keeps only the heat export that leaves the park', () => {
    const b = handBaseline();
    const hx = b.carriers.indexOf('heat_export');
    expect(b.activity[3 * b.carriers.length + hx]).toBeCloseTo(30000, 9);
    const hip = b.carriers.indexOf('heat_in_park');
    expect(b.tco2PerUnit[hip]).toBe(0);
    expect(b.tcePerUnit[hip]).toBe(0);
  });

  it('rejects unknown carriers, negative amounts and mismatched units', () => {
    const meta = { datasetId: 'x', year: 2024 };
    expect(() =>
      baselineFromRows([{ sector: 'food', carrier: 'plutonium', amount: 1 }], {}, handCoefficients, meta),
    ).toThrow(/Unknown carrier/);
    expect(() =>
      baselineFromRows([{ sector: 'food', carrier: 'diesel', amount: -1 }], {}, handCoefficients, meta),
    ).toThrow(/≥ 0/);
    const wrongUnit = (c: string) => ({ ...handCoefficients(c), unit: 'kWh' });
    expect(() =>
      baselineFromRows([{ sector: 'food', carrier: 'electricity', amount: 1 }], {}, wrongUnit, meta),
    ).toThrow(/per kWh/);
  });
});
