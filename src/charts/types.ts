import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  SankeySeriesOption,
  ScatterSeriesOption,
  BoxplotSeriesOption,
  CustomSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  TooltipComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  DatasetComponentOption,
  MarkLineComponentOption,
  MarkAreaComponentOption,
  DataZoomComponentOption,
  AriaComponentOption,
} from 'echarts/components';

/** The option type of every chart the workbench builds. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | SankeySeriesOption
  | ScatterSeriesOption
  | BoxplotSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | DatasetComponentOption
  | MarkLineComponentOption
  | MarkAreaComponentOption
  | DataZoomComponentOption
  | AriaComponentOption
>;

/** Text a chart builder needs, already translated by the caller. */
export interface ChartText {
  title?: string;
  unit?: string;
  /** Formats a number for tooltips and labels in the current language. */
  formatNumber?: (v: number) => string;
}
