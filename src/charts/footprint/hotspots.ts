/**
 * Hotspots of a product footprint: one horizontal bar per input (kg CO2e per functional unit), the
 * largest at the top, coloured by life-cycle stage, labelled with its share; the tooltip gives the
 * input's own 95 % range and its share of the total's variance.
 */
import { PALETTE, chartFontSizes } from '../theme';
import type { ChartOption } from '../types';

export interface HotspotRow {
  label: string;
  stage: string;
  kgco2e: number;
  share: number;
  p2_5: number;
  p97_5: number;
  varianceShare: number;
}

export interface HotspotText {
  axis: string;
  stageNames: Record<string, string>;
  range: string;
  variance: string;
  formatKg: (v: number) => string;
  formatPct: (v: number) => string;
}

const STAGE_COLORS: Record<string, string> = {
  materials: PALETTE[0],
  energy: PALETTE[1],
  transport: PALETTE[2],
  packaging: PALETTE[5],
  end_of_life: PALETTE[13],
};

/** Rows sorted largest first; at most `limit` bars, the rest summed into one "other" bar by the caller. */
export function buildHotspotOption(
  rows: readonly HotspotRow[],
  text: HotspotText,
  large = false,
): ChartOption {
  const fs = chartFontSizes(large);
  // Largest first in the data (and so in the chart's data table), drawn from the top.
  const shown = rows;
  return {
    aria: { enabled: true },
    animationDuration: 300,
    grid: {
      left: 8,
      right: 72,
      top: 8,
      bottom: 32,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const r = shown[(p as { dataIndex: number }).dataIndex];
        return (
          `<b>${r.label}</b> · ${text.stageNames[r.stage] ?? r.stage}<br/>${text.formatKg(r.kgco2e)} (${text.formatPct(r.share)})` +
          `<br/>${text.range}: ${text.formatKg(r.p2_5)} – ${text.formatKg(r.p97_5)}<br/>${text.variance}: ${text.formatPct(r.varianceShare)}`
        );
      },
    },
    xAxis: {
      type: 'value',
      name: text.axis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { fontSize: fs.axis },
      axisLabel: { fontSize: fs.axis },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => r.label),
      axisLabel: { fontSize: fs.axis, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: text.axis,
        barMaxWidth: 22,
        data: shown.map((r) => ({
          value: r.kgco2e,
          itemStyle: { color: STAGE_COLORS[r.stage] ?? PALETTE[13] },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: fs.axis,
          formatter: (p: { dataIndex: number }) => text.formatPct(shown[p.dataIndex].share),
        },
      },
    ],
  };
}
