/**
 * Investment by period (2025–2030, 2031–2035, …): the median as bars with a P5–P95 whisker, in the
 * money unit the caller chose. Pure.
 */
import { PALETTE, TEXT_COLOR, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';
import { niceBound } from './macc';

export interface InvestmentRow {
  period: string;
  p5: number;
  p50: number;
  p95: number;
}

export interface InvestmentText {
  series: string;
  unit: string;
  /** Amounts in the chosen unit (already divided). */
  formatNumber: (v: number) => string;
}

/** Bars of the median per period, whiskers P5–P95; amounts already in the display unit. */
export function buildInvestmentOption(
  rows: readonly InvestmentRow[],
  text: InvestmentText,
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber;
  return {
    aria: { enabled: true },
    animationDuration: 300,
    grid: {
      left: 8,
      right: 16,
      top: 36,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const r = rows[(list[0] as { dataIndex: number }).dataIndex];
        return r
          ? `<b>${r.period}</b><br/>${text.series}: ${fmt(r.p50)} (P5–P95 ${fmt(r.p5)}–${fmt(r.p95)}) ${text.unit}`
          : '';
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.period),
      axisLabel: { fontSize: fs.axis, interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: {
      type: 'value',
      name: text.unit,
      min: 0,
      // The whiskers reach above the bars: the axis covers them (a segment outside the grid is not drawn).
      max: niceBound(Math.max(0, ...rows.map((r) => r.p95))),
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => fmt(v) },
    },
    series: [
      {
        type: 'bar',
        id: 'investment',
        name: text.series,
        data: rows.map((r) => r.p50),
        itemStyle: { color: PALETTE[0] },
        barMaxWidth: 48,
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          lineStyle: { color: TEXT_COLOR, type: 'solid', width: 1.5 },
          label: { show: false },
          data: rows.map((r, i) => [{ coord: [i, r.p5] }, { coord: [i, r.p95] }]) as never,
        },
      },
    ],
  };
}
