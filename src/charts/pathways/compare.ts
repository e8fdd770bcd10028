/**
 * The compare chart: 2–4 scenarios' emission medians overlaid, each with its P5–P95 band in its own
 * colour. Pure: data and translated text in, option out.
 */
import { MUTED_TEXT, PALETTE, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';
import { everyFifthYear } from './fan';

interface CompareSeries {
  key: string;
  label: string;
  p5: number[];
  p50: number[];
  p95: number[];
}

interface CompareChartText {
  /** Legend name of a scenario's band, e.g. "policy P5–P95". */
  band: (label: string) => string;
  unit: string;
  formatNumber: (v: number) => string;
}

const BAND_OPACITY = 0.16;

/** Colours in the palette's order, first scenario first. */
const compareColor = (i: number): string => PALETTE[i % PALETTE.length];

export function buildCompareOption(
  data: { years: number[]; series: CompareSeries[] },
  text: CompareChartText,
): ChartOption {
  const fs = chartFontSizes(false);
  const cats = data.years.map(String);
  const fmt = text.formatNumber;
  const series = data.series.flatMap((s, i) => {
    const color = compareColor(i);
    const stack = `band-${i}`;
    return [
      {
        type: 'line' as const,
        id: `${s.key}-base`,
        name: text.band(s.label),
        stack,
        stackStrategy: 'all' as const,
        data: s.p5,
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        itemStyle: { color },
        z: 1,
      },
      {
        type: 'line' as const,
        id: `${s.key}-band`,
        name: text.band(s.label),
        stack,
        stackStrategy: 'all' as const,
        data: s.p95.map((v, k) => v - s.p5[k]),
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: BAND_OPACITY },
        itemStyle: { color },
        z: 1,
      },
      {
        type: 'line' as const,
        id: `${s.key}-median`,
        name: s.label,
        data: s.p50,
        symbol: 'none',
        lineStyle: { width: 3, color, type: i === 0 ? ('solid' as const) : ('dashed' as const) },
        itemStyle: { color },
        z: 3,
      },
    ];
  });
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: {
      top: 0,
      left: 0,
      textStyle: { fontSize: fs.legend },
      data: data.series.flatMap((s, i) => [
        { name: s.label },
        {
          name: text.band(s.label),
          icon: 'rect',
          itemStyle: { color: compareColor(i), opacity: BAND_OPACITY * 2 },
        },
      ]),
    },
    grid: {
      left: 8,
      right: 24,
      top: 64,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const k = (list[0] as { dataIndex: number }).dataIndex;
        const lines = [`<b>${cats[k]}</b>`];
        for (const s of data.series)
          lines.push(
            `${s.label}: ${fmt(s.p50[k])} <span style="color:${MUTED_TEXT}">(${fmt(s.p5[k])}–${fmt(s.p95[k])})</span>`,
          );
        return lines.join('<br/>') + `<br/><span style="color:${MUTED_TEXT}">${text.unit}</span>`;
      },
    },
    xAxis: {
      type: 'category',
      data: cats,
      boundaryGap: false,
      axisLabel: { fontSize: fs.axis, interval: everyFifthYear },
      axisTick: { interval: everyFifthYear },
    },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => fmt(v) },
    },
    series,
  };
}
