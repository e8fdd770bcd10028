/**
 * Lever contributions against BAU (net tCO2 avoided, common random numbers): stacked wedges over the
 * years, and bars for 2030 and 2060 with the P5–P95 range in the tooltip.
 */
import { LEVERS, type LeverDoc } from '../../core/scenario/levers';
import { MUTED_TEXT, PALETTE, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';
import { everyFifthYear } from './fan';

/** Each lever's colour from the registry (keyed by document key), so it looks the same in every chart. */
export const LEVER_COLORS = Object.fromEntries(LEVERS.map((l) => [l.doc, l.colour])) as Record<
  LeverDoc,
  string
>;

const colorOf = (key: string, i: number) =>
  (LEVER_COLORS as Record<string, string>)[key] ?? PALETTE[i % PALETTE.length];

export interface LeverSeries {
  key: string;
  name: string;
  values: number[];
}

export interface LeverText {
  unit: string;
  /** Values in labels and tooltips. */
  formatNumber: (v: number) => string;
  /** Axis ticks (default formatNumber). */
  formatAxis?: (v: number) => string;
}

/** Stacked areas of the mean avoided emissions per lever and year. */
export function buildLeverWedgesOption(
  data: { years: number[]; series: LeverSeries[] },
  text: LeverText,
  large = true,
): ChartOption {
  return buildStackedAreasOption(data, text, { large, colors: LEVER_COLORS, stackAll: true });
}

/**
 * Stacked areas per key over the years (lever wedges, emissions by sector or carrier). With
 * `stackAll` every series stacks on the one before it whatever its sign (wedges of one total);
 * otherwise negative series stack below zero.
 */
export function buildStackedAreasOption(
  data: { years: number[]; series: LeverSeries[] },
  text: LeverText,
  options: {
    large?: boolean;
    colors?: Record<string, string>;
    stackAll?: boolean;
    /** False when the page shows the keys and their colours itself (a table beside the chart). */
    legend?: boolean;
  } = {},
): ChartOption {
  const { large = true, colors = {}, stackAll = false, legend = true } = options;
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber;
  const colorOf = (key: string, i: number) => colors[key] ?? PALETTE[i % PALETTE.length];
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: { show: legend, top: 0, left: 0, textStyle: { fontSize: fs.legend }, itemGap: 12 },
    grid: {
      left: 8,
      right: 16,
      top: legend ? (large ? 92 : 64) : 36,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(Number(v)) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: data.years.map(String),
      axisLabel: { fontSize: fs.axis, interval: everyFifthYear },
      axisTick: { interval: everyFifthYear },
    },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => (text.formatAxis ?? fmt)(v) },
    },
    series: data.series.map((s, i) => ({
      type: 'line' as const,
      id: s.key,
      name: s.name,
      stack: 'total',
      stackStrategy: stackAll ? ('all' as const) : ('samesign' as const),
      data: s.values,
      symbol: 'none',
      lineStyle: { width: 1, color: colorOf(s.key, i) },
      areaStyle: { color: colorOf(s.key, i), opacity: 0.75 },
      itemStyle: { color: colorOf(s.key, i) },
      emphasis: { focus: 'series' as const },
    })),
  };
}

export interface LeverSpread {
  mean: number;
  p5: number;
  p95: number;
}

/** Horizontal bars per lever for two years (2030, 2060): mean avoided tCO2, P5–P95 in the tooltip. */
export function buildLeverBarsOption(
  data: {
    levers: { key: string; name: string }[];
    years: [number, number];
    values: [(LeverSpread | null)[], (LeverSpread | null)[]];
  },
  text: LeverText,
  large = true,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber;
  const shades = [0.55, 1];
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: { top: 0, left: 0, textStyle: { fontSize: fs.legend } },
    grid: {
      left: 8,
      right: 48,
      top: large ? 44 : 36,
      bottom: large ? 44 : 36,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex, seriesIndex } = p as { dataIndex: number; seriesIndex: number };
        const v = data.values[seriesIndex][dataIndex];
        if (!v) return '';
        return (
          `<b>${data.levers[dataIndex].name} · ${data.years[seriesIndex]}</b><br/>${fmt(v.mean)} ` +
          `<span style="color:${MUTED_TEXT}">(P5–P95 ${fmt(v.p5)}–${fmt(v.p95)}) ${text.unit}</span>`
        );
      },
    },
    xAxis: {
      type: 'value',
      name: text.unit,
      nameLocation: 'middle',
      nameGap: large ? 30 : 24,
      nameTextStyle: { fontSize: fs.axis },
      splitNumber: 4,
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => (text.formatAxis ?? fmt)(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.levers.map((l) => l.name),
      axisLabel: { fontSize: fs.axis },
      axisTick: { show: false },
    },
    series: data.years.map((year, k) => ({
      type: 'bar' as const,
      id: `y${year}`,
      name: String(year),
      data: data.values[k].map((v, i) => ({
        value: v ? v.mean : 0,
        itemStyle: { color: colorOf(data.levers[i].key, i), opacity: shades[k] },
        label: { position: v && v.mean < 0 ? ('left' as const) : ('right' as const) },
      })),
      itemStyle: { color: MUTED_TEXT, opacity: shades[k] },
      label: {
        show: true,
        fontSize: fs.axis - 1,
        formatter: (p: { value: unknown }) => fmt(Number(p.value)),
      },
      barMaxWidth: 22,
    })),
  };
}
