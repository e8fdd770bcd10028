/**
 * The pathway fan chart: gross and net emissions from the base year to the horizon as P5–P95 and
 * P25–P75 bands around the median, the park's inventory history before the base year, and markers for
 * the 2030 peak target and 2060 neutrality. Pure: data and translated text in, option out.
 */
import { MUTED_TEXT, PALETTE, TEXT_COLOR, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';

type Cell = number | null;

export interface FanBands {
  p5: Cell[];
  p25: Cell[];
  p50: Cell[];
  p75: Cell[];
  p95: Cell[];
}

export interface FanChartData {
  years: number[];
  baseYear: number;
  history: Cell[];
  gross: FanBands;
  net: FanBands;
}

export interface FanChartText {
  history: string;
  grossMedian: string;
  grossInner: string;
  grossOuter: string;
  netMedian: string;
  netInner: string;
  netOuter: string;
  peakTarget: string;
  neutrality: string;
  unit: string;
  formatNumber: (v: number) => string;
}

/** Which quantity gets the percentile bands (the other shows its median only). */
export type FanBandsOf = 'gross' | 'net';

const OUTER_OPACITY = 0.14;
const INNER_OPACITY = 0.28;

export const FAN_COLORS = { gross: PALETTE[0], net: PALETTE[2], history: '#3B3B3B' } as const;

/** Category-axis interval: label only years divisible by 5 (2015, 2020, …), whatever the first year. */
export const everyFifthYear = (_index: number, value: string): boolean => Number(value) % 5 === 0;

const diff = (hi: Cell[], lo: Cell[]): Cell[] =>
  hi.map((h, i) => (h === null || lo[i] === null ? null : h - (lo[i] as number)));

/**
 * Series of one quantity: the lower edge (invisible) and the band width stacked on it for each band
 * (stacked with strategy 'all', so bands below zero stack correctly), then the median line.
 */
function bandSeries(
  id: 'gross' | 'net',
  b: FanBands,
  color: string,
  names: { median: string; inner: string; outer: string },
) {
  /** One invisible line of a band's stack: its lower edge, or, given an opacity, its width shaded. */
  const stacked = (name: string, stack: string, data: Cell[], opacity?: number) => ({
    type: 'line' as const,
    id: `${id}-${stack}-${opacity === undefined ? 'base' : 'band'}`,
    name,
    stack: `${id}-${stack}`,
    stackStrategy: 'all' as const,
    data,
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    ...(opacity === undefined ? {} : { areaStyle: { color, opacity } }),
    itemStyle: { color },
    z: 1,
  });
  return [
    stacked(names.outer, 'outer', b.p5),
    stacked(names.outer, 'outer', diff(b.p95, b.p5), OUTER_OPACITY),
    stacked(names.inner, 'inner', b.p25),
    stacked(names.inner, 'inner', diff(b.p75, b.p25), INNER_OPACITY),
    {
      type: 'line' as const,
      id: `${id}-median`,
      name: names.median,
      data: b.p50,
      symbol: 'none',
      lineStyle: { width: 3.5, color },
      itemStyle: { color },
      z: 3,
    },
  ];
}

/** Legend entries: lines for history and medians, shaded boxes (as drawn) for the bands. */
function legendItems(text: FanChartText, bandsOf: FanBandsOf) {
  const box = (name: string, color: string, opacity: number) => ({
    name,
    icon: 'rect',
    itemStyle: { color, opacity: Math.min(1, opacity * 2) },
  });
  const color = FAN_COLORS[bandsOf];
  const [inner, outer] =
    bandsOf === 'gross' ? [text.grossInner, text.grossOuter] : [text.netInner, text.netOuter];
  return [
    { name: text.history },
    { name: text.grossMedian },
    ...(bandsOf === 'gross' ? [box(inner, color, INNER_OPACITY), box(outer, color, OUTER_OPACITY)] : []),
    { name: text.netMedian },
    ...(bandsOf === 'net' ? [box(inner, color, INNER_OPACITY), box(outer, color, OUTER_OPACITY)] : []),
  ];
}

/** The fan chart option; `large` is the projector scale. */
export function buildFanOption(
  data: FanChartData,
  text: FanChartText,
  bandsOf: FanBandsOf = 'gross',
  large = true,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber;
  const cats = data.years.map(String);
  const first = data.history.findIndex((v) => v !== null);
  const range = (b: FanBands, i: number) =>
    b.p50[i] === null
      ? ''
      : `${fmt(b.p50[i] as number)} <span style="color:${MUTED_TEXT}">(${fmt(b.p25[i] as number)}–${fmt(
          b.p75[i] as number,
        )}; ${fmt(b.p5[i] as number)}–${fmt(b.p95[i] as number)})</span>`;
  const marker = (year: number, label: string, last: boolean) =>
    cats.includes(String(year))
      ? [
          {
            xAxis: String(year),
            label: {
              formatter: label,
              fontSize: fs.axis,
              color: TEXT_COLOR,
              position: 'end' as const,
              align: last ? ('right' as const) : ('center' as const),
            },
          },
        ]
      : [];
  const medianOnly = <T extends { id: string }>(list: T[]) => list.filter((x) => x.id.endsWith('-median'));
  const gross = bandSeries('gross', data.gross, FAN_COLORS.gross, {
    median: text.grossMedian,
    inner: text.grossInner,
    outer: text.grossOuter,
  });
  const net = bandSeries('net', data.net, FAN_COLORS.net, {
    median: text.netMedian,
    inner: text.netInner,
    outer: text.netOuter,
  });
  const lastYear = data.years[data.years.length - 1];
  return {
    aria: { enabled: true },
    animationDuration: 300,
    legend: {
      top: 0,
      left: 0,
      textStyle: { fontSize: fs.legend },
      itemGap: 14,
      data: legendItems(text, bandsOf),
    },
    grid: {
      left: 8,
      right: 24,
      top: large ? 80 : 64,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const i = (list[0] as { dataIndex: number }).dataIndex;
        const lines = [`<b>${cats[i]}</b>`];
        if (data.history[i] !== null) lines.push(`${text.history}: ${fmt(data.history[i] as number)}`);
        if (data.gross.p50[i] !== null) lines.push(`${text.grossMedian}: ${range(data.gross, i)}`);
        if (data.net.p50[i] !== null) lines.push(`${text.netMedian}: ${range(data.net, i)}`);
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
    series: [
      {
        type: 'line',
        id: 'history',
        name: text.history,
        data: data.history,
        symbol: 'circle',
        symbolSize: large ? 8 : 6,
        lineStyle: { width: 3, color: FAN_COLORS.history },
        itemStyle: { color: FAN_COLORS.history },
        z: 4,
        markArea:
          first >= 0
            ? {
                silent: true,
                itemStyle: { color: 'rgba(82, 96, 109, 0.06)' },
                data: [[{ xAxis: cats[first] }, { xAxis: String(data.baseYear) }]],
              }
            : undefined,
      },
      ...(bandsOf === 'gross' ? gross : medianOnly(gross)),
      ...(bandsOf === 'net' ? net : medianOnly(net)).map((s) =>
        s.id === 'net-median'
          ? {
              ...s,
              lineStyle: { ...s.lineStyle, type: 'dashed' as const },
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: MUTED_TEXT, type: 'dotted' as const, width: 2 },
                data: [
                  ...marker(2030, text.peakTarget, lastYear === 2030),
                  ...marker(2060, text.neutrality, lastYear === 2060),
                ],
              },
            }
          : s,
      ),
    ],
  };
}
