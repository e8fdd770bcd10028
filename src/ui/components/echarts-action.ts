/**
 * The only imperative ECharts code: init, setOption (notMerge), resize with the container, dispose.
 */
import type { Action } from 'svelte/action';
import { echarts } from '../../charts/echarts-setup';
import type { ChartOption } from '../../charts/types';

export interface EChartsParams {
  option: ChartOption;
  onClick?: (params: unknown) => void;
}

export const echartsAction: Action<HTMLElement, EChartsParams> = (node, params) => {
  let chart: echarts.ECharts | null = echarts.init(node, 'pcw', { renderer: 'canvas' });
  let current = params;
  const apply = (p: EChartsParams) => {
    if (!chart || chart.isDisposed()) return;
    chart.setOption(p.option, { notMerge: true });
  };
  chart.on('click', (e) => current.onClick?.(e));
  apply(params);
  // The observer also reports the size the chart was made at, first thing: a resize to the same size
  // would lay out and draw the whole chart again.
  const observer = new ResizeObserver(() => {
    if (!chart || chart.isDisposed()) return;
    if (node.clientWidth !== chart.getWidth() || node.clientHeight !== chart.getHeight()) chart.resize();
  });
  observer.observe(node);
  return {
    update(next: EChartsParams) {
      current = next;
      apply(next);
    },
    destroy() {
      observer.disconnect();
      chart?.dispose();
      chart = null;
    },
  };
};
