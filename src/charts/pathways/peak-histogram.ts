/**
 * Peak-year histogram: the share of runs whose gross emissions peak in each year, years up to the 2030
 * target in one colour and later years in another, with the target marked.
 */
import { MUTED_TEXT, PALETTE, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';
import { everyFifthYear } from './fan';

export interface PeakHistogramData {
  years: number[];
  shares: number[];
  counts: number[];
}

export interface PeakHistogramText {
  byTarget: string;
  afterTarget: string;
  target: string;
  formatPct: (v: number) => string;
  formatCount: (v: number) => string;
}

export const PEAK_COLORS = { byTarget: PALETTE[2], afterTarget: PALETTE[1] } as const;

/** Bars per year; `targetYear` splits the colours (default 2030). */
export function buildPeakHistogramOption(
  data: PeakHistogramData,
  text: PeakHistogramText,
  large = true,
  targetYear = 2030,
): ChartOption {
  const fs = chartFontSizes(large);
  const cats = data.years.map(String);
  const split = (keep: (y: number) => boolean) => data.shares.map((v, i) => (keep(data.years[i]) ? v : null));
  const crowded = cats.length > 16;
  // On a crowded axis only every fifth year is labelled, so each labelled bar names its own year; and
  // only the peaks of the histogram (a bar at least as tall as its neighbours, 2 % or more) carry a
  // label, since a label is wider than a bar and would cover the next one (the tooltip gives all).
  const shares = data.shares;
  const labelled = (i: number) =>
    !crowded || (shares[i] >= 0.02 && shares[i] >= (shares[i - 1] ?? 0) && shares[i] >= (shares[i + 1] ?? 0));
  const label = {
    show: true,
    position: 'top' as const,
    fontSize: fs.axis,
    lineHeight: fs.axis + 3,
    // A halo keeps the label readable where the 2030 marker crosses it.
    textBorderColor: '#fff',
    textBorderWidth: 3,
    formatter: (p: { value: unknown; name: string; dataIndex: number }) =>
      Number(p.value) >= 0.01 && labelled(p.dataIndex)
        ? `${crowded ? `${p.name}\n` : ''}${text.formatPct(Number(p.value))}`
        : '',
  };
  const top = Math.max(0, ...data.shares);
  // Room above the tallest bar for its label, on a round axis (steps of 10 % or 20 %).
  const room = top + (crowded ? 0.14 : 0.08);
  const yStep = room > 0.5 ? 0.2 : 0.1;
  const yMax = Math.min(1, Number((Math.ceil(room / yStep - 1e-9) * yStep).toFixed(1)));
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: { top: 0, left: 0, textStyle: { fontSize: fs.legend } },
    grid: {
      left: 8,
      right: 16,
      top: large ? 56 : 44,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const k = i.dataIndex;
        return `<b>${cats[k]}</b><br/>${text.formatPct(data.shares[k])} (${text.formatCount(data.counts[k])})`;
      },
    },
    xAxis: {
      type: 'category',
      data: cats,
      axisLabel: { fontSize: fs.axis, interval: crowded ? everyFifthYear : 0 },
    },
    yAxis: {
      type: 'value',
      max: yMax,
      interval: yStep,
      axisLabel: { fontSize: fs.axis, margin: crowded ? 20 : 8, formatter: (v: number) => text.formatPct(v) },
    },
    series: [
      {
        type: 'bar',
        id: 'by-target',
        name: text.byTarget,
        stack: 'peak',
        data: split((y) => y <= targetYear),
        itemStyle: { color: PEAK_COLORS.byTarget },
        label,
        labelLayout: { hideOverlap: true },
        barMaxWidth: 40,
        z: 3,
        markLine: cats.includes(String(targetYear))
          ? {
              silent: true,
              symbol: 'none',
              z: 1, // under the bar labels
              lineStyle: { color: MUTED_TEXT, type: 'dotted', width: 2 },
              label: { formatter: text.target, fontSize: fs.axis, position: 'end' },
              data: [{ xAxis: String(targetYear) }],
            }
          : undefined,
      },
      {
        type: 'bar',
        id: 'after-target',
        name: text.afterTarget,
        stack: 'peak',
        data: split((y) => y > targetYear),
        itemStyle: { color: PEAK_COLORS.afterTarget },
        label,
        labelLayout: { hideOverlap: true },
        barMaxWidth: 40,
        z: 3,
      },
    ],
  };
}
