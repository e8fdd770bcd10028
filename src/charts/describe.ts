/**
 * Text alternatives of charts: the data table behind a chart and a short summary of it, read from the
 * chart's option (the data the builders put there), in the words the caller passes in its language. Pure.
 */
import type { ChartOption } from './types';
import type { SankeyData } from './accounting/flow-charts';

export type Cell = string | number | null;

/** Rows of a chart's data: the first column names the category (year, sector…) or flow. */
export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

export interface DescribeWords {
  /** Header of the category column, e.g. "Category". */
  category: string;
  /** Sankey link columns. */
  from: string;
  to: string;
  value: string;
  /** Suffixes of the two edges of a shaded band. */
  lower: string;
  upper: string;
  /** "{title}: {series} over {first}–{last}." */
  overview: string;
  /** "Highest: {series}, {category}: {value}." */
  highest: string;
  /** "{title}: {n} flows." */
  flows: string;
  /** "Largest flow: {from} → {to}: {value}." */
  flow: string;
  /** "No data." */
  empty: string;
  /** Joins a list, e.g. ", " or "、". */
  separator: string;
}

type SeriesLike = {
  type?: string;
  name?: unknown;
  stack?: unknown;
  data?: unknown;
  lineStyle?: { opacity?: number };
  areaStyle?: unknown;
};

const one = <T>(x: T | T[] | undefined): T | undefined => (Array.isArray(x) ? x[0] : x);

function valueOf(d: unknown): number | null {
  const v = d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d;
  const n = Array.isArray(v) ? Number(v[v.length - 1]) : typeof v === 'number' ? v : Number(v);
  return v === null || v === undefined || v === '' || !Number.isFinite(n) ? null : n;
}

function seriesList(option: ChartOption): SeriesLike[] {
  const s = option.series as SeriesLike | SeriesLike[] | undefined;
  return s === undefined ? [] : Array.isArray(s) ? s : [s];
}

/** The category axis (x or y) and its labels, if the chart has one. */
function categories(option: ChartOption): string[] | null {
  for (const axis of [option.xAxis, option.yAxis]) {
    const a = one(axis as { type?: string; data?: unknown[] } | { type?: string; data?: unknown[] }[]);
    if (a?.type === 'category' && Array.isArray(a.data)) {
      return a.data.map((c) => String(c !== null && typeof c === 'object' && 'value' in c ? c.value : c));
    }
  }
  return null;
}

/** The table behind a chart: categories × series, or a Sankey's links. */
export function chartTable(option: ChartOption, words: DescribeWords): ChartTable {
  const series = seriesList(option);
  const sankey = series.find((s) => s.type === 'sankey') as (SeriesLike & { links?: unknown[] }) | undefined;
  if (sankey) {
    return sankeyTable({ nodes: [], links: (sankey.links ?? []) as SankeyData['links'] }, words);
  }
  const cats = categories(option);
  if (!cats) return namedItemsTable(series, words);
  const columns: string[] = [words.category];
  const values: (number | null)[][] = [];
  const stacks = new Map<string, SeriesLike[]>();
  for (const s of series) {
    if (typeof s.stack === 'string') stacks.set(s.stack, [...(stacks.get(s.stack) ?? []), s]);
  }
  const seen = new Set<SeriesLike>();
  for (const s of series) {
    if (seen.has(s) || !Array.isArray(s.data)) continue;
    const group = typeof s.stack === 'string' ? stacks.get(s.stack)! : [s];
    const isBand = group.length === 2 && group[0].lineStyle?.opacity === 0 && !group[0].areaStyle;
    if (isBand) {
      // An invisible lower edge with a shaded width on top: the table gives both edges.
      const lower = (group[0].data as unknown[]).map(valueOf);
      const width = ((group[1].data as unknown[] | undefined) ?? []).map(valueOf);
      columns.push(
        `${String(group[0].name ?? '')} (${words.lower})`,
        `${String(group[1].name ?? '')} (${words.upper})`,
      );
      values.push(
        lower,
        lower.map((l, i) => (l === null || width[i] == null ? null : l + width[i]!)),
      );
      group.forEach((g) => seen.add(g));
      continue;
    }
    seen.add(s);
    columns.push(String(s.name ?? ''));
    values.push((s.data as unknown[]).map(valueOf));
  }
  return { columns, rows: cats.map((c, i) => [c, ...values.map((v) => v[i] ?? null)]) };
}

/**
 * A chart without a category axis (e.g. the MACC's custom bars on two value axes): one row per data item
 * that has a name, its values under the series' `dimensions`.
 */
function namedItemsTable(series: SeriesLike[], words: DescribeWords): ChartTable {
  const rows: Cell[][] = [];
  let columns: string[] = [words.category];
  for (const s of series as (SeriesLike & { dimensions?: unknown })[]) {
    if (s.type !== 'custom' || !Array.isArray(s.dimensions) || !Array.isArray(s.data)) continue;
    if (columns.length === 1) columns = [words.category, ...s.dimensions.map(String)];
    for (const d of s.data as { name?: unknown; value?: unknown }[]) {
      if (typeof d?.name !== 'string' || !Array.isArray(d.value)) continue;
      rows.push([d.name, ...d.value.map((v) => (Number.isFinite(Number(v)) ? Number(v) : null))]);
    }
  }
  return { columns, rows };
}

/** The links of a Sankey as a table, nodes named by their labels. */
export function sankeyTable(data: SankeyData, words: DescribeWords): ChartTable {
  const names = new Map(data.nodes.map((n) => [n.id, n.label]));
  return {
    columns: [words.from, words.to, words.value],
    rows: data.links.map((l) => [names.get(l.source) ?? l.source, names.get(l.target) ?? l.target, l.value]),
  };
}

/**
 * A short summary of a chart table: what it shows over which categories, and its largest value
 * (or largest flow), numbers formatted by `fmt`.
 */
export function chartSummary(
  title: string,
  table: ChartTable,
  words: DescribeWords,
  fmt: (v: number) => string,
  unit = '',
): string {
  const fill = (t: string, p: Record<string, string>) => t.replace(/\{(\w+)\}/g, (m, k: string) => p[k] ?? m);
  const withUnit = (v: number) => (unit ? `${fmt(v)} ${unit}` : fmt(v));
  if (table.rows.length === 0) return `${title}: ${words.empty}`;
  if (table.columns[0] === words.from) {
    let best = table.rows[0];
    for (const r of table.rows) if (Number(r[2]) > Number(best[2])) best = r;
    return [
      fill(words.flows, { title, n: String(table.rows.length) }),
      fill(words.flow, { from: String(best[0]), to: String(best[1]), value: withUnit(Number(best[2])) }),
    ].join(' ');
  }
  const names = table.columns.slice(1);
  let best: { v: number; s: string; c: string } | null = null;
  for (const r of table.rows) {
    r.slice(1).forEach((v, j) => {
      if (typeof v === 'number' && (best === null || v > best.v)) best = { v, s: names[j], c: String(r[0]) };
    });
  }
  const parts = [
    fill(words.overview, {
      title,
      series: names.filter(Boolean).join(words.separator),
      first: String(table.rows[0][0]),
      last: String(table.rows[table.rows.length - 1][0]),
    }),
  ];
  const b = best as { v: number; s: string; c: string } | null;
  if (b) parts.push(fill(words.highest, { series: b.s, category: b.c, value: withUnit(b.v) }));
  return parts.join(' ');
}
