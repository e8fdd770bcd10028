import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFanOption, FAN_COLORS, type FanChartData } from '../../../../../src/charts/pathways/fan';
import { FAN_INK, projectorFan } from '../../../../../src/charts/pathways/projector';
import { shortcutFor, topDrivers } from '../../../../../src/ui/pages/workshop/workshop-vm';
import { parseStoryJson } from '../../../../../src/core/workshop/story';
import type { SimulationSummary } from '../../../../../src/core/scenario/index';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('workshop shortcuts', () => {
  it('map 1/2/3 to the presets in order, 4 to our scenario, R, F and ?', () => {
    expect(shortcutFor(key('1'), 'other')).toEqual({ type: 'preset', id: 'bau' });
    expect(shortcutFor(key('2'), 'slider')).toEqual({ type: 'preset', id: 'policy' });
    expect(shortcutFor(key('3'), 'other')).toEqual({ type: 'preset', id: 'ambitious' });
    expect(shortcutFor(key('4'), 'other')).toEqual({ type: 'yours' });
    expect(shortcutFor(key('5'), 'other')).toBeNull();
    expect(shortcutFor(key('R'), 'other')).toEqual({ type: 'reset' });
    expect(shortcutFor(key('f'), 'other')).toEqual({ type: 'fullscreen' });
    expect(shortcutFor(key('?'), 'other')).toEqual({ type: 'help' });
  });

  it('leave the arrows and page keys to a focused slider; otherwise they move the story', () => {
    for (const k of ['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown'])
      expect(shortcutFor(key(k), 'slider')).toBeNull();
    expect(shortcutFor(key('ArrowRight'), 'other')).toEqual({ type: 'next' });
    expect(shortcutFor(key('PageDown'), 'other')).toEqual({ type: 'next' });
    expect(shortcutFor(key('ArrowLeft'), 'other')).toEqual({ type: 'back' });
    expect(shortcutFor(key('PageUp'), 'other')).toEqual({ type: 'back' });
  });

  it('do nothing while typing or with a modifier held (browser shortcuts keep working)', () => {
    expect(shortcutFor(key('r'), 'text')).toBeNull();
    expect(shortcutFor(key('1'), 'text')).toBeNull();
    expect(shortcutFor(key('r', { ctrlKey: true }), 'other')).toBeNull();
    expect(shortcutFor(key('f', { metaKey: true }), 'other')).toBeNull();
    expect(shortcutFor(key('ArrowLeft', { altKey: true }), 'other')).toBeNull();
  });
});

describe('the uncertainty drivers of a run', () => {
  it('are the groups explaining most of the spread of cumulative emissions, largest first', () => {
    const summary = {
      sensitivity_groups: [
        { group: 'grid_factor', output: 'cumulative_tco2', r2: 0.1, sign: 1, inputs: 3 },
        { group: 'output_growth', output: 'cumulative_tco2', r2: 0.6, sign: 1, inputs: 12 },
        { group: 'output_growth', output: 'peak_year', r2: 0.9, sign: 1, inputs: 12 },
        { group: 'pv_yield', output: 'cumulative_tco2', r2: 0, sign: -1, inputs: 1 },
        { group: 'lever.extra_efficiency', output: 'cumulative_tco2', r2: 0.2, sign: -1, inputs: 1 },
        { group: 'sink_uptake', output: 'cumulative_tco2', r2: 0.05, sign: -1, inputs: 2 },
      ],
    } as unknown as SimulationSummary;
    expect(topDrivers(summary)).toEqual([
      { group: 'output_growth', r2: 0.6 },
      { group: 'lever.extra_efficiency', r2: 0.2 },
      { group: 'grid_factor', r2: 0.1 },
    ]);
  });
});

const band = (base: number) => ({
  p5: [null, base - 20, base - 30],
  p25: [null, base - 10, base - 15],
  p50: [null, base, base],
  p75: [null, base + 10, base + 15],
  p95: [null, base + 20, base + 30],
});
const DATA: FanChartData = {
  years: [2023, 2030, 2060],
  baseYear: 2023,
  history: [100, null, null],
  gross: band(100),
  net: band(80),
};
const TEXT = {
  history: 'history',
  grossMedian: 'gross median',
  grossInner: 'gross 50',
  grossOuter: 'gross 90',
  netMedian: 'net median',
  netInner: 'net 50',
  netOuter: 'net 90',
  peakTarget: '2030 peak',
  neutrality: '2060 neutral',
  unit: 't',
  formatNumber: (v: number) => String(v),
};
type S = {
  id: string;
  lineStyle?: { width?: number; opacity?: number; color?: string };
  areaStyle?: { opacity: number; color?: string };
};
const series = (o: unknown) => (o as { series: S[] }).series;
const byId = (o: unknown, id: string) => series(o).find((s) => s.id === id)!;

describe('the fan chart on a projector', () => {
  const base = buildFanOption(DATA, TEXT, 'gross', true);

  it('emphasises the highlighted element and dims the others, without changing the chart it is given', () => {
    const before = JSON.stringify(base);
    const o = projectorFan(base, { theme: 'light', highlight: 'history', fontSize: 18 });
    expect(byId(o, 'history').lineStyle!.width).toBeGreaterThan(byId(base, 'history').lineStyle!.width!);
    expect(byId(o, 'gross-median').lineStyle!.opacity).toBeLessThan(1);
    expect(byId(o, 'gross-outer-band').areaStyle!.opacity).toBeLessThan(
      byId(base, 'gross-outer-band').areaStyle!.opacity,
    );
    expect(JSON.stringify(base)).toBe(before);

    const bands = projectorFan(base, { theme: 'light', highlight: 'bands', fontSize: 18 });
    expect(byId(bands, 'gross-inner-band').areaStyle!.opacity).toBeGreaterThan(
      byId(base, 'gross-inner-band').areaStyle!.opacity,
    );
    expect(byId(bands, 'gross-median').lineStyle!.opacity).toBeLessThan(1);
  });

  it('marks a target year with a coloured band and a bold label', () => {
    const o = projectorFan(base, { theme: 'dark', highlight: 'target2060', fontSize: 20 });
    const net = byId(o, 'net-median') as unknown as {
      markLine: { data: { xAxis: string; label: { color: string; fontSize: number } }[] };
      markArea: { data: { xAxis: string }[][] };
    };
    const [m2030, m2060] = net.markLine.data;
    expect(m2060.label.color).toBe(FAN_INK.dark.emphasis);
    expect(m2060.label.fontSize).toBeGreaterThan(20);
    expect(m2030.label.color).toBe(FAN_INK.dark.text);
    expect(net.markArea.data[0].map((p) => p.xAxis)).toEqual(['2030', '2060']);
  });

  it('draws in the dark theme with light ink and a lighter gross colour, legend included', () => {
    const o = projectorFan(base, { theme: 'dark', highlight: null, fontSize: 20 }) as unknown as {
      legend: { textStyle: { color: string; fontSize: number }; data: { itemStyle?: { color: string } }[] };
      xAxis: { axisLabel: { color: string; fontSize: number } };
    };
    expect(byId(o, 'history').lineStyle!.color).toBe(FAN_INK.dark.history);
    expect(byId(o, 'gross-median').lineStyle!.color).toBe(FAN_INK.dark.gross);
    expect(o.legend.textStyle).toMatchObject({ color: FAN_INK.dark.text, fontSize: 20 });
    expect(o.xAxis.axisLabel).toMatchObject({ color: FAN_INK.dark.muted, fontSize: 20 });
    const boxes = o.legend.data.filter((d) => d.itemStyle).map((d) => d.itemStyle!.color);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes).not.toContain(FAN_COLORS.gross);
  });
});

describe('docs/workshop.md', () => {
  it('has a story example that passes the validator on a park', () => {
    const md = readFileSync('docs/workshop.md', 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)![1];
    const r = parseStoryJson(json, { baseYear: 2023, demandGwh: 420, pvPotentialMw: 60 });
    expect(r.ok).toBe(true);
  });
});
