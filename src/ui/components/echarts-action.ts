/**
 * The only imperative ECharts code: init, setOption (notMerge), resize with the container, dispose.
 *
 * A chart is drawn at once when it is made (with the option's own entry animation). Later options (a
 * new result, a slider moved) are drawn without animation, one chart per task in the order they came,
 * and a chart that gets a newer option before its turn draws only the newest: a page with ten charts
 * then never holds the main thread for all ten at once, and the first chart on the page (e.g. the fan
 * chart) shows the new result first.
 */
import type { Action } from 'svelte/action';
import { echarts } from '../../charts/echarts-setup';
import type { ChartOption } from '../../charts/types';

/** The DOM event a chart's host fires when ECharts has finished drawing (animation included). */
const CHART_FINISHED = 'pcw-chart-finished';

export interface EChartsParams {
  option: ChartOption;
  onClick?: (params: unknown) => void;
  /** The chart's description for assistive technology (written into the host's aria-label), asked for when drawn. */
  describe?: () => string;
  /** What the description depends on besides the option (language, title, unit): a change redraws it. */
  describedBy?: string;
}

/** Charts with an option waiting to be drawn, oldest first. */
const waiting = new Set<() => void>();
let posted = false;
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();

/** Draws the oldest waiting chart, then yields to the page before the next. */
function drawNext(): void {
  posted = false;
  const next = waiting.values().next();
  if (next.done) return;
  waiting.delete(next.value);
  next.value();
  post();
}

function post(): void {
  if (posted || waiting.size === 0) return;
  posted = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drawNext, 0);
}
if (channel) channel.port1.onmessage = drawNext;

export const echartsAction: Action<HTMLElement, EChartsParams> = (node, params) => {
  let chart: echarts.ECharts | null = echarts.init(node, 'pcw', { renderer: 'canvas' });
  let current = params;
  const apply = (p: EChartsParams, animate: boolean) => {
    if (!chart || chart.isDisposed()) return;
    const description = p.describe?.();
    const option = {
      ...p.option,
      ...(animate ? {} : { animation: false }),
      ...(description === undefined ? {} : { aria: { enabled: true, label: { description } } }),
    };
    chart.setOption(option, { notMerge: true });
  };
  const drawLatest = () => apply(current, false);
  chart.on('click', (e) => current.onClick?.(e));
  // Said on the host when a drawing is complete (the benchmark times "new result painted" by it).
  chart.on('finished', () => node.dispatchEvent(new CustomEvent(CHART_FINISHED, { bubbles: true })));
  apply(params, true);
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
      // A chart already waiting keeps its place and draws the newest option when its turn comes.
      waiting.add(drawLatest);
      post();
    },
    destroy() {
      waiting.delete(drawLatest);
      observer.disconnect();
      chart?.dispose();
      chart = null;
    },
  };
};
