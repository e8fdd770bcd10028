import { describe, expect, it } from 'vitest';
import {
  SCOPE_COLORS,
  buildLinesOption,
  buildScopeYearsOption,
  buildStackedBarsOption,
  textWidth,
} from '../../../../../src/charts/accounting/inventory-charts';
import {
  PEER_COLOR,
  SELF_COLOR,
  buildPeerOption,
  buildSankeyOption,
} from '../../../../../src/charts/accounting/flow-charts';

type AnySeries = Record<string, unknown> & { data: unknown[] };
const seriesOf = (o: { series?: unknown }) => o.series as AnySeries[];

describe('accounting chart builders', () => {
  it('stacks Scope 1 and Scope 2, draws deductions below zero and the total as a line', () => {
    const o = buildScopeYearsOption({
      categories: [2023, 2024],
      scope1: [10, 12],
      scope2: [20, 18],
      deduction: [3, 4],
      total: [27, 26],
      names: { scope1: 'S1', scope2: 'S2', deduction: 'D', total: 'T' },
    });
    const s = seriesOf(o);
    expect(s.map((x) => [x.type, x.name, x.stack])).toEqual([
      ['bar', 'S1', 'co2'],
      ['bar', 'S2', 'co2'],
      ['bar', 'D', 'co2'],
      ['line', 'T', undefined],
    ]);
    expect(s[2].data).toEqual([-3, -4]);
    expect((s[0].itemStyle as { color: string }).color).toBe(SCOPE_COLORS.scope1);
    expect((o.xAxis as { data: string[] }).data).toEqual(['2023', '2024']);
    // No deduction series when nothing is exported.
    const none = buildScopeYearsOption({
      categories: [2024],
      scope1: [1],
      scope2: [1],
      deduction: [0],
      total: [2],
      names: { scope1: 'S1', scope2: 'S2', deduction: 'D', total: 'T' },
    });
    expect(seriesOf(none).map((x) => x.name)).toEqual(['S1', 'S2', 'T']);
  });

  it('stacks many series with fixed colours and leaves room for the legend', () => {
    const o = buildStackedBarsOption(
      {
        categories: [2024],
        series: [
          { key: 'electricity', name: 'Purchased electricity', values: [5] },
          { key: 'unknown_key', name: '化工', values: [2] },
        ],
      },
      { unit: 'u' },
      { electricity: '#0072B2' },
    );
    const s = seriesOf(o);
    expect(s.every((x) => x.stack === 'total')).toBe(true);
    expect((s[0].itemStyle as { color: string }).color).toBe('#0072B2');
    const right = (o.grid as { right: number }).right;
    expect(right).toBeGreaterThanOrEqual(textWidth('Purchased electricity', 12) + 36);
    expect(textWidth('化工', 12)).toBe(24);
  });

  it('turns non-finite intensities into gaps', () => {
    const o = buildLinesOption({
      categories: [1, 2],
      series: [{ name: 'a', values: [NaN, 0.5], dashed: true }],
    });
    expect(seriesOf(o)[0].data).toEqual([null, 0.5]);
    expect((seriesOf(o)[0].lineStyle as { type: string }).type).toBe('dashed');
  });

  it('marks the enterprise in the peer distribution: its bar coloured, lines at its value and the median', () => {
    const o = buildPeerOption(
      {
        bars: [
          { label: 'A', value: 0.1, self: false },
          { label: 'You', value: 0.3, self: true },
          { label: 'D', value: 0.4, self: false },
        ],
        median: 0.25,
        selfValue: 0.3,
        names: { self: 'You', median: 'Median' },
      },
      { formatNumber: (v) => v.toFixed(2) },
    );
    const [bars] = seriesOf(o);
    const colors = (bars.data as { value: number; itemStyle: { color: string } }[]).map(
      (d) => d.itemStyle.color,
    );
    expect(colors).toEqual([PEER_COLOR, SELF_COLOR, PEER_COLOR]);
    const marks = (bars.markLine as { data: { yAxis: number; label: { formatter: string } }[] }).data;
    expect(marks.map((m) => [m.yAxis, m.label.formatter])).toEqual([
      [0.25, 'Median 0.25'],
      [0.3, 'You 0.30'],
    ]);
  });

  it('builds a Sankey whose labels come from the node ids', () => {
    const o = buildSankeyOption({
      nodes: [
        { id: 'c:gas', label: 'Gas', color: '#E69F00', depth: 0 },
        { id: 's:chp', label: 'CHP', color: '#000', depth: 1 },
        { id: 'e:scope1', label: 'Scope 1', color: '#D55E00', depth: 2 },
      ],
      links: [
        { source: 'c:gas', target: 's:chp', value: 5 },
        { source: 's:chp', target: 'e:scope1', value: 5 },
      ],
    });
    const [s] = seriesOf(o);
    expect(s.type).toBe('sankey');
    expect((s.data as { name: string; depth: number }[]).map((n) => [n.name, n.depth])).toEqual([
      ['c:gas', 0],
      ['s:chp', 1],
      ['e:scope1', 2],
    ]);
    const fmt = (s.label as { formatter: (p: { name: string }) => string }).formatter;
    expect(fmt({ name: 's:chp' })).toBe('CHP');
    expect(s.links).toHaveLength(2);
  });
});
