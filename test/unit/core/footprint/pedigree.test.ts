import { describe, expect, it } from 'vitest';
import {
  BASIC_VARIANCE,
  PEDIGREE_INDICATORS,
  PEDIGREE_VARIANCE,
  parsePedigree,
  pedigreeGsd,
  pedigreeSigma,
} from '../../../../src/core/footprint/pedigree';

/**
 * The ecoinvent v2 uncertainty factors (Frischknecht R et al. 2007, Overview and methodology,
 * ecoinvent report No. 1, pedigree-matrix table), published as squared geometric standard deviations
 * U = exp(2σ). The v3 guideline (Weidema et al. 2013) publishes the same factors as variances σ²;
 * both published tables must agree to their rounding.
 */
const V2_U: Record<(typeof PEDIGREE_INDICATORS)[number], number[]> = {
  reliability: [1.0, 1.05, 1.1, 1.2, 1.5],
  completeness: [1.0, 1.02, 1.05, 1.1, 1.2],
  temporal: [1.0, 1.03, 1.1, 1.2, 1.5],
  geographical: [1.0, 1.01, 1.02, 1.05, 1.1],
  technological: [1.0, 1.05, 1.2, 1.5, 2.0],
};

describe('pedigree matrix → geometric standard deviation', () => {
  it('the v3 variances are the published v2 factors U as (ln U / 2)², to the tables’ rounding', () => {
    for (const k of PEDIGREE_INDICATORS) {
      PEDIGREE_VARIANCE[k].forEach((v, i) => {
        const u = Math.exp(2 * Math.sqrt(v));
        expect(Math.abs(u - V2_U[k][i]) / V2_U[k][i], `${k} score ${i + 1}`).toBeLessThan(0.006);
      });
    }
  });

  it('basic uncertainties match the published v2 basic factors (1.05 demand and CO2, 2.00 transport)', () => {
    expect(Math.exp(2 * Math.sqrt(BASIC_VARIANCE.demand))).toBeCloseTo(1.05, 2);
    expect(Math.exp(2 * Math.sqrt(BASIC_VARIANCE.emission))).toBeCloseTo(1.05, 2);
    expect(Math.exp(2 * Math.sqrt(BASIC_VARIANCE.transport))).toBeCloseTo(2.0, 2);
  });

  it('combines basic and pedigree variances: hand-computed 12321 with basic 0.0006', () => {
    // σ² = 0.0006 + 0 (reliability 1) + 0.0001 (completeness 2) + 0.002 (temporal 3)
    //      + 0.000025 (geographical 2) + 0 (technology 1) = 0.002725
    const s = parsePedigree('12321')!;
    expect(pedigreeSigma(s, 0.0006)).toBeCloseTo(Math.sqrt(0.002725), 12);
    expect(pedigreeGsd(s, 0.0006)).toBeCloseTo(1.05359, 5);
    // Worst scores with transport basic: σ² = 0.12 + 0.04 + 0.008 + 0.04 + 0.002 + 0.12 = 0.33
    expect(pedigreeGsd(parsePedigree('55555')!, BASIC_VARIANCE.transport)).toBeCloseTo(
      Math.exp(Math.sqrt(0.33)),
      12,
    );
    // Best scores leave only the basic uncertainty.
    expect(pedigreeGsd(parsePedigree('11111')!, 0.0006)).toBeCloseTo(Math.exp(Math.sqrt(0.0006)), 12);
  });

  it('parses five digits in the usual spellings and rejects anything else', () => {
    expect(parsePedigree('(1,2,3,2,1)')).toEqual([1, 2, 3, 2, 1]);
    expect(parsePedigree(' 1 2 3 2 1 ')).toEqual([1, 2, 3, 2, 1]);
    for (const bad of ['1232', '123210', '62321', '1232a', '', '0,1,1,1,1'])
      expect(parsePedigree(bad)).toBeUndefined();
  });
});
