/**
 * The marginal abatement cost curve of one year: one bar per lever, sorted by median cost per tonne,
 * its width the tonnes it avoids in the year and its height the median CNY/tCO2, a whisker from P5 to
 * P95, and a horizontal line at the carbon price (levers below it pay back at that price). A lever far
 * beyond the others (e.g. sinks at tens of thousands CNY/t) would flatten every other bar, so the value
 * axis is cut at a readable range and a cut bar carries its median as a label. Pure.
 */
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import { MUTED_TEXT, TEXT_COLOR, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';
import { LEVER_COLORS } from './lever-contributions';

export interface MaccBar {
  key: string;
  name: string;
  /** tCO2 avoided in the year (mean). */
  avoided: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface MaccText {
  xName: string;
  yName: string;
  carbonPriceLabel: string;
  /** Tooltip line of a bar (avoided and the cost spread, already formatted). */
  tooltip: (bar: MaccBar) => string;
  formatCost: (v: number) => string;
  /** Tonnes on the width axis (e.g. in 10^4 t). */
  formatTonnes: (v: number) => string;
}

/** A bar as laid out: its span on the tonnes axis. */
interface MaccLayout extends MaccBar {
  x0: number;
  x1: number;
}

/** Bars sorted by median cost (ties: more tonnes first) and laid side by side from 0. */
export function layoutMacc(bars: readonly MaccBar[]): MaccLayout[] {
  const sorted = bars
    .filter((b) => b.avoided > 0 && Number.isFinite(b.p50))
    .map((b, i) => ({ b, i }))
    .sort((u, v) => u.b.p50 - v.b.p50 || v.b.avoided - u.b.avoided || u.i - v.i)
    .map((x) => x.b);
  let x = 0;
  return sorted.map((b) => {
    const x0 = x;
    x += b.avoided;
    return { ...b, x0, x1: x };
  });
}

/**
 * The cost range shown: every bar's median and whiskers when they are of one order. A bar whose |median|
 * is more than 5 × the largest of the others (and of the carbon price) is an outlier: it is cut, and the
 * range covers the others, whiskers limited to 1.5 × their largest |median|.
 */
export function maccRange(
  bars: readonly MaccBar[],
  carbonPrice: number,
): { min: number; max: number; cut: boolean } {
  const rest = [...bars].sort((a, b) => Math.abs(b.p50) - Math.abs(a.p50));
  while (rest.length > 1 && Math.abs(rest[0].p50) > 5 * Math.max(Math.abs(rest[1].p50), carbonPrice))
    rest.shift();
  if (rest.length === 1 && Math.abs(rest[0].p50) > 5 * carbonPrice && bars.length > 1) rest.shift();
  const limit = 1.5 * Math.max(carbonPrice, ...rest.map((b) => Math.abs(b.p50)));
  const lo = Math.max(-limit, Math.min(0, ...rest.map((b) => b.p5)));
  const hi = Math.min(limit, Math.max(carbonPrice, 0, ...rest.map((b) => b.p95)));
  const cut = bars.some((b) => b.p5 < lo || b.p95 > hi);
  return { min: lo, max: hi, cut };
}

/** The next "nice" bound away from zero (1, 2, 2.5, 5 × a power of ten). */
export function niceBound(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  const m = Math.abs(v);
  const p = 10 ** Math.floor(Math.log10(m));
  const step = [1, 2, 2.5, 5, 10].find((k) => k * p >= m * (1 - 1e-12)) as number;
  return Math.sign(v) * step * p;
}

const CARBON_PRICE_COLOR = '#D55E00';
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The MACC option; `large` is the projector scale. */
export function buildMaccOption(
  bars: readonly MaccBar[],
  carbonPrice: number,
  text: MaccText,
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const laid = layoutMacc(bars);
  const raw = maccRange(laid, carbonPrice);
  const range = { min: niceBound(raw.min), max: niceBound(raw.max) };
  const total = laid.length ? laid[laid.length - 1].x1 : 1;
  const colour = (key: string) => (LEVER_COLORS as Record<string, string>)[key] ?? MUTED_TEXT;
  const renderItem = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
    const b = laid[params.seriesIndex];
    const y = (v: number) => clamp(v, range.min, range.max);
    const [px0, py] = api.coord([b.x0, y(b.p50)]);
    const [px1, pz] = api.coord([b.x1, 0]);
    const w = Math.max(3, px1 - px0 - 1);
    const xm = px0 + w / 2;
    const [, p5] = api.coord([b.x0, y(b.p5)]);
    const [, p95] = api.coord([b.x0, y(b.p95)]);
    const cut = b.p50 > range.max || b.p50 < range.min;
    const cap = Math.min(8, Math.max(3, w / 3));
    const [mid] = api.coord([total / 2, 0]);
    return {
      type: 'group' as const,
      children: [
        {
          type: 'rect' as const,
          shape: { x: px0, y: Math.min(py, pz), width: w, height: Math.max(1, Math.abs(pz - py)) },
          style: { fill: colour(b.key), opacity: 0.85 },
        },
        {
          type: 'polyline' as const,
          shape: {
            points: [
              [xm - cap, p5],
              [xm + cap, p5],
              [xm, p5],
              [xm, p95],
              [xm - cap, p95],
              [xm + cap, p95],
            ],
          },
          style: { stroke: TEXT_COLOR, lineWidth: 1.2, fill: 'none' },
        },
        ...(cut
          ? [
              {
                type: 'text' as const,
                style: {
                  text: `${b.p50 > 0 ? '↑' : '↓'} ${text.formatCost(b.p50)}`,
                  x: xm,
                  y: b.p50 > 0 ? py + 4 : py - 4,
                  align: (xm > mid ? 'right' : 'left') as 'right' | 'left',
                  verticalAlign: (b.p50 > 0 ? 'top' : 'bottom') as 'top' | 'bottom',
                  fill: TEXT_COLOR,
                  fontSize: fs.axis - 1,
                  backgroundColor: 'rgba(255,255,255,0.85)',
                },
              },
            ]
          : []),
      ],
    };
  };
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: {
      top: 0,
      left: 0,
      textStyle: { fontSize: fs.legend },
      itemGap: 12,
      data: laid.map((b) => b.name),
    },
    grid: {
      left: 8,
      right: 24,
      top: 64,
      bottom: 36,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const b = laid[(p as { seriesIndex: number }).seriesIndex];
        return b ? `<b>${b.name}</b><br/>${text.tooltip(b)}` : '';
      },
    },
    xAxis: {
      type: 'value',
      name: text.xName,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { fontSize: fs.axis },
      min: 0,
      max: total,
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => text.formatTonnes(v) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: text.yName,
      min: range.min,
      max: range.max,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => text.formatCost(v) },
    },
    series: [
      ...laid.map((b) => ({
        type: 'custom' as const,
        id: `macc-${b.key}`,
        name: b.name,
        dimensions: [text.xName, text.yName, 'P5', 'P95'],
        itemStyle: { color: colour(b.key) },
        renderItem,
        clip: true,
        data: [{ name: b.name, value: [b.x1 - b.x0, b.p50, b.p5, b.p95] }],
      })),
      {
        type: 'line' as const,
        id: 'carbon-price',
        data: [],
        silent: true,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: CARBON_PRICE_COLOR, type: 'dashed' as const, width: 2 },
          label: {
            formatter: text.carbonPriceLabel,
            position: 'insideStartTop' as const,
            fontSize: fs.axis,
            color: CARBON_PRICE_COLOR,
          },
          data: [{ yAxis: carbonPrice }],
        },
      },
    ],
  };
}
