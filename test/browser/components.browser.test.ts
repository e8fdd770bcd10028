import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import EChart from '../../src/ui/components/EChart.svelte';
import DataGrid from '../../src/ui/components/DataGrid.svelte';
import { buildStackedBarsOption } from '../../src/charts/accounting/inventory-charts';
import { echarts } from '../../src/charts/echarts-setup';

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
