/**
 * The Pathways fan chart (src/charts/pathways/fan.ts) as the workshop shows it: restyled for a dark or
 * light projector theme, at a type size for the room, with one element highlighted (the others dimmed).
 * Pure: an option in, a new option out; the fan chart's own builder draws everything, this only
 * changes colours, sizes and emphasis.
 */
import { FAN_COLORS } from './fan';
import { PALETTE } from '../theme';
import type { ChartOption } from '../types';
import type { Highlight } from '../../core/workshop/story';

export type ProjectorTheme = 'light' | 'dark';

export interface FanLook {
  theme: ProjectorTheme;
  highlight: Highlight | null;
  /** Axis, legend and marker label size, px. */
  fontSize: number;
}

/** Chart ink per theme: text, secondary text, grid lines, the history line, the emphasis colour. */
export const FAN_INK = {
  light: {
    text: '#111827',
    muted: '#3e4c59',
    grid: '#d9dee3',
    history: '#3b3b3b',
    gross: FAN_COLORS.gross,
    emphasis: '#b45309',
    shade: 'rgba(82, 96, 109, 0.08)',
  },
  dark: {
    text: '#f0f4f8',
    muted: '#c3ccd5',
    grid: '#34414e',
    history: '#e4e7eb',
    gross: PALETTE[4],
    emphasis: '#f0b429',
    shade: 'rgba(255, 255, 255, 0.07)',
  },
} as const;

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});

/** Series ids (fan.ts) each highlight emphasises; the targets emphasise a marker instead. */
function emphasised(id: string, h: Highlight): boolean {
  switch (h) {
    case 'history':
      return id === 'history';
    case 'gross':
      return id.startsWith('gross-');
    case 'net':
      return id.startsWith('net-');
    case 'bands':
      return id.endsWith('-band');
    case 'target2030':
    case 'target2060':
      return false;
  }
}

const TARGET_YEAR: Partial<Record<Highlight, number>> = { target2030: 2030, target2060: 2060 };

/** The year categories around a target: the year before to the year after, within the axis. */
function around(cats: string[], year: number): [string, string] | null {
  const i = cats.indexOf(String(year));
  if (i < 0) return null;
  return [cats[Math.max(0, i - 1)], cats[Math.min(cats.length - 1, i + 1)]];
}

export function projectorFan(option: ChartOption, look: FanLook): ChartOption {
  const ink = FAN_INK[look.theme];
  const h = look.highlight;
  const target = h ? TARGET_YEAR[h] : undefined;
  const xAxis = obj(option.xAxis);
  const yAxis = obj(option.yAxis);
  const cats = (xAxis.data as string[] | undefined) ?? [];
  const recolour = (c: unknown) => (c === FAN_COLORS.gross ? ink.gross : c);
  const fs = look.fontSize;

  const series = ((option.series as Obj[] | undefined) ?? []).map((s0) => {
    const s: Obj = { ...s0 };
    const id = String(s.id ?? '');
    const isHistory = id === 'history';
    const line = { ...obj(s.lineStyle) };
    const item = { ...obj(s.itemStyle) };
    const area = s.areaStyle ? { ...obj(s.areaStyle) } : null;
    if (isHistory) {
      line.color = ink.history;
      item.color = ink.history;
    }
    line.color = recolour(line.color);
    item.color = recolour(item.color);
    if (area) area.color = recolour(area.color);
    if (h && !target) {
      const on = emphasised(id, h);
      if (on) {
        if (typeof line.width === 'number') line.width += 2.5;
        if (area) area.opacity = Math.min(0.75, Number(area.opacity ?? 0.2) * 2);
      } else {
        if (line.opacity !== 0) line.opacity = 0.3;
        if (area) area.opacity = Number(area.opacity ?? 0.2) * 0.45;
      }
    }
    s.lineStyle = line;
    s.itemStyle = item;
    if (area) s.areaStyle = area;
    if (s.markArea) {
      const ma = obj(s.markArea);
      s.markArea = { ...ma, itemStyle: { ...obj(ma.itemStyle), color: ink.shade } };
    }
    if (s.markLine) {
      const ml = obj(s.markLine);
      s.markLine = {
        ...ml,
        lineStyle: { ...obj(ml.lineStyle), color: ink.muted },
        data: ((ml.data as Obj[] | undefined) ?? []).map((d) => {
          const hit = target !== undefined && d.xAxis === String(target);
          const label = { ...obj(d.label), color: hit ? ink.emphasis : ink.text, fontSize: fs };
          return hit
            ? {
                ...d,
                label: { ...label, fontWeight: 'bold', fontSize: Math.round(fs * 1.2) },
                lineStyle: { color: ink.emphasis, width: 4, type: 'solid' },
              }
            : { ...d, label };
        }),
      };
      const span = target !== undefined ? around(cats, target) : null;
      if (span) {
        s.markArea = {
          silent: true,
          itemStyle: { color: ink.emphasis, opacity: 0.16 },
          data: [[{ xAxis: span[0] }, { xAxis: span[1] }]],
        };
      }
    }
    return s;
  });

  const legend = obj(option.legend);
  const axisLabel = (a: Obj) => ({ ...obj(a.axisLabel), color: ink.muted, fontSize: fs });
  return {
    ...option,
    textStyle: { ...obj(option.textStyle), color: ink.text },
    legend: {
      ...legend,
      textStyle: { ...obj(legend.textStyle), color: ink.text, fontSize: fs },
      data: ((legend.data as Obj[] | undefined) ?? []).map((d) =>
        d.itemStyle
          ? { ...d, itemStyle: { ...obj(d.itemStyle), color: recolour(obj(d.itemStyle).color) } }
          : d,
      ),
    },
    grid: { ...obj(option.grid), top: Math.round(fs * 4.2) },
    xAxis: {
      ...xAxis,
      axisLabel: axisLabel(xAxis),
      axisLine: { lineStyle: { color: ink.muted } },
      axisTick: { ...obj(xAxis.axisTick), lineStyle: { color: ink.muted } },
    },
    yAxis: {
      ...yAxis,
      axisLabel: axisLabel(yAxis),
      nameTextStyle: { ...obj(yAxis.nameTextStyle), color: ink.muted, fontSize: fs },
      splitLine: { lineStyle: { color: ink.grid } },
    },
    tooltip: {
      ...obj(option.tooltip),
      backgroundColor: look.theme === 'dark' ? 'rgba(21, 29, 38, 0.97)' : 'rgba(255, 255, 255, 0.97)',
      textStyle: { color: ink.text, fontSize: fs },
    },
    series,
  } as ChartOption;
}
