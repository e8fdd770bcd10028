import { describe, expect, it } from 'vitest';
import {
  chartFileName,
  chartUnit,
  composeExportSvg,
  exportLayout,
  exportOption,
  wrapText,
  xmlEscape,
} from '../../../src/charts/export';
import { chartSummary, chartTable, sankeyTable, type DescribeWords } from '../../../src/charts/describe';
import {
  buildScopeYearsOption,
  buildStackedBarsOption,
} from '../../../src/charts/accounting/inventory-charts';
import { buildSankeyOption } from '../../../src/charts/accounting/flow-charts';
import { buildFanOption } from '../../../src/charts/pathways/fan';
import { textWidth } from '../../../src/charts/accounting/inventory-charts';

const WORDS = { unit: 'Unit: ', source: 'Data source: ', link: 'Page link: ' };
const META = {
  title: 'Emissions by scope',
  unit: '10⁴ tCO₂',
  source: 'Sample park (version 1.2.0)',
  link: 'http://127.0.0.1:4173/#/inventory?park=sample&year=2024&lang=en',
};
const D: DescribeWords = {
  category: 'Category',
  from: 'From',
  to: 'To',
  value: 'Value',
  lower: 'lower',
  upper: 'upper',
  overview: '{title}: {series}, {first}–{last}.',
  highest: 'Highest: {series}, {category}: {value}.',
  flows: '{title}: {n} flows.',
  flow: 'Largest flow: {from} → {to}: {value}.',
  empty: 'No data.',
  separator: ', ',
};

describe('chart export frame', () => {
  it('wraps long text (a link without spaces, CJK) within the width and loses no character', () => {
    const link = 'http://example.org/#/self-check?park=sample&enterprise=E0001&year=2024&lang=zh';
    const lines = wrapText(`Page link: ${link}`, 200, 11);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/\s/g, '')).toBe(`Pagelink:${link}`);
    const zh = wrapText('园区碳盘查'.repeat(10), 100, 10);
    expect(zh.every((l) => l.length <= 10)).toBe(true);
    expect(zh.join('')).toBe('园区碳盘查'.repeat(10));
  });

  it('puts the title and unit above the chart and source and link below it', () => {
    const l = exportLayout(META, WORDS, 640, 360);
    const texts = l.lines.map((x) => x.text);
    expect(texts[0]).toBe('Emissions by scope');
    expect(texts).toContain('Unit: 10⁴ tCO₂');
    const source = l.lines.find((x) => x.text.startsWith('Data source'))!;
    expect(source.y).toBeGreaterThan(l.chartTop + 360);
    expect(l.lines.at(-1)!.y).toBeLessThan(l.height);
    expect(texts.join(' ')).toContain('year=2024');
  });

  it('nests the chart SVG in one well-formed file with escaped text', () => {
    const chart =
      '<svg width="640" height="360" xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>';
    const svg = composeExportSvg(chart, { ...META, title: 'A < B & "C"' }, WORDS, 640, 360);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>A &lt; B &amp; &quot;C&quot;</title>');
    expect(svg).toMatch(/<svg x="0" y="\d+" width="640"/);
    expect(svg).toContain('year=2024&amp;lang=en');
    expect(svg.match(/<svg\b/g)).toHaveLength(2);
    expect(svg.match(/<\/svg>/g)).toHaveLength(2);
    expect(xmlEscape("'")).toBe('&apos;');
  });

  it('renders for files without animation and with font names that cannot end an SVG attribute', () => {
    const o = exportOption({ series: [], textStyle: { fontSize: 12 } });
    expect(o.animation).toBe(false);
    const family = (o.textStyle as { fontFamily: string; fontSize: number }).fontFamily;
    expect(family).toContain('Noto Sans CJK SC');
    expect(family).not.toContain('"');
    expect((o.textStyle as { fontSize: number }).fontSize).toBe(12);
  });

  it('reads the unit from the value axis and names files safely', () => {
    const o = buildScopeYearsOption(
      {
        categories: [2023],
        scope1: [1],
        scope2: [2],
        deduction: [0],
        total: [3],
        names: { scope1: 'S1', scope2: 'S2', deduction: 'D', total: 'T' },
      },
      { unit: 'tCO₂' },
    );
    expect(chartUnit(o)).toBe('tCO₂');
    expect(chartUnit({ series: [] })).toBe('');
    expect(chartFileName('园区 排放/2024: scope', 'png')).toBe('园区_排放_2024_scope.png');
    expect(chartFileName('///', 'svg')).toBe('chart.svg');
  });
});

describe('chart text alternatives', () => {
  it('tabulates categories × series and names the highest value', () => {
    const o = buildStackedBarsOption(
      {
        categories: [2022, 2023],
        series: [
          { key: 'electricity', name: 'Electricity', values: [5, 7] },
          { key: 'natural_gas', name: 'Natural gas', values: [3, 9.5] },
        ],
      },
      { unit: 't' },
    );
    const t = chartTable(o, D);
    expect(t.columns).toEqual(['Category', 'Electricity', 'Natural gas']);
    expect(t.rows).toEqual([
      ['2022', 5, 3],
      ['2023', 7, 9.5],
    ]);
    expect(chartSummary('Energy', t, D, (v) => v.toFixed(1), 't')).toBe(
      'Energy: Electricity, Natural gas, 2022–2023. Highest: Natural gas, 2023: 9.5 t.',
    );
  });

  it('gives both edges of a shaded band, not its width', () => {
    const band = { p5: [1, 2], p25: [2, 3], p50: [3, 4], p75: [4, 5], p95: [6, 8] };
    const o = buildFanOption(
      { years: [2030, 2031], baseYear: 2024, history: [null, null], gross: band, net: band },
      {
        unit: 'Mt',
        formatNumber: String,
        history: 'History',
        grossMedian: 'Gross median',
        grossInner: 'Gross 25–75',
        grossOuter: 'Gross 5–95',
        netMedian: 'Net median',
        netInner: 'Net 25–75',
        netOuter: 'Net 5–95',
        peakTarget: 'Peak',
        neutrality: 'Neutral',
      },
    );
    const t = chartTable(o, D);
    const i = t.columns.indexOf('Gross 5–95 (upper)');
    expect(i).toBeGreaterThan(0);
    expect(t.rows.map((r) => r[i])).toEqual([6, 8]);
    expect(t.rows.map((r) => r[t.columns.indexOf('Gross 5–95 (lower)')])).toEqual([1, 2]);
  });

  it('lists Sankey flows by node label, largest flow in the summary; empty charts say so', () => {
    const data = {
      nodes: [
        { id: 'c:e', label: 'Electricity', color: '#000', depth: 0 },
        { id: 's:x', label: 'Chemicals', color: '#000', depth: 1 },
        { id: 'c:g', label: 'Gas', color: '#000', depth: 0 },
      ],
      links: [
        { source: 'c:e', target: 's:x', value: 10 },
        { source: 'c:g', target: 's:x', value: 30 },
      ],
    };
    const t = sankeyTable(data, D);
    expect(t.rows[1]).toEqual(['Gas', 'Chemicals', 30]);
    expect(chartSummary('Flows', t, D, String)).toBe('Flows: 2 flows. Largest flow: Gas → Chemicals: 30.');
    expect(chartTable(buildSankeyOption(data), D).rows[0]).toEqual(['c:e', 's:x', 10]);
    expect(chartSummary('X', { columns: ['Category'], rows: [] }, D, String)).toBe('X: No data.');
  });
});
