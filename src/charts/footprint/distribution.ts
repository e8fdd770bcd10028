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
  const bins = d.counts.length;
  const width = bins > 0 ? (d.edges[bins] - d.edges[0]) / bins : 1;
  // A category axis of bins (so the chart's data table lists them); a value sits at its fractional bin
  // index, bin i spanning i − ½ … i + ½.
  const at = (x: number) => Math.min(bins - 0.5, Math.max(-0.5, (x - d.edges[0]) / width - 0.5));
  // Each bin named by its centre (the data table lists centre and share).
  const labels = d.counts.map((_, i) => text.formatKg((d.edges[i] + d.edges[i + 1]) / 2));
  // Labels sit at the top of their lines, on either side, so close lines (median, deterministic) do not
  // cover each other.
  type Pos = 'insideEndTop' | 'insideEndBottom';
  const mark = (x: number, name: string, color: string, position: Pos, dashed = false) => ({
    xAxis: at(x),
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
      type: 'category',
      data: labels,
      name: text.axis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { fontSize: fs.axis },
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: fs.axis },
    },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => text.formatPct(v) },
      splitLine: { show: true },
    },
    series: [
      {
        type: 'bar',
        name: text.share,
        barCategoryGap: '4%',
        data: d.counts.map((c) => c / n),
        itemStyle: { color: PALETTE[4] },
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
