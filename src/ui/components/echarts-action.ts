/**
 * The only imperative ECharts code: init, setOption (notMerge), resize with the container, dispose.
 *
 * A chart is drawn at once when it is made (with the option's own entry animation). Later options (a
 * new result, a slider moved) are drawn without animation, one chart per task in the order of the page,
 * and a chart that gets a newer option before its turn draws only the newest: a page with ten charts
 * then never holds the main thread for all ten at once, and the first chart on the page (e.g. the fan
 * chart) shows the new result first. A chart out of view (more than a screen's margin away) waits
 * until it is scrolled near, or the page is printed: moving a slider redraws what the reader sees.
 * While it waits its host is marked aria-busy.
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

/** The performance mark of the first frame a chart drew on this page. */
const FIRST_CHART_FRAME = 'pcw:first-chart-frame';
let firstFrameMarked = false;

/** A chart with an option waiting to be drawn. */
interface Waiting {
  draw(): void;
  /** Whether the chart is in or near the view (as the intersection observer last said). */
  near: boolean;
  /** The chart's host, for its place in the page. */
  node: Element;
}

/** Charts with an option waiting to be drawn, oldest first. */
const waiting = new Set<Waiting>();
let posted = false;
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();

/** Node.DOCUMENT_POSITION_FOLLOWING: the other node comes after this one. */
const FOLLOWS = 4;

/**
 * Draws the waiting chart in view that comes first in the page, then yields to the page before the
 * next: a new result's first chart (the fan chart) is not kept waiting behind the lower charts of the
 * result before it.
 */
function drawNext(): void {
  posted = false;
  let first: Waiting | null = null;
  for (const chart of waiting) {
    if (!chart.near) continue;
    if (!first || chart.node.compareDocumentPosition(first.node) & FOLLOWS) first = chart;
  }
  if (first) {
    waiting.delete(first);
    first.draw();
  }
  post();
}

/** Whether a chart in or near the view waits to be drawn. */
const anyNearWaiting = () => [...waiting].some((c) => c.near);

function post(): void {
  if (posted) return;
  if (!anyNearWaiting()) {
    settle();
    return;
  }
  posted = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drawNext, 0);
}

/** Those waiting for every chart in view to be drawn (chartsDrawn). */
let drawnWaiters: (() => void)[] = [];

function settle(): void {
  const waiters = drawnWaiters;
  drawnWaiters = [];
  for (const resolve of waiters) resolve();
}

/**
 * Resolves once no chart in or near the view waits to be drawn, or after `capMs` at most: e.g. the
 * Pathways page lets its preview's charts draw before the full sample takes the cores. Options given
 * in the current task count (the page's state flushed first: call it after Svelte's `tick()`).
 */
export function chartsDrawn(capMs: number): Promise<void> {
  if (!anyNearWaiting()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, capMs);
    function done() {
      clearTimeout(timer);
      drawnWaiters = drawnWaiters.filter((r) => r !== done);
      resolve();
    }
    drawnWaiters.push(done);
  });
}
if (channel) channel.port1.onmessage = drawNext;

// A printed page shows every chart as it is now.
globalThis.addEventListener?.('beforeprint', () => {
  for (const chart of [...waiting]) {
    waiting.delete(chart);
    chart.draw();
  }
});

/** Charts' hosts watched for being in or near the view (one observer for all). */
const watched = new Map<Element, Waiting>();
const nearby =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            const chart = watched.get(e.target);
            if (chart) chart.near = e.isIntersecting;
          }
          post();
        },
        { rootMargin: '100% 0px' },
      );

/**
 * The shape of an option: every key and every array's length, each value's type, but no number or
 * string. Two options of one shape set the same properties, so merging the second into a chart that
 * shows the first gives what drawing it afresh would (ECharts replaces arrays and merges objects key
 * by key); merging reuses the chart's components and views, where drawing afresh builds them again.
 */
export function optionShape(value: unknown): string {
  if (Array.isArray(value)) {
    // A data array (numbers, strings, nulls) is replaced whole by a merge: its length is enough.
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.length}]`;
    return `[${value.map(optionShape).join(',')}]`;
  }
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .map((k) => `${k}:${optionShape((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return typeof value;
}

export const echartsAction: Action<HTMLElement, EChartsParams> = (node, params) => {
  let chart: echarts.ECharts | null = echarts.init(node, 'pcw', { renderer: 'canvas' });
  let current = params;
  /** The shape of the option on show (optionShape). */
  let shown = '';
  const apply = (p: EChartsParams, animate: boolean) => {
    if (!chart || chart.isDisposed()) return;
    const description = p.describe?.();
    const option = {
      ...p.option,
      ...(animate ? {} : { animation: false }),
      ...(description === undefined ? {} : { aria: { enabled: true, label: { description } } }),
    };
    const shape = optionShape(option);
    // A new result for the same chart (same series, axes, legend) is merged; anything else drawn afresh.
    chart.setOption(option, shape === shown ? { notMerge: false } : { notMerge: true });
    shown = shape;
  };
  const pending: Waiting = {
    node,
    near: true,
    draw: () => {
      node.removeAttribute('aria-busy');
      apply(current, false);
    },
  };
  watched.set(node, pending);
  nearby?.observe(node);
  chart.on('click', (e) => current.onClick?.(e));
  // Said on the host when a drawing is complete (the benchmark times "new result painted" by it).
  chart.on('finished', () => node.dispatchEvent(new CustomEvent(CHART_FINISHED, { bubbles: true })));
  // Marks the first frame any chart of the page drew (the benchmarks time "first chart" by it).
  if (!firstFrameMarked) {
    const marked = () => {
      chart?.off('rendered', marked);
      if (firstFrameMarked) return;
      firstFrameMarked = true;
      globalThis.performance?.mark?.(FIRST_CHART_FRAME);
    };
    chart.on('rendered', marked);
  }
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
      waiting.add(pending);
      node.setAttribute('aria-busy', 'true');
      post();
    },
    destroy() {
      waiting.delete(pending);
      watched.delete(node);
      nearby?.unobserve(node);
      observer.disconnect();
      chart?.dispose();
      chart = null;
    },
  };
};
