import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import EChart from '../../src/ui/components/EChart.svelte';
import DataGrid from '../../src/ui/components/DataGrid.svelte';
import SensitivityPanel from '../../src/ui/components/pathways/SensitivityPanel.svelte';
import type { SimulationSummary } from '../../src/core/scenario/index';
import { buildStackedBarsOption } from '../../src/charts/accounting/inventory-charts';
import { echarts } from '../../src/charts/echarts-setup';
import { chartsDrawn, echartsAction, optionShape } from '../../src/ui/components/echarts-action';
import { buildFanOption, type FanChartData, type FanChartText } from '../../src/charts/pathways/fan';
import { buildLeverWedgesOption } from '../../src/charts/pathways/lever-contributions';

const mounted: Record<string, unknown>[] = [];
afterEach(() => {
  while (mounted.length) unmount(mounted.pop()!);
  document.body.innerHTML = '';
});

function host(width = 800): HTMLElement {
  const el = document.createElement('div');
  el.style.width = `${width}px`;
  document.body.appendChild(el);
  return el;
}

describe('Svelte components in Chromium', () => {
  it('EChart draws a stacked bar chart on a canvas with the option it was given', async () => {
    const target = host();
    const option = buildStackedBarsOption({
      categories: [2023, 2024],
      series: [
        { key: 'electricity', name: 'Electricity', values: [10, 12] },
        { key: 'natural_gas', name: 'Gas', values: [5, 4] },
      ],
    });
    mounted.push(mount(EChart, { target, props: { option, label: 'energy', height: '300px' } }));
    flushSync();
    const div = target.querySelector('[data-chart="energy"] .host') as HTMLElement;
    expect(div).not.toBeNull();
    const canvas = div.querySelector('canvas');
    expect(canvas).not.toBeNull();
    expect(canvas!.width).toBeGreaterThan(0);
    const chart = echarts.getInstanceByDom(div)!;
    const series = chart.getOption().series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['Electricity', 'Gas']);
    expect(series[0].data).toEqual([10, 12]);
  });

  it('DataGrid renders headers, cells and NULLs', () => {
    const target = host();
    mounted.push(
      mount(DataGrid, {
        target,
        props: {
          columns: ['id', 'value'],
          rows: [
            ['E1', 1234.5],
            ['E2', null],
          ],
        },
      }),
    );
    flushSync();
    const ths = [...target.querySelectorAll('th')].map((t) => t.textContent);
    expect(ths).toEqual(['id', 'value']);
    const tds = [...target.querySelectorAll('td')].map((t) => t.textContent);
    expect(tds[0]).toBe('E1');
    expect(tds[3]).toBe('∅');
    expect(target.querySelectorAll('tbody tr')).toHaveLength(2);
  });
});

describe('SensitivityPanel', () => {
  // What the panel reads of a full result: its sensitivity tables (two groups of the 2030 emissions).
  const summary = {
    sensitivity: [
      { input: 'growth', output: 'total_tco2_2030', spearman: 0.8, group: 'growth' },
      { input: 'grid', output: 'total_tco2_2030', spearman: -0.3, group: 'grid' },
    ],
    sensitivity_groups: [
      { group: 'growth', output: 'total_tco2_2030', r2: 0.64, sign: 1, inputs: 1 },
      { group: 'grid', output: 'total_tco2_2030', r2: 0.09, sign: -1, inputs: 1 },
    ],
  } as unknown as SimulationSummary;
  const show = (detail: { summary: SimulationSummary; current: boolean } | null) => {
    const target = host();
    mounted.push(mount(SensitivityPanel, { target, props: { detail, inputIds: new Map(), runs: 10_000 } }));
    flushSync();
    return target;
  };

  it('says the sensitivity comes with the full sample before the first one', () => {
    const target = show(null);
    expect(target.querySelector('[data-testid=sensitivity-pending]')?.textContent).toMatch(/10,000/);
    expect(target.querySelector('canvas')).toBeNull();
  });

  it('draws the full result, and marks it as the previous settings while a preview is on show', () => {
    const current = show({ summary, current: true });
    expect(current.querySelector('[data-testid=sensitivity]')?.getAttribute('data-current')).toBe('true');
    expect(current.querySelector('[data-testid=sensitivity-updating]')).toBeNull();
    expect(current.querySelector('canvas')).not.toBeNull();
    const previous = show({ summary, current: false });
    expect(previous.querySelector('[data-testid=sensitivity]')?.getAttribute('data-current')).toBe('false');
    expect(previous.querySelector('[data-testid=sensitivity-updating]')).not.toBeNull();
    expect(previous.querySelector('canvas')).not.toBeNull();
  });
});

describe('echartsAction', () => {
  it('redraws waiting charts in the order of the page, whatever order their new options came in', async () => {
    const option = (v: number) =>
      buildStackedBarsOption({ categories: [2023], series: [{ key: 'k', name: 'K', values: [v] }] });
    const [upper, lower] = [host(), host()];
    for (const el of [upper, lower]) el.style.height = '200px';
    const upperChart = echartsAction(upper, { option: option(1) })!;
    const lowerChart = echartsAction(lower, { option: option(1) })!;
    // Let both draw their first option and the observers report them in view.
    await new Promise((r) => setTimeout(r, 300));
    const drawn: string[] = [];
    upper.addEventListener('pcw-chart-finished', () => drawn.push('upper'));
    lower.addEventListener('pcw-chart-finished', () => drawn.push('lower'));
    lowerChart.update!({ option: option(2) });
    upperChart.update!({ option: option(3) });
    await expect.poll(() => drawn.length).toBeGreaterThanOrEqual(2);
    expect(drawn.slice(0, 2)).toEqual(['upper', 'lower']);
    upperChart.destroy!();
    lowerChart.destroy!();
  });

  it('says when every chart in view has drawn its newest option (chartsDrawn); one out of view does not hold it up', async () => {
    const option = (v: number) =>
      buildStackedBarsOption({ categories: [2023], series: [{ key: 'k', name: 'K', values: [v] }] });
    const [a, b] = [host(), host()];
    for (const el of [a, b]) el.style.height = '200px';
    const charts = [echartsAction(a, { option: option(1) })!, echartsAction(b, { option: option(1) })!];
    await new Promise((r) => setTimeout(r, 300));
    // Nothing waits: at once.
    let settled = false;
    await chartsDrawn(10_000).then(() => (settled = true));
    expect(settled).toBe(true);
    // Both wait: it resolves after both drew, well before the cap.
    const drawn: string[] = [];
    a.addEventListener('pcw-chart-finished', () => drawn.push('a'));
    b.addEventListener('pcw-chart-finished', () => drawn.push('b'));
    charts[0].update!({ option: option(2) });
    charts[1].update!({ option: option(3) });
    const started = performance.now();
    await chartsDrawn(10_000);
    expect(drawn.sort()).toEqual(['a', 'b']);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(a.getAttribute('aria-busy')).toBeNull();
    // A chart out of view (more than a screen away) waits for its turn without holding anyone up.
    const far = host();
    far.style.height = '200px';
    far.style.marginTop = '400vh';
    const farChart = echartsAction(far, { option: option(1) })!;
    await new Promise((r) => setTimeout(r, 300));
    farChart.update!({ option: option(5) });
    let resolved = false;
    void chartsDrawn(10_000).then(() => (resolved = true));
    await expect.poll(() => resolved, { timeout: 2_000 }).toBe(true);
    expect(far.getAttribute('aria-busy')).toBe('true');
    farChart.destroy!();
    for (const c of charts) c.destroy!();
  });
});

describe('echartsAction redraws a new result of the same chart by merging', () => {
  const years = Array.from({ length: 12 }, (_, i) => 2019 + i);
  const fan = (k: number): FanChartData => {
    const band = (f: number) => years.map((t, i) => (t < 2022 ? null : (100 + 3 * i) * f * k));
    const bands = (f: number) => ({
      p5: band(0.8 * f),
      p25: band(0.9 * f),
      p50: band(f),
      p75: band(1.1 * f),
      p95: band(1.25 * f),
    });
    return {
      years,
      baseYear: 2022,
      history: years.map((t) => (t <= 2022 ? 90 + t - 2019 : null)),
      gross: bands(1),
      net: bands(0.7),
    };
  };
  const text: FanChartText = {
    history: 'History',
    grossMedian: 'Gross',
    grossInner: 'Gross P25–P75',
    grossOuter: 'Gross P5–P95',
    netMedian: 'Net',
    netInner: 'Net P25–P75',
    netOuter: 'Net P5–P95',
    peakTarget: 'Peak 2030',
    neutrality: 'Neutral',
    unit: 't',
    formatNumber: (v) => v.toFixed(0),
  };

  /** The pixels of a chart host once ECharts says it has drawn (entry animation included). */
  async function drawn(el: HTMLElement, draw: () => void): Promise<Uint8ClampedArray> {
    const done = new Promise((resolve) => el.addEventListener('pcw-chart-finished', resolve, { once: true }));
    draw();
    await done;
    const canvas = el.querySelector('canvas')!;
    return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  }
  const differing = (p: Uint8ClampedArray, q: Uint8ClampedArray) => p.filter((v, i) => v !== q[i]).length;

  it('gives the picture of drawing the new option afresh (fan chart, lever wedges)', async () => {
    const wedges = (k: number) =>
      buildLeverWedgesOption(
        {
          years,
          series: ['a', 'b', 'c'].map((key, j) => ({
            key,
            name: key.toUpperCase(),
            values: years.map((_, i) => (j + 1) * i * k),
          })),
        },
        { unit: 't', formatNumber: (v: number) => v.toFixed(1), formatAxis: (v: number) => v.toFixed(0) },
      );
    for (const [before, after] of [
      [buildFanOption(fan(1), text), buildFanOption(fan(1.6), text)],
      [buildFanOption(fan(1), text, 'net'), buildFanOption(fan(0.5), text, 'net')],
      [wedges(1), wedges(2.5)],
    ]) {
      expect(optionShape(before)).toBe(optionShape(after));
      const [merged, fresh] = [host(), host()];
      for (const el of [merged, fresh]) el.style.height = '300px';
      let m: ReturnType<typeof echartsAction> = undefined;
      let f: ReturnType<typeof echartsAction> = undefined;
      const first = await drawn(merged, () => (m = echartsAction(merged, { option: before })));
      const mergedPicture = await drawn(merged, () => m!.update!({ option: after }));
      const freshPicture = await drawn(fresh, () => (f = echartsAction(fresh, { option: after })));
      // A chart left showing the old result would differ in thousands of values (checked: the first
      // picture against the new one); anti-aliasing at a shaded area's edge differs in a few dozen.
      expect(differing(first, freshPicture)).toBeGreaterThan(5_000);
      expect(differing(mergedPicture, freshPicture)).toBeLessThan(200);
      m!.destroy!();
      f!.destroy!();
      // The next pair in view as well (a chart far out of view waits to be drawn).
      merged.remove();
      fresh.remove();
    }
  });

  it('tells options apart by their keys and array lengths, not by their numbers', () => {
    expect(optionShape(buildFanOption(fan(1), text))).toBe(optionShape(buildFanOption(fan(3), text)));
    expect(optionShape(buildFanOption(fan(1), text))).not.toBe(
      optionShape(buildFanOption(fan(1), text, 'net')),
    );
    expect(optionShape({ series: [{ data: [1, 2] }] })).not.toBe(
      optionShape({ series: [{ data: [1, 2, 3] }] }),
    );
    expect(optionShape({ a: 1 })).not.toBe(optionShape({ a: 1, b: undefined }));
  });
});
