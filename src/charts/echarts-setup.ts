/**
 * The only place ECharts modules are registered: modular imports from `echarts/core`, not the full bundle.
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  MarkAreaComponent,
  AriaComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_THEME } from './theme';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  SankeyChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  MarkAreaComponent,
  AriaComponent,
  LabelLayout,
  CanvasRenderer,
]);
echarts.registerTheme('pcw', ECHARTS_THEME);

export { echarts };
