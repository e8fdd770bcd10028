/**
 * An intensity path (CO2 or energy per 10^4 CNY of output) with its P5–P95 band, the measured history
 * and diamonds at the target levels of the intensity targets. Pure: data and translated text in,
 * option out.
 */
import { MUTED_TEXT, PALETTE, TEXT_COLOR, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';
import { everyFifthYear } from './fan';

type Cell = number | null;

export interface IntensityChartData {
  /** History years then projected years, in order. */
  years: number[];
  history: Cell[];
  p5: Cell[];
  p50: Cell[];
  p95: Cell[];
  /** Target levels: the target year and the intensity it asks for, with a short label. */
  targets: { year: number; value: number; label: string }[];
}

export interface IntensityChartText {
  median: string;
  band: string;
  history: string;
  target: string;
  unit: string;
  formatNumber: (v: number) => string;
}

const INTENSITY_COLORS = { path: PALETTE[0], history: '#3B3B3B', target: PALETTE[3] } as const;

/** The option of one intensity chart; `large` is the projector scale. */
export function buildIntensityOption(
  data: IntensityChartData,
  text: IntensityChartText,
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber;
  const cats = data.years.map(String);
  const color = INTENSITY_COLORS.path;
  const width = data.p95.map((h, i) =>
    h === null || data.p5[i] === null ? null : h - (data.p5[i] as number),
  );
  const targetAt = data.years.map((y) => data.targets.filter((t) => t.year === y));
  const targetCells: Cell[] = targetAt.map((list) => (list.length ? list[0].value : null));
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: {
      top: 0,
      left: 0,
      textStyle: { fontSize: fs.legend },
      itemGap: 12,
      data: [
        { name: text.history },
        { name: text.median },
        { name: text.band, icon: 'rect', itemStyle: { color, opacity: 0.3 } },
        { name: text.target },
      ],
    },
    grid: {
      left: 8,
      right: 16,
      top: 56,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const i = (list[0] as { dataIndex: number }).dataIndex;
        const lines = [`<b>${cats[i]}</b>`];
        if (data.history[i] !== null) lines.push(`${text.history}: ${fmt(data.history[i] as number)}`);
        if (data.p50[i] !== null)
          lines.push(
            `${text.median}: ${fmt(data.p50[i] as number)} <span style="color:${MUTED_TEXT}">(${text.band} ${fmt(
              data.p5[i] as number,
            )}–${fmt(data.p95[i] as number)})</span>`,
          );
        for (const t of targetAt[i]) lines.push(`${text.target} · ${t.label}: ${fmt(t.value)}`);
        return `${lines.join('<br/>')}<br/><span style="color:${MUTED_TEXT}">${text.unit}</span>`;
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: cats,
      axisLabel: { fontSize: fs.axis, interval: everyFifthYear },
      axisTick: { interval: everyFifthYear },
    },
    yAxis: {
      type: 'value',
      name: text.unit,
      scale: true,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => fmt(v) },
    },
    series: [
      {
        type: 'line',
        id: 'band-base',
        name: text.band,
        stack: 'band',
        data: data.p5,
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        itemStyle: { color },
      },
      {
        type: 'line',
        id: 'band',
        name: text.band,
        stack: 'band',
        data: width,
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.18 },
        itemStyle: { color },
      },
      {
        type: 'line',
        id: 'median',
        name: text.median,
        data: data.p50,
        symbol: 'none',
        lineStyle: { width: 2.5, color },
        itemStyle: { color },
        z: 3,
      },
      {
        type: 'line',
        id: 'history',
        name: text.history,
        data: data.history,
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { width: 2, color: INTENSITY_COLORS.history, type: 'dashed' },
        itemStyle: { color: INTENSITY_COLORS.history },
        z: 3,
      },
      {
        type: 'line',
        id: 'targets',
        name: text.target,
        data: targetCells,
        symbol: 'diamond',
        symbolSize: 14,
        showSymbol: true,
        connectNulls: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: INTENSITY_COLORS.target, borderColor: '#fff', borderWidth: 1 },
        label: {
          show: true,
          position: 'right',
          fontSize: fs.axis - 1,
          color: TEXT_COLOR,
          formatter: (p: { dataIndex: number }) => targetAt[p.dataIndex].map((t) => t.label).join(' / '),
        },
        z: 4,
      },
    ],
  };
}
