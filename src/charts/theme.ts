/**
 * The workbench's colour-blind-safe palette (Okabe & Ito 2008, extended with Paul Tol's "muted" set)
 * and type scale, shared by the CSS and the ECharts theme.
 */
import type { CarrierCode } from '../core/carriers';

export const PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#332288', // indigo (Tol)
  '#117733', // green (Tol)
  '#882255', // wine (Tol)
  '#999933', // olive (Tol)
  '#44AA99', // teal (Tol)
  '#AA4499', // purple (Tol)
  '#7F7F7F', // grey
] as const;

/** Fixed colours per carrier, so a carrier looks the same in every chart. */
/** Exhaustive over the carrier codes: a new carrier without a colour fails type-checking. */
export const CARRIER_COLORS: Record<CarrierCode, string> = {
  electricity: '#0072B2',
  green_electricity: '#009E73',
  pv_electricity: '#F0E442',
  natural_gas: '#E69F00',
  raw_coal: '#3B3B3B',
  heat: '#D55E00',
  heat_in_park: '#CC79A7',
  diesel: '#882255',
  gasoline: '#AA4499',
  fuel_oil: '#332288',
  lpg: '#999933',
  biomass: '#117733',
  process_co2: '#7F7F7F',
  electricity_export: '#56B4E9',
  heat_export: '#44AA99',
};

/** The colour of a carrier code read from data (a code the registry does not know gets grey). */
export function carrierColor(code: string): string {
  return (CARRIER_COLORS as Record<string, string>)[code] ?? '#7F7F7F';
}

export const TEXT_COLOR = '#1f2933';
export const MUTED_TEXT = '#52606d';
export const GRID_LINE = '#e4e7eb';
export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** Font sizes (px) for charts; `large` is the projector/workshop scale. */
export function chartFontSizes(large = false) {
  return large
    ? { base: 16, axis: 15, title: 20, legend: 15 }
    : { base: 13, axis: 12, title: 15, legend: 12 };
}

/** The ECharts theme object registered as "pcw". */
export const ECHARTS_THEME = {
  color: [...PALETTE],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR },
  title: { textStyle: { color: TEXT_COLOR, fontWeight: 600 }, subtextStyle: { color: MUTED_TEXT } },
  legend: { textStyle: { color: TEXT_COLOR } },
  categoryAxis: {
    axisLine: { lineStyle: { color: '#9aa5b1' } },
    axisTick: { lineStyle: { color: '#9aa5b1' } },
    axisLabel: { color: MUTED_TEXT },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: MUTED_TEXT },
    splitLine: { lineStyle: { color: GRID_LINE } },
  },
  tooltip: {
    backgroundColor: 'rgba(255,255,255,0.97)',
    borderColor: '#cbd2d9',
    textStyle: { color: TEXT_COLOR },
  },
};
