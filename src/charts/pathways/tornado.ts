/**
 * Tornado chart of Spearman rank correlations between the uncertain inputs and one output: the
 * strongest at the top, positive to the right, negative to the left.
 */
import { PALETTE, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';

export interface TornadoData {
  /** Already sorted by |ρ|, largest first. */
  rows: { label: string; rho: number }[];
}

export interface TornadoText {
  axis: string;
  positive: string;
  negative: string;
  formatRho: (v: number) => string;
}

export const TORNADO_COLORS = { positive: PALETTE[3], negative: PALETTE[0] } as const;

export function buildTornadoOption(data: TornadoData, text: TornadoText, large = true): ChartOption {
  const fs = chartFontSizes(large);
  const max = Math.max(0.1, ...data.rows.map((r) => Math.abs(r.rho)));
  // A multiple of 0.2 so that five labels (−b, −b/2, 0, b/2, b) fit on a narrow chart.
  const bound = Math.min(1, Math.ceil((max + 0.05) * 5) / 5);
  return {
    aria: { enabled: true },
    animationDuration: 300,
    grid: {
      left: 8,
      right: 24,
      top: 16,
      bottom: large ? 44 : 36,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number };
        const r = data.rows[dataIndex];
        return `${r.label}<br/>ρ = ${text.formatRho(r.rho)} (${r.rho >= 0 ? text.positive : text.negative})`;
      },
    },
    xAxis: {
      type: 'value',
      min: -bound,
      max: bound,
      interval: bound / 2,
      name: text.axis,
      nameLocation: 'middle',
      nameGap: large ? 30 : 24,
      nameTextStyle: { fontSize: fs.axis },
      axisLabel: { fontSize: fs.axis, formatter: (v: number) => text.formatRho(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.rows.map((r) => r.label),
      // Long input names are cut with an ellipsis rather than pushing the bars off a narrow chart.
      axisLabel: { fontSize: fs.axis, width: large ? 320 : 240, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        id: 'rho',
        data: data.rows.map((r) => ({
          value: r.rho,
          itemStyle: { color: r.rho >= 0 ? TORNADO_COLORS.positive : TORNADO_COLORS.negative },
          label: { position: r.rho >= 0 ? ('right' as const) : ('left' as const) },
        })),
        label: {
          show: true,
          fontSize: fs.axis,
          formatter: (p: { value: unknown }) => text.formatRho(Number(p.value)),
        },
        barMaxWidth: 26,
      },
    ],
  };
}
