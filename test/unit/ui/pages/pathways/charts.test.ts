import { describe, expect, it } from 'vitest';
import { FAN_COLORS, buildFanOption, everyFifthYear } from '../../../../../src/charts/pathways/fan';
import { PEAK_COLORS, buildPeakHistogramOption } from '../../../../../src/charts/pathways/peak-histogram';
import { TORNADO_COLORS, buildTornadoOption } from '../../../../../src/charts/pathways/tornado';
import {
  LEVER_COLORS,
  buildLeverBarsOption,
  buildLeverWedgesOption,
  buildStackedAreasOption,
} from '../../../../../src/charts/pathways/lever-contributions';
import { fanData, peakHistogram, tornadoRows } from '../../../../../src/ui/pages/pathways/pathways-vm';
import { HISTORY, handSummary } from './fixtures';

interface S {
  id: string;
  name?: string;
  type: string;
  data: unknown[];
  stack?: string;
  stackStrategy?: string;
  areaStyle?: { color: string; opacity: number };
  lineStyle?: { opacity?: number; type?: string };
  markLine?: { data: { xAxis: string }[] };
  markArea?: { data: { xAxis: string }[][] };
}

const fanText = {
  history: 'H',
  grossMedian: 'G50',
  grossInner: 'G50%',
  grossOuter: 'G90%',
  netMedian: 'N50',
  netInner: 'N50%',
  netOuter: 'N90%',
  peakTarget: 'peak',
  neutrality: 'zero',
  unit: 't',
  formatNumber: (v: number) => String(v),
};

describe('fan chart', () => {
  const data = fanData(handSummary(), HISTORY);
  const option = buildFanOption(data, fanText, 'gross');
  const series = option.series as S[];
  const byId = (id: string) => series.find((s) => s.id === id)!;

  it('draws history, the gross bands (P5–P95 under P25–P75) and both medians, in that order', () => {
    expect(series.map((s) => s.id)).toEqual([
      'history',
      'gross-outer-base',
      'gross-outer-band',
      'gross-inner-base',
      'gross-inner-band',
      'gross-median',
      'net-median',
    ]);
    expect((option.xAxis as { data: string[] }).data[0]).toBe('2020');
  });

  it('stacks each band on its lower edge: P5 + (P95 − P5) and P25 + (P75 − P25)', () => {
    const i = data.years.indexOf(2030);
    expect(byId('gross-outer-base').data[i]).toBe(86);
    expect(byId('gross-outer-band').data[i]).toBe(20);
    expect(byId('gross-inner-base').data[i]).toBe(91);
    expect(byId('gross-inner-band').data[i]).toBe(10);
    expect(byId('gross-median').data[i]).toBe(96);
    expect(byId('gross-outer-base').stack).toBe(byId('gross-outer-band').stack);
    expect(byId('gross-inner-base').stack).toBe(byId('gross-inner-band').stack);
    expect(byId('gross-outer-base').stack).not.toBe(byId('gross-inner-base').stack);
    // Net emissions go below zero: the stack must add across signs.
    for (const s of series.filter((x) => x.stack)) expect(s.stackStrategy).toBe('all');
    // The lower edge is invisible; the inner band is darker than the outer one.
    expect(byId('gross-outer-base').areaStyle).toBeUndefined();
    expect(byId('gross-outer-base').lineStyle?.opacity).toBe(0);
    expect(byId('gross-inner-band').areaStyle!.opacity).toBeGreaterThan(
      byId('gross-outer-band').areaStyle!.opacity,
    );
    expect(byId('gross-outer-band').areaStyle!.color).toBe(FAN_COLORS.gross);
  });

  it('leaves the years before the base year empty in the projection and the years after it in the history', () => {
    expect(byId('gross-median').data.slice(0, 4)).toEqual([null, null, null, null]);
    expect(byId('gross-outer-band').data[0]).toBeNull();
    expect(byId('history').data.slice(3, 6)).toEqual([95, 100, null]);
    expect(byId('history').markArea!.data[0].map((p) => p.xAxis)).toEqual(['2020', '2024']);
  });

  it('marks 2030 and 2060 and names every band in the legend', () => {
    expect(byId('net-median').markLine!.data.map((d) => d.xAxis)).toEqual(['2030', '2060']);
    const legend = (option.legend as { data: { name: string; icon?: string }[] }).data;
    expect(legend.map((l) => l.name)).toEqual(['H', 'G50', 'G50%', 'G90%', 'N50']);
    expect(legend.map((l) => l.icon)).toEqual([undefined, undefined, 'rect', 'rect', undefined]);
    expect(byId('gross-outer-base').name).toBe('G90%');
    expect(byId('gross-outer-band').name).toBe('G90%');
  });

  it('can put the bands on net emissions instead', () => {
    const net = buildFanOption(data, fanText, 'net').series as S[];
    expect(net.map((s) => s.id)).toEqual([
      'history',
      'gross-median',
      'net-outer-base',
      'net-outer-band',
      'net-inner-base',
      'net-inner-band',
      'net-median',
    ]);
    const last = data.years.length - 1;
    expect(net[2].data[last]).toBe(-17);
    expect(net[3].data[last]).toBe(24);
  });

  it('labels every fifth year', () => {
    expect(everyFifthYear(0, '2020')).toBe(true);
    expect(everyFifthYear(1, '2021')).toBe(false);
  });
});

describe('peak-year histogram', () => {
  it('splits the bars at 2030 and marks the target', () => {
    const h = peakHistogram(handSummary().peak_year.histogram);
    const o = buildPeakHistogramOption(h, {
      byTarget: 'by',
      afterTarget: 'after',
      target: '2030',
      formatPct: (v) => `${Math.round(v * 100)}%`,
      formatCount: String,
    });
    const [by, after] = o.series as (S & { itemStyle: { color: string } })[];
    expect((o.xAxis as { data: string[] }).data).toEqual([
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
      '2060',
    ]);
    expect(by.data).toEqual([0, 0.1, 0.5, 0.25, 0, 0, 0.05, null]);
    expect(after.data).toEqual([null, null, null, null, null, null, null, 0.1]);
    expect(by.itemStyle.color).toBe(PEAK_COLORS.byTarget);
    expect(after.itemStyle.color).toBe(PEAK_COLORS.afterTarget);
    expect(by.markLine!.data[0].xAxis).toBe('2030');
  });
});

describe('tornado', () => {
  it('keeps the |ρ| order top-down, colours by sign and puts labels outside the bar ends', () => {
    const rows = tornadoRows(handSummary().sensitivity, 'total_tco2_2030', (n) => n);
    const o = buildTornadoOption(
      { rows },
      { axis: 'ρ', positive: '+', negative: '−', formatRho: (v) => v.toFixed(2) },
    );
    const y = o.yAxis as { data: string[]; inverse: boolean };
    expect(y.inverse).toBe(true);
    expect(y.data).toEqual(['grid.y2030', 'growth.chemicals.to2030', 'intensity.chemicals']);
    const bars = (o.series as S[])[0].data as {
      value: number;
      itemStyle: { color: string };
      label: { position: string };
    }[];
    expect(bars.map((b) => b.value)).toEqual([-0.7, 0.4, -0.1]);
    expect(bars.map((b) => b.itemStyle.color)).toEqual([
      TORNADO_COLORS.negative,
      TORNADO_COLORS.positive,
      TORNADO_COLORS.negative,
    ]);
    expect(bars.map((b) => b.label.position)).toEqual(['left', 'right', 'left']);
    const x = o.xAxis as { min: number; max: number; interval: number };
    expect(x.min).toBe(-x.max);
    expect(x.max).toBeGreaterThanOrEqual(0.7);
    expect(x.max).toBeLessThanOrEqual(1);
    expect(x.interval).toBe(x.max / 2);
  });
});

describe('lever contributions', () => {
  it('stacks one coloured wedge per lever and draws bars for 2030 and 2060', () => {
    const text = { unit: 't', formatNumber: String };
    const w = buildLeverWedgesOption(
      { years: [2025, 2030], series: [{ key: 'extra_efficiency', name: 'Eff', values: [1, 6] }] },
      text,
    );
    const ws = (w.series as (S & { itemStyle: { color: string } })[])[0];
    expect(ws.stack).toBe('total');
    expect(ws.stackStrategy).toBe('all');
    expect(ws.data).toEqual([1, 6]);
    expect(ws.itemStyle.color).toBe(LEVER_COLORS.extra_efficiency);
    const b = buildLeverBarsOption(
      {
        levers: [{ key: 'extra_efficiency', name: 'Eff' }],
        years: [2030, 2060],
        values: [[{ mean: 6, p5: 5, p95: 7 }], [{ mean: 20, p5: 15, p95: 25 }]],
      },
      text,
    );
    const bs = b.series as S[];
    expect(bs.map((s) => s.name)).toEqual(['2030', '2060']);
    expect(bs.map((s) => (s.data[0] as { value: number }).value)).toEqual([6, 20]);
  });
});

describe('emissions by sector or carrier', () => {
  it('stacks one area per key in its colour, exports (negative) below zero', () => {
    const o = buildStackedAreasOption(
      {
        years: [2024, 2030],
        series: [
          { key: 'natural_gas', name: 'Gas', values: [50, 46] },
          { key: 'electricity_export', name: 'Export', values: [-5, -4] },
        ],
      },
      { unit: 't', formatNumber: String },
      { colors: { natural_gas: '#E69F00' } },
    );
    const series = o.series as (S & { itemStyle: { color: string } })[];
    expect(series.map((s) => [s.id, s.stack, s.stackStrategy])).toEqual([
      ['natural_gas', 'total', 'samesign'],
      ['electricity_export', 'total', 'samesign'],
    ]);
    expect(series[0].itemStyle.color).toBe('#E69F00');
    expect(series[1].itemStyle.color).toMatch(/^#/); // from the palette
  });
});

describe('peak-year histogram labels', () => {
  it('on a crowded axis labels only the peaks of the histogram, each with its year', () => {
    const years = Array.from({ length: 37 }, (_, i) => 2024 + i);
    const shares = years.map(() => 0);
    [shares[0], shares[1], shares[2], shares[3], shares[16]] = [0.55, 0.03, 0.23, 0.08, 0.06];
    const o = buildPeakHistogramOption(
      { years, shares, counts: shares },
      {
        byTarget: 'a',
        afterTarget: 'b',
        target: 't',
        formatPct: (v) => `${Math.round(v * 100)}%`,
        formatCount: String,
      },
    );
    const fmt = (o.series as { label: { formatter: (p: object) => string } }[])[0].label.formatter;
    const text = (i: number) => fmt({ value: shares[i], name: String(years[i]), dataIndex: i });
    expect([0, 1, 2, 3, 16].map(text)).toEqual(['2024\n55%', '', '2026\n23%', '', '2040\n6%']);
  });
});

describe('peak-year histogram axis', () => {
  it('ends the share axis on a round step above the tallest bar, never above 100 %', () => {
    const text = { byTarget: 'a', afterTarget: 'b', target: 't', formatPct: String, formatCount: String };
    const axis = (shares: number[]) => {
      const years = shares.map((_, i) => 2024 + i);
      const y = buildPeakHistogramOption({ years, shares, counts: shares }, text).yAxis as {
        max: number;
        interval: number;
      };
      return [y.max, y.interval];
    };
    expect(axis([0.69, 0.21, 0.1])).toEqual([0.8, 0.2]);
    expect(axis([0.96, 0.04])).toEqual([1, 0.2]);
    expect(axis([0.3, 0.3, 0.4])).toEqual([0.5, 0.1]);
  });
});
