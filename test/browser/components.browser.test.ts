import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import EChart from '../../src/ui/components/EChart.svelte';
import DataGrid from '../../src/ui/components/DataGrid.svelte';
import SensitivityPanel from '../../src/ui/components/pathways/SensitivityPanel.svelte';
import type { SimulationSummary } from '../../src/core/scenario/index';
import { buildStackedBarsOption } from '../../src/charts/accounting/inventory-charts';
import { echarts } from '../../src/charts/echarts-setup';
import { echartsAction } from '../../src/ui/components/echarts-action';

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
});
