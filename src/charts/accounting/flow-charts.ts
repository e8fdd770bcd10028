/**
 * Sankey of emissions (carriers → sectors → scopes) and the peer-distribution chart: pure option builders.
 */
import { GRID_LINE, MUTED_TEXT, chartFontSizes } from '../theme';
import type { ChartOption, ChartText } from '../types';
import { axisFormatter } from './inventory-charts';

export interface SankeyNode {
  /** Unique id (e.g. "c:electricity", "s:chemicals", "e:scope1"). */
  id: string;
  label: string;
  color: string;
  /** Column: 0 carriers, 1 sectors, 2 scopes. */
  depth: number;
}

export interface SankeyData {
  nodes: SankeyNode[];
  links: { source: string; target: string; value: number }[];
}

/**
 * Sankey with labels looked up by node id; the last column is labelled on its left. Nodes carrying less
 * than `minLabelShare` of the total are not labelled.
 */
export function buildSankeyOption(
  data: SankeyData,
  text: ChartText = {},
  large = false,
  minLabelShare = 0.012,
): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => String(Math.round(v)));
  const label = new Map(data.nodes.map((n) => [n.id, n.label]));
  const unit = text.unit ? ` ${text.unit}` : '';
  // Nodes too thin for a legible label get none (their tooltip still names them).
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const l of data.links) {
    outflow.set(l.source, (outflow.get(l.source) ?? 0) + l.value);
    inflow.set(l.target, (inflow.get(l.target) ?? 0) + l.value);
  }
  const size = (id: string) => Math.max(inflow.get(id) ?? 0, outflow.get(id) ?? 0);
  const total = data.nodes.filter((n) => n.depth === 0).reduce((a, n) => a + size(n.id), 0);
  const shown = (id: string) => size(id) >= minLabelShare * total;
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        const d = (Array.isArray(p) ? p[0] : p) as {
          dataType?: string;
          name: string;
          value: unknown;
          data: { source?: string; target?: string };
        };
        const v = `${fmt(Number(d.value))}${unit}`;
        if (d.dataType === 'edge')
          return `${label.get(d.data.source!)} → ${label.get(d.data.target!)}<br/>${v}`;
        return `${label.get(d.name) ?? d.name}<br/>${v}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        nodeGap: 6,
        nodeWidth: 14,
        layoutIterations: 64,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        data: data.nodes.map((n) => ({
          name: n.id,
          depth: n.depth,
          itemStyle: { color: n.color, borderWidth: 0 },
        })),
        links: data.links,
        lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
        label: {
          fontSize: fs.axis,
          color: '#1f2933',
          formatter: (p: { name: string }) => (shown(p.name) ? (label.get(p.name) ?? p.name) : ''),
        },
        levels: [{ depth: 2, label: { position: 'left' } }],
      },
    ],
  };
}

export interface PeerChartData {
  bars: { label: string; value: number; self: boolean }[];
  median: number;
  selfValue: number;
  names: { self: string; median: string; axis?: string };
}

export const PEER_COLOR = '#9aa5b1';
/** Mark-line labels sit on a light box so they stay readable over the bars. */
const LABEL_BOX = { backgroundColor: 'rgba(255,255,255,0.9)', padding: [1, 4], borderRadius: 3 };
export const SELF_COLOR = '#D55E00';

/**
 * The sector peers ranked by intensity, one bar each, the enterprise's own bar highlighted and labelled,
 * with lines at its value and at the peers' median.
 */
export function buildPeerOption(data: PeerChartData, text: ChartText = {}, large = false): ChartOption {
  const fs = chartFontSizes(large);
  const fmt = text.formatNumber ?? ((v: number) => v.toPrecision(3));
  const marks: { name: string; yAxis: number; lineStyle: object; label: object }[] = [];
  if (Number.isFinite(data.median)) {
    marks.push({
      name: data.names.median,
      yAxis: data.median,
      lineStyle: { color: MUTED_TEXT, type: 'dashed', width: 1.5 },
      label: {
        position: 'insideEndTop',
        color: MUTED_TEXT,
        fontSize: fs.axis,
        ...LABEL_BOX,
        formatter: `${data.names.median} ${fmt(data.median)}`,
      },
    });
  }
  if (Number.isFinite(data.selfValue)) {
    marks.push({
      name: data.names.self,
      yAxis: data.selfValue,
      lineStyle: { color: SELF_COLOR, type: 'solid', width: 1.5 },
      label: {
        position: 'insideStartTop',
        color: SELF_COLOR,
        fontSize: fs.axis,
        fontWeight: 600,
        ...LABEL_BOX,
        formatter: `${data.names.self} ${fmt(data.selfValue)}`,
      },
    });
  }
  return {
    aria: { enabled: true },
    grid: {
      left: 8,
      right: 16,
      top: 32,
      bottom: data.names.axis ? 28 : 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => fmt(Number(v)),
      confine: true,
    },
    xAxis: {
      type: 'category',
      data: data.bars.map((b) => b.label),
      name: data.names.axis,
      nameLocation: 'middle',
      nameGap: 8,
      nameTextStyle: { fontSize: fs.axis, color: MUTED_TEXT },
      axisLabel: { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      name: text.unit,
      nameTextStyle: { fontSize: fs.axis, align: 'left' },
      axisLabel: { fontSize: fs.axis, formatter: axisFormatter(fmt) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [
      {
        type: 'bar',
        name: text.title ?? '',
        barCategoryGap: '20%',
        data: data.bars.map((b) => ({
          value: b.value,
          itemStyle: { color: b.self ? SELF_COLOR : PEER_COLOR },
        })),
        markLine: { symbol: 'none', silent: true, data: marks },
      },
    ],
  };
}
