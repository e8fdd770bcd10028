/**
 * Option builders for the Overview page: pure functions from data to an ECharts option.
 */
import { CARRIER_COLORS, PALETTE, chartFontSizes } from './theme';
import type { ChartOption, ChartText } from './types';

export interface CategoryCounts {
  labels: string[];
  values: number[];
}

/** Horizontal bars, largest at the top (enterprises by sector). */
export function buildSectorCountOption(
  data: CategoryCounts,
  text: ChartText = {},
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => String(v));
  return {
    aria: { enabled: true },
    title: text.title ? { text: text.title, left: 0, textStyle: { fontSize: fs.title } } : undefined,
    grid: {
      left: 8,
      right: 48,
      top: text.title ? 40 : 8,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmt(Number(v)) },
    xAxis: { type: 'value', axisLabel: { fontSize: fs.axis } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.labels,
      axisLabel: { fontSize: fs.axis },
    },
    series: [
      {
        type: 'bar',
        data: data.values,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', fontSize: fs.axis, formatter: (p) => fmt(Number(p.value)) },
        barMaxWidth: 28,
      },
    ],
  };
}

export interface StackedSeries {
  /** Category axis (years). */
  categories: (string | number)[];
  series: { key: string; name: string; values: number[] }[];
}

/** Stacked bars by year (energy by carrier); negative values (exports) stack below zero. */
export function buildStackedYearsOption(
  data: StackedSeries,
  text: ChartText = {},
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => String(Math.round(v)));
  return {
    aria: { enabled: true },
    title: text.title ? { text: text.title, left: 0, textStyle: { fontSize: fs.title } } : undefined,
    legend: { type: 'plain', bottom: 0, left: 0, textStyle: { fontSize: fs.legend }, itemGap: 12 },
    grid: {
      left: 8,
      right: 16,
      top: text.title ? 48 : 24,
      bottom: large ? 96 : 72,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmt(Number(v)) },
    xAxis: { type: 'category', data: data.categories.map(String), axisLabel: { fontSize: fs.axis } },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => fmt(v) },
    },
    series: data.series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      stack: 'total',
      data: s.values,
      itemStyle: { color: CARRIER_COLORS[s.key] ?? PALETTE[i % PALETTE.length] },
      emphasis: { focus: 'series' as const },
      barMaxWidth: 48,
    })),
  };
}
