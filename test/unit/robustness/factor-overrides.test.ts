import { describe, expect, it } from 'vitest';
import { FactorLibrary, type FactorOverride } from '../../../src/core/accounting/index';
import { InputError } from '../../../src/core/errors';
import { EMISSION_FACTORS } from '../../../src/core/reference/index';

const refused = (rows: FactorOverride[]): string[] => {
  try {
    FactorLibrary.standard().withOverrides(rows);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.map((p) => `${p.row ?? '-'} ${p.column}: ${p.reason}`);
  }
  throw new Error('expected the overrides to be refused');
};
const gas = (row: number, tco2: number | null, unit = 'm3'): FactorOverride => ({
  carrier: 'natural_gas',
  unit,
  tco2_per_unit: tco2,
  tce_per_unit: null,
  source: 'f.csv',
  row,
});

describe('factor overrides: bounds and repeats, named by row when the reader gives rows', () => {
  it('names both rows of a carrier listed twice', () => {
    expect(refused([gas(2, 0.0021), gas(5, 0.0021)])).toEqual([
      '5 carrier: natural_gas is listed more than once (first at row 2); give one factor per carrier',
    ]);
  });

  it('scales the plausible bound to the row unit: per m3, per 10^4 m3', () => {
    expect(refused([gas(2, 0.03)])).toEqual([
      '2 tco2_per_unit: natural_gas: tco2_per_unit 0.03 per m3 is implausible (at most 0.02; docs/robustness.md)',
    ]);
    // 21.6 t per 10^4 m3 is the library's own value: accepted.
    expect(() => FactorLibrary.standard().withOverrides([gas(2, 21.6, '10^4 m3')])).not.toThrow();
    expect(refused([gas(2, 300, '10^4 m3')])).toEqual([
      '2 tco2_per_unit: natural_gas: tco2_per_unit 300 per 10^4 m3 is implausible (at most 200; docs/robustness.md)',
    ]);
  });

  it('refuses negative and non-finite factors, every one at once', () => {
    expect(refused([gas(2, -1), gas(3, Infinity, '10^4 m3')])).toEqual([
      '2 tco2_per_unit: natural_gas: tco2_per_unit -1 is negative; factors are ≥ 0',
      '3 carrier: natural_gas is listed more than once (first at row 2); give one factor per carrier',
      '3 tco2_per_unit: natural_gas: tco2_per_unit is not a finite number',
    ]);
  });

  it('accepts every factor of the bundled library, in its own unit (the bounds refuse no real value)', () => {
    const rows: FactorOverride[] = EMISSION_FACTORS.map((e) => ({
      carrier: e.carrier,
      unit: e.unit,
      tco2_per_unit: Math.max(
        e.scope1_tco2_per_unit,
        e.scope2_tco2_per_unit ?? 0,
        e.deduction_tco2_per_unit ?? 0,
        e.biogenic_tco2_per_unit,
      ),
      tce_per_unit: e.tce_per_unit,
    }));
    expect(rows.length).toBeGreaterThan(10);
    expect(() => FactorLibrary.standard().withOverrides(rows)).not.toThrow();
  });
});
