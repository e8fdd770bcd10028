/**
 * The Monte Carlo distribution of a product footprint: a histogram of the runs (share of runs per
 * bin), with the 95 % range and the median marked, and the deterministic footprint as a dashed line.
 */
import { MUTED_TEXT, PALETTE, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';

export interface DistributionData {
  edges: number[];
  counts: number[];
  p2_5: number;
  p50: number;
  p97_5: number;
  deterministic: number;
}

export interface DistributionText {
  axis: string;
  share: string;
  p2_5: string;
  p50: string;
  p97_5: string;
  deterministic: string;
  formatKg: (v: number) => string;
  formatPct: (v: number) => string;
}

export function buildDistributionOption(
  d: DistributionData,
  text: DistributionText,
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  const n = d.counts.reduce((a, b) => a + b, 0) || 1;
  const mids = d.counts.map((_, i) => (d.edges[i] + d.edges[i + 1]) / 2);
  // Labels sit above the plot (the median and the deterministic value are close: one label left of
  // its line, the other right), the range ends inside the plot.
  type Pos = 'insideEndTop' | 'insideEndBottom' | 'end';
  const mark = (x: number, name: string, color: string, position: Pos, dashed = false) => ({
    xAxis: x,
    name,
    lineStyle: { color, type: dashed ? ('dashed' as const) : ('solid' as const), width: 2 },
    label: { formatter: name, color, fontSize: fs.axis, position, backgroundColor: '#fff', padding: [1, 3] },
  });
  const detLeft = d.deterministic < d.p50;
  return {
    aria: { enabled: true },
    animationDuration: 300,
    grid: {
      left: 8,
      right: 24,
      top: 36,
      bottom: 32,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const i = ((Array.isArray(p) ? p[0] : p) as { dataIndex: number }).dataIndex;
        return `${text.formatKg(d.edges[i])} – ${text.formatKg(d.edges[i + 1])}<br/>${text.share}: ${text.formatPct(d.counts[i] / n)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: d.edges[0],
      max: d.edges[d.edges.length - 1],
      name: text.axis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { fontSize: fs.axis },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => text.formatKg(v) },
    },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => text.formatPct(v) },
      splitLine: { show: true },
    },
    series: [
      {
        type: 'bar',
        barWidth: '96%',
        data: mids.map((x, i) => [x, d.counts[i] / n]),
        itemStyle: { color: PALETTE[4] },
        barMinWidth: 1,
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            mark(d.p2_5, text.p2_5, PALETTE[0], 'insideEndTop'),
            mark(d.p50, text.p50, PALETTE[3], detLeft ? 'insideEndBottom' : 'insideEndTop'),
            mark(d.p97_5, text.p97_5, PALETTE[0], 'insideEndTop'),
            mark(
              d.deterministic,
              text.deterministic,
              MUTED_TEXT,
              detLeft ? 'insideEndTop' : 'insideEndBottom',
              true,
            ),
          ],
        },
      },
    ],
  };
}
