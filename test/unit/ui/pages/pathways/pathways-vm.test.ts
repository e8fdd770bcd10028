import { describe, expect, it } from 'vitest';
import {
  breakdownAreas,
  fanData,
  groupTornadoRows,
  histogramMedian,
  probabilityDigits,
  sensitivityGroupsOf,
  leverWedges,
  pathwayKpis,
  peakHistogram,
  summaryJson,
  tornadoRows,
} from '../../../../../src/ui/pages/pathways/pathways-vm';
import { HISTORY, YEARS, handSummary } from './fixtures';

describe('fan data', () => {
  it('puts history before the base year and the bands from the base year on, aligned to one axis', () => {
    const f = fanData(handSummary(), HISTORY);
    expect(f.years).toEqual([2020, 2021, 2022, 2023, ...YEARS]);
    expect(f.baseYear).toBe(2024);
    expect(f.history).toEqual([80, 85, 90, 95, 100, null, null, null, null, null, null, null]);
    expect(f.gross.p50.slice(0, 5)).toEqual([null, null, null, null, 100]);
    expect(f.gross.p5[4]).toBe(90);
    expect(f.gross.p95[4]).toBe(110);
    expect(f.net.p25.at(-1)).toBe(-11);
    expect(f.net.p75.at(-1)).toBe(1);
  });

  it('works without history', () => {
    const f = fanData(handSummary());
    expect(f.years).toEqual(YEARS);
    expect(f.history.every((v) => v === null)).toBe(true);
  });
});

describe('peak year', () => {
  it('takes the median of a histogram as the first year reaching half the runs', () => {
    expect(histogramMedian({ 2025: 100, 2026: 500, 2027: 400 })).toBe(2026);
    expect(histogramMedian({ 2025: 500, 2026: 500 })).toBe(2025);
    expect(histogramMedian({ 2025: 0 })).toBeNaN();
  });

  it('trims the histogram to the occupied years plus one empty year either side', () => {
    const h = peakHistogram({ 2024: 0, 2025: 0, 2026: 3, 2027: 1, 2028: 0, 2029: 0 });
    expect(h.years).toEqual([2025, 2026, 2027, 2028]);
    expect(h.counts).toEqual([0, 3, 1, 0]);
    expect(h.shares).toEqual([0, 0.75, 0.25, 0]);
    expect(h.total).toBe(4);
    expect(peakHistogram({ 2024: 0 }).years).toEqual([]);
  });
});

describe('headline figures', () => {
  it('reads probabilities, peak, cumulative and intensity change from the summary', () => {
    const k = pathwayKpis(handSummary());
    expect(k.pPeakBy2030).toBe(0.9);
    expect(k.medianPeakYear).toBe(2026);
    expect(k.peakValue.p50).toBe(106);
    expect(k.pNeutralBy2060).toBe(0.35);
    expect(k.cumulative).toEqual({ p5: 1000, p50: 1200, p95: 1500, mean: 1220 });
    expect(k.intensity2030vs2020?.p50).toBe(-0.4);
    expect(k.intensity2030vs2025).toBeNull();
    expect(k.gross2030).toBe(96);
    expect(k.net2060).toBe(-5);
  });
});

describe('tornado rows', () => {
  it('keeps one output, drops constant inputs and sorts by |ρ|, largest first', () => {
    const rows = tornadoRows(handSummary().sensitivity, 'total_tco2_2030', (n) => n.toUpperCase());
    expect(rows.map((r) => r.input)).toEqual([
      'grid.y2030',
      'growth.chemicals.to2030',
      'intensity.chemicals',
    ]);
    expect(rows.map((r) => r.rho)).toEqual([-0.7, 0.4, -0.1]);
    expect(rows[0].label).toBe('GRID.Y2030');
    expect(tornadoRows(handSummary().sensitivity, 'total_tco2_2030', String, 2)).toHaveLength(2);
    expect(tornadoRows(handSummary().sensitivity, 'peak_year', String).map((r) => r.input)).toEqual([
      'grid.y2030',
    ]);
  });
});

describe('lever contributions', () => {
  it('keeps levers with an effect, from the first year after the base year', () => {
    const w = leverWedges(handSummary(), (l) => `#${l}`);
    expect(w.years).toEqual(YEARS.slice(1));
    expect(w.series).toEqual([
      { key: 'extra_efficiency', name: '#extra_efficiency', values: [1, 2, 3, 4, 5, 6, 20] },
    ]);
    expect(w.at2030[0]?.mean).toBe(6);
    expect(w.at2060[0]?.p95).toBe(25);
  });
});

describe('emissions by sector and carrier', () => {
  it('gives the mean areas (adding up to the mean total) and a 2030 / last-year table', () => {
    const s = handSummary();
    const b = breakdownAreas(s, 'sector', (c) => c.toUpperCase())!;
    expect(b.series.map((x) => x.name)).toEqual(['CHEMICALS', 'ELECTRONICS']);
    YEARS.forEach((_, y) => expect(b.series[0].values[y] + b.series[1].values[y]).toBe(s.total_tco2.mean[y]));
    expect(b.tableYears).toEqual([2030, 2060]);
    expect(b.rows[1].cells[1]).toEqual({ mean: 16, p5: 11, p95: 21 });
    const c = breakdownAreas(s, 'carrier', String)!;
    expect(c.series.at(-1)!.values[0]).toBeLessThan(0); // exports deducted
    // A key below zero in some year is stacked last, whatever its place in the summary.
    const mixed = { ...s.by_carrier_tco2!, keys: ['electricity_export', 'natural_gas'] };
    mixed.mean = [s.by_carrier_tco2!.mean[2], s.by_carrier_tco2!.mean[0]];
    const m = breakdownAreas({ ...s, by_carrier_tco2: mixed }, 'carrier', String)!;
    expect(m.series.map((x) => x.key)).toEqual(['natural_gas', 'electricity_export']);
    expect(m.rows.map((x) => x.key)).toEqual(['electricity_export', 'natural_gas']);
    expect(breakdownAreas({ ...s, by_sector_tco2: null }, 'sector', String)).toBeNull();
  });
});

describe('summary JSON', () => {
  it('downloads the summary as the JSON document it is', () => {
    const s = handSummary();
    expect(JSON.parse(summaryJson(s))).toEqual(s);
  });
});

describe('probability precision', () => {
  it('shows as many decimals as the Monte Carlo error supports', () => {
    expect(probabilityDigits(0.02)).toBe(0); // ± 2 points: 94 %
    expect(probabilityDigits(0.005)).toBe(1); // ± 0.5: 93.7 %
    expect(probabilityDigits(0.0004)).toBe(2);
    expect(probabilityDigits(0)).toBe(1);
    expect(probabilityDigits(null)).toBe(1);
  });
});

describe('grouped tornado', () => {
  it('shows one bar per group, signed by direction, for the chosen output', () => {
    const s = handSummary();
    const rows = groupTornadoRows(s.sensitivity_groups, 'total_tco2_2030', (g) => g.toUpperCase());
    expect(rows.map((r) => [r.input, r.label, r.rho])).toEqual([
      ['grid_factor', 'GRID_FACTOR', -0.49],
      ['output_growth', 'OUTPUT_GROWTH', 0.3],
      ['intensity_improvement', 'INTENSITY_IMPROVEMENT', -0.01],
    ]);
    expect(sensitivityGroupsOf(s.sensitivity_groups, 'peak_year')).toEqual(['grid_factor']);
  });
});
