/**
 * Charts of the target and cost panels: the MACC's order, widths, whiskers, cut range and carbon-price
 * line; the investment bars and whiskers; the intensity chart's band and target markers; and the data
 * table a MACC gives its readers.
 */
import { describe, expect, it } from 'vitest';
import {
  buildMaccOption,
  layoutMacc,
  maccRange,
  niceBound,
  type MaccBar,
} from '../../../src/charts/pathways/macc';
import { buildInvestmentOption } from '../../../src/charts/pathways/investment';
import { buildIntensityOption } from '../../../src/charts/pathways/intensity';
import { chartTable, type DescribeWords } from '../../../src/charts/describe';

const bar = (key: string, avoided: number, p50: number, spread = 10): MaccBar => ({
  key,
  name: key.toUpperCase(),
  avoided,
  p5: p50 - spread,
  p50,
  p95: p50 + spread,
});

const text = {
  xName: 'kt',
  yName: 'CNY/t',
  carbonPriceLabel: 'price',
  tooltip: (b: MaccBar) => `${b.p50}`,
  formatCost: (v: number) => String(v),
  formatTonnes: (v: number) => String(v),
};

const words = { category: 'Category' } as DescribeWords;

type Series = { type: string; id: string; data: unknown; renderItem?: unknown; markLine?: { data: unknown } };

describe('MACC', () => {
  const bars = [bar('pv', 100, 50), bar('eff', 300, -200), bar('gp', 200, 80), bar('none', 0, 10)];

  it('sorts by median cost and lays the bars side by side, width = tonnes; a lever avoiding nothing is left out', () => {
    const laid = layoutMacc(bars);
    expect(laid.map((b) => [b.key, b.x0, b.x1])).toEqual([
      ['eff', 0, 300],
      ['pv', 300, 400],
      ['gp', 400, 600],
    ]);
  });

  it('shows the whole range when the values are of one order, and cuts an outlier with a readable range', () => {
    expect(maccRange(layoutMacc(bars), 100)).toEqual({ min: -210, max: 100, cut: false });
    const withSinks = [...bars, bar('sinks', 1, 60_000, 5000)];
    const r = maccRange(withSinks, 100);
    expect(r.cut).toBe(true);
    expect(r.max).toBe(100); // the carbon price: the other bars' P95 are below it
    expect(r.min).toBe(-210);
    // Whiskers far beyond the medians are limited to 1.5 × the largest |median|.
    expect(maccRange([bar('a', 1, -200, 5000), bar('b', 1, 50)], 100).min).toBe(-300);
  });

  it('draws each bar from its span and median, clamped to the axis, with a P5–P95 whisker', () => {
    const opt = buildMaccOption([...bars, bar('sinks', 1, 60_000, 5000)], 100, text);
    const series = opt.series as Series[];
    const custom = series.filter((s) => s.type === 'custom');
    expect(custom.map((s) => s.id)).toEqual(['macc-eff', 'macc-pv', 'macc-gp', 'macc-sinks']);
    expect(opt.yAxis).toMatchObject({ min: -250, max: 100 });
    // A linear fake coordinate system: x pixels = tonnes, y pixels = −cost.
    const api = { coord: ([x, y]: number[]) => [x, -y] };
    const render = custom[1].renderItem as (
      p: unknown,
      a: unknown,
    ) => { children: Record<string, unknown>[] };
    const pv = render({ seriesIndex: 1 }, api).children;
    expect(pv[0].shape).toEqual({ x: 300, y: -50, width: 99, height: 50 });
    const whisker = (pv[1].shape as { points: number[][] }).points.map((p) => p[1]);
    expect(Math.max(...whisker)).toBe(-40);
    expect(Math.min(...whisker)).toBe(-60);
    const sinks = render({ seriesIndex: 3 }, api).children;
    expect((sinks[0].shape as { height: number }).height).toBe(100); // cut at the axis maximum
    expect((sinks[2].style as { text: string }).text).toContain('60000');
    const line = series.find((s) => s.id === 'carbon-price')!;
    expect(line.markLine!.data).toEqual([{ yAxis: 100 }]);
  });

  it('gives its data table one row per lever', () => {
    const t = chartTable(buildMaccOption(bars, 100, text), words);
    expect(t.columns).toEqual(['Category', 'kt', 'CNY/t', 'P5', 'P95']);
    expect(t.rows).toEqual([
      ['EFF', 300, -200, -210, -190],
      ['PV', 100, 50, 40, 60],
      ['GP', 200, 80, 70, 90],
    ]);
  });
});

describe('investment by period', () => {
  it('bars of the median with a P5–P95 segment per period', () => {
    const rows = [
      { period: '2025–2030', p5: 1, p50: 2, p95: 4 },
      { period: '2031–2035', p5: 0.5, p50: 1, p95: 3 },
    ];
    const opt = buildInvestmentOption(rows, { series: 'median', unit: 'yi', formatNumber: String });
    const [s] = opt.series as Series[];
    expect(s.data).toEqual([2, 1]);
    expect(s.markLine!.data).toEqual([
      [{ coord: [0, 1] }, { coord: [0, 4] }],
      [{ coord: [1, 0.5] }, { coord: [1, 3] }],
    ]);
    expect((opt.xAxis as { data: string[] }).data).toEqual(['2025–2030', '2031–2035']);
    expect((opt.yAxis as { max: number }).max).toBe(5); // the whiskers fit
  });

  it('rounds bounds away from zero to 1, 2, 2.5 or 5 × a power of ten', () => {
    expect([niceBound(123.6), niceBound(-2234), niceBound(4), niceBound(0.3), niceBound(0)]).toEqual([
      200, -2500, 5, 0.5, 0,
    ]);
  });
});

describe('intensity chart', () => {
  it('a band from P5 to P95, the median, the history, and diamonds at the target years', () => {
    const opt = buildIntensityOption(
      {
        years: [2020, 2024, 2025, 2030],
        history: [1, 0.9, null, null],
        p5: [null, 0.8, 0.7, 0.5],
        p50: [null, 0.9, 0.8, 0.6],
        p95: [null, 1, 0.9, 0.7],
        targets: [{ year: 2025, value: 0.82, label: '14th −18%' }],
      },
      { median: 'm', band: 'b', history: 'h', target: 't', unit: 'u', formatNumber: String },
    );
    const byId = Object.fromEntries((opt.series as Series[]).map((s) => [s.id, s.data]));
    expect(byId['band-base']).toEqual([null, 0.8, 0.7, 0.5]);
    expect((byId.band as number[]).map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual([
      null,
      0.2,
      0.2,
      0.2,
    ]);
    expect(byId.targets).toEqual([null, null, 0.82, null]);
    expect(byId.history).toEqual([1, 0.9, null, null]);
  });
});
