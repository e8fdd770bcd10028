/**
 * Option builders for the carbon-inventory charts (park inventory and enterprise self-check): pure
 * functions from data to an ECharts option.
 */
import { CARRIER_COLORS, PALETTE, TEXT_COLOR, chartFontSizes } from '../theme';
import type { ChartOption, ChartText } from '../types';

/** Colours of the inventory parts, fixed across charts. */
export const SCOPE_COLORS = {
  scope1: '#D55E00',
  scope2: '#0072B2',
  deduction: '#56B4E9',
  total: TEXT_COLOR,
} as const;

/** Rough rendered width (px) of a label: CJK characters are square, Latin ones about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

/** Axis labels without trailing zeros ("600.0" → "600", "0.250" → "0.25"). */
export function axisFormatter(fmt: (v: number) => string): (v: number) => string {
  return (v: number) =>
    fmt(v)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
}

export interface ScopeYears {
  categories: (number | string)[];
  scope1: number[];
  scope2: number[];
  /** Deductions for exports, as positive numbers (drawn below zero). */
  deduction: number[];
  total: number[];
  names: { scope1: string; scope2: string; deduction: string; total: string };
}

/** Stacked bars of Scope 1 and Scope 2 per year, deductions below zero, and the net total as a line. */
export function buildScopeYearsOption(data: ScopeYears, text: ChartText = {}, large = false): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => String(Math.round(v)));
  const hasDeduction = data.deduction.some((d) => Math.abs(d) > 1e-9);
  const bar = (name: string, values: number[], color: string) => ({
    type: 'bar' as const,
    name,
    stack: 'co2',
    data: values,
    itemStyle: { color },
    emphasis: { focus: 'series' as const },
    barMaxWidth: 48,
  });
  return {
    aria: { enabled: true },
    title: text.title ? { text: text.title, left: 0, textStyle: { fontSize: fs.title } } : undefined,
    legend: { bottom: 0, left: 0, textStyle: { fontSize: fs.legend } },
    grid: {
      left: 8,
      right: 16,
      top: 32,
      bottom: large ? 56 : 44,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmt(Number(v)) },
    xAxis: { type: 'category', data: data.categories.map(String), axisLabel: { fontSize: fs.axis } },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: axisFormatter(fmt) },
    },
    series: [
      bar(data.names.scope1, data.scope1, SCOPE_COLORS.scope1),
      bar(data.names.scope2, data.scope2, SCOPE_COLORS.scope2),
      ...(hasDeduction
        ? [
            bar(
              data.names.deduction,
              data.deduction.map((d) => -d),
              SCOPE_COLORS.deduction,
            ),
          ]
        : []),
      {
        type: 'line' as const,
        name: data.names.total,
        data: data.total,
        itemStyle: { color: SCOPE_COLORS.total },
        lineStyle: { width: 2 },
        symbolSize: 6,
        z: 5,
      },
    ],
  };
}

export interface KeyedSeries {
  categories: (number | string)[];
  series: { key: string; name: string; values: number[] }[];
}

/**
 * Stacked bars by year with a vertical legend at the right (many series: sectors, carriers);
 * negative values (exports) stack below zero. `colors` maps series keys to fixed colours.
 */
export function buildStackedBarsOption(
  data: KeyedSeries,
  text: ChartText = {},
  colors: Record<string, string> = CARRIER_COLORS,
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => String(Math.round(v)));
  const legendWidth = 36 + Math.max(0, ...data.series.map((s) => textWidth(s.name, fs.legend)));
  return {
    aria: { enabled: true },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 8,
      bottom: 8,
      itemGap: 6,
      textStyle: { fontSize: fs.legend },
    },
    grid: {
      left: 8,
      right: legendWidth + 8,
      top: 32,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => fmt(Number(v)),
      confine: true,
    },
    xAxis: { type: 'category', data: data.categories.map(String), axisLabel: { fontSize: fs.axis } },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: axisFormatter(fmt) },
    },
    series: data.series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      stack: 'total',
      data: s.values,
      itemStyle: { color: colors[s.key] ?? PALETTE[i % PALETTE.length] },
      emphasis: { focus: 'series' as const },
      barMaxWidth: 48,
    })),
  };
}

export interface LineSeries {
  categories: (number | string)[];
  series: { name: string; values: number[]; color?: string; dashed?: boolean }[];
}

/** Lines over years (intensities), gaps where a value is not finite. */
export function buildLinesOption(data: LineSeries, text: ChartText = {}, large = false): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => v.toPrecision(3));
  return {
    aria: { enabled: true },
    legend: { bottom: 0, left: 0, textStyle: { fontSize: fs.legend } },
    grid: {
      left: 8,
      right: 16,
      top: 32,
      bottom: large ? 72 : 56,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(Number(v)) },
    xAxis: { type: 'category', data: data.categories.map(String), axisLabel: { fontSize: fs.axis } },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: axisFormatter(fmt) },
    },
    series: data.series
      .filter((s) => s.values.some(Number.isFinite))
      .map((s, i) => ({
        type: 'line' as const,
        name: s.name,
        data: s.values.map((v) => (Number.isFinite(v) ? v : null)),
        itemStyle: { color: s.color ?? PALETTE[i % PALETTE.length] },
        lineStyle: { width: 2, type: s.dashed ? ('dashed' as const) : ('solid' as const) },
        // A second cue besides the dash, which legend icons do not show.
        symbol: s.dashed ? 'emptyTriangle' : 'emptyCircle',
        symbolSize: s.dashed ? 8 : 6,
        connectNulls: false,
      })),
  };
}

/** Per-year intensities, tCO2 and tce per 10^4 CNY of output value and of value added. */
export interface IntensityYear {
  year: number;
  co2PerOutput: number;
  co2PerValueAdded: number;
  tcePerOutput: number;
  tcePerValueAdded: number;
}

export interface IntensityNames {
  co2Output: string;
  co2Va: string;
  tceOutput: string;
  tceVa: string;
}

/** The four intensity lines of the inventory and self-check pages: CO2 in vermillion, tce in blue, value added dashed. */
export function intensityLines(years: readonly IntensityYear[], names: IntensityNames): LineSeries {
  const line = (name: string, pick: (y: IntensityYear) => number, color: string, dashed = false) => ({
    name,
    values: years.map(pick),
    color,
    dashed,
  });
  return {
    categories: years.map((y) => y.year),
    series: [
      line(names.co2Output, (y) => y.co2PerOutput, '#D55E00'),
      line(names.co2Va, (y) => y.co2PerValueAdded, '#D55E00', true),
      line(names.tceOutput, (y) => y.tcePerOutput, '#0072B2'),
      line(names.tceVa, (y) => y.tcePerValueAdded, '#0072B2', true),
    ],
  };
}
