/**
 * Option builders for the Overview page: pure functions from data to an ECharts option.
 */
import { PALETTE, chartFontSizes } from './theme';
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
