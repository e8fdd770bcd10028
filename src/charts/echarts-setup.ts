/**
 * The only place ECharts modules are registered: modular imports from `echarts/core`, not the full bundle.
 */
import * as echarts from 'echarts/core';
import {
  BarChart,
  LineChart,
  PieChart,
  SankeyChart,
  ScatterChart,
  BoxplotChart,
  CustomChart,
} from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  MarkLineComponent,
  MarkAreaComponent,
  DataZoomComponent,
  AriaComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_THEME } from './theme';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  SankeyChart,
  ScatterChart,
  BoxplotChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  MarkLineComponent,
  MarkAreaComponent,
  DataZoomComponent,
  AriaComponent,
  LabelLayout,
  CanvasRenderer,
]);
echarts.registerTheme('pcw', ECHARTS_THEME);

export { echarts };
