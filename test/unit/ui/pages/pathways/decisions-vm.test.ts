/**
 * View models of the target and cost panels: P(met) at the precision its standard error supports, the
 * gap's direction, target markers at base-year median × (1 − reduction), MACC years and bars, money units.
 */
import { describe, expect, it } from 'vitest';
import {
  intensityChartData,
  investmentRows,
  maccBars,
  maccYears,
  pmetDigits,
  targetRows,
} from '../../../../../src/ui/pages/pathways/decisions-vm';
import { moneyDigits, moneyUnit } from '../../../../../src/ui/i18n/money';
import type { CostSummary, TargetSummary } from '../../../../../src/core/scenario/summary-decisions';

const target = (over: Partial<TargetSummary>): TargetSummary => ({
  id: 'fyp14_co2_intensity',
  metric: 'co2_intensity',
  base_year: 2020,
  target_year: 2025,
  reduction: 0.18,
  max: null,
  p_met: 0.624,
  p_met_se: 0.011,
  gap_p50: -0.0033,
  source: 'Outline of the 14th Five-Year Plan',
  placeholder: false,
  ...over,
});

describe('targets', () => {
  it('shows P(met) to the decimal its standard error supports', () => {
    expect(pmetDigits(0.011)).toBe(1); // 62.4 ± 1.1
    expect(pmetDigits(0.0021)).toBe(2); // 99.15 ± 0.21
    expect(pmetDigits(0.15)).toBe(0); // 62 ± 15
    expect(pmetDigits(0)).toBe(1);
  });

  it('reads the gap per metric and marks placeholders and the park’s own values', () => {
    const rows = targetRows([
      target({}),
      target({
        id: 'fyp15_energy_intensity',
        metric: 'energy_intensity',
        gap_p50: 0.1013,
        placeholder: true,
      }),
      target({ id: 'peak_2030', metric: 'peak', base_year: null, reduction: null, gap_p50: -2 }),
      target({
        id: 'cap_emissions_2035',
        metric: 'emissions_cap',
        gap_p50: 12_000,
        source: 'Set by the park (targets.caps).',
      }),
      target({ id: 'x', p_met: null, p_met_se: null, gap_p50: null, note: 'No data for 2020.' }),
    ]);
    expect(rows.map((r) => [r.plan, r.gap?.kind, r.placeholder, r.ownValue])).toEqual([
      ['fyp14', 'short', false, false],
      ['fyp15', 'more', true, false],
      [null, 'late', false, false],
      [null, 'under', false, true],
      [null, undefined, false, false],
    ]);
    expect(rows[0].gap!.value).toBeCloseTo(0.33, 10);
    expect(rows[4].note).toBe('No data for 2020.');
  });

  it('puts a marker at the base year’s value × (1 − reduction), from the history or the projection', () => {
    const summary = {
      years: [2024, 2025, 2030],
      targets: [
        target({}),
        target({ id: 'fyp15_co2_intensity', base_year: 2025, target_year: 2030, reduction: 0.2 }),
        target({ id: 'fyp14_energy_intensity', metric: 'energy_intensity' }),
      ],
      intensity_paths: {
        intensity_tco2_per_10k_cny: {
          p5: [0.7, 0.6, 0.4],
          p25: [0, 0, 0],
          p50: [0.8, 0.7, 0.5],
          p75: [0, 0, 0],
          p95: [0.9, 0.8, 0.6],
          mean: [0, 0, 0],
        },
        energy_intensity: { p5: [], p25: [], p50: [], p75: [], p95: [], mean: [] },
        history: { years: [2020, 2023], tco2_per_10k_cny: [1, 0.85], tce_per_10k_cny: [0.5, 0.45] },
      },
    };
    const d = intensityChartData(summary, 'co2_intensity', (t) => t.id)!;
    expect(d.years).toEqual([2020, 2023, 2024, 2025, 2030]);
    expect(d.history).toEqual([1, 0.85, 0.8, null, null]);
    expect(d.p50).toEqual([null, null, 0.8, 0.7, 0.5]);
    expect(d.targets).toEqual([
      { year: 2025, value: expect.closeTo(0.82, 10), label: 'fyp14_co2_intensity' },
      { year: 2030, value: expect.closeTo(0.56, 10), label: 'fyp15_co2_intensity' },
    ]);
    expect(
      intensityChartData({ ...summary, intensity_paths: null }, 'co2_intensity', (t) => t.id),
    ).toBeNull();
  });
});

describe('costs', () => {
  const costs = {
    investment_cny_by_period: {
      '2025-2030': { p5: 1, p50: 2, p95: 3, mean: 2 },
      '2031-2035': { p5: 4, p50: 5, p95: 6, mean: 5 },
    },
    macc: {
      runs: 2000,
      by_year: {
        '2035': [],
        '2030': [{ lever: 'rooftop_pv', avoided_tco2: 10, cny_per_tco2: { p5: 1, p50: 2, p95: 3 } }],
      },
    },
  } as unknown as CostSummary;

  it('offers the MACC years in order and its bars named by the caller', () => {
    expect(maccYears(costs)).toEqual(['2030', '2035']);
    expect(maccYears(null)).toEqual([]);
    expect(maccBars(costs, '2030', (l) => `<${l}>`)).toEqual([
      { key: 'rooftop_pv', name: '<rooftop_pv>', avoided: 10, p5: 1, p50: 2, p95: 3 },
    ]);
    expect(maccBars(costs, '2035', String)).toEqual([]);
  });

  it('lists investment by period in order with an en dash', () => {
    expect(investmentRows(costs).map((r) => [r.period, r.p50])).toEqual([
      ['2025–2030', 2],
      ['2031–2035', 5],
    ]);
  });

  it('chooses 万元/亿元 in Chinese and CNY million/billion in English by the largest amount', () => {
    expect(moneyUnit('zh', 1.1e10)).toEqual({ divisor: 1e8, key: 'dec.money.yi' });
    expect(moneyUnit('zh', 5e7)).toEqual({ divisor: 1e4, key: 'dec.money.wan' });
    expect(moneyUnit('en', -1.9e10)).toEqual({ divisor: 1e9, key: 'dec.money.billion' });
    expect(moneyUnit('en', 5e8)).toEqual({ divisor: 1e6, key: 'dec.money.million' });
    expect(moneyDigits(moneyUnit('zh', 1.9e10), 1.9e10)).toBe(0); // 190 亿元
    expect(moneyDigits(moneyUnit('en', 1.9e10), 1.9e10)).toBe(1); // 19.0 billion
  });
});
