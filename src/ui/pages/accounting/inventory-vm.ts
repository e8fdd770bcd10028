/**
 * Park inventory view model: Arrow results of inventory-views-sql → chart data, headline figures and
 * the top-emitters table (pure, unit-tested).
 */
import type { Table } from 'apache-arrow';
import { numberColumn, stringColumn } from '../../../data/arrow-rows';
import { carrierColor, PALETTE } from '../../../charts/theme';
import type { KeyedSeries, ScopeYears } from '../../../charts/accounting/inventory-charts';
import type { SankeyData, SankeyNode } from '../../../charts/accounting/flow-charts';
import { SCOPE_COLORS } from '../../../charts/accounting/inventory-charts';

export interface ParkYear {
  year: number;
  energy_tce: number;
  scope1_tco2: number;
  scope2_tco2: number;
  deduction_tco2: number;
  total_tco2: number;
  biogenic_tco2: number;
  heat_in_park_gj: number;
  heat_in_park_excluded_tco2: number;
  output: number;
  valueAdded: number;
  enterprises: number;
  /** Electricity (grid, green, PV) over the final energy of enterprises outside energy conversion. */
  electricityShare: number;
  tcePerOutput: number;
  tcePerValueAdded: number;
  co2PerOutput: number;
  co2PerValueAdded: number;
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

/** Rows of parkYearsSql with intensities (per 10^4 CNY) and the electricity share. */
export function parkYears(t: Table): ParkYear[] {
  const col = (n: string) => numberColumn(t, n);
  const [year, energy, s1, s2, ded, total, bio, hip, hipx, out, va, n, elec, fin] = [
    'year',
    'energy_tce',
    'scope1_tco2',
    'scope2_tco2',
    'deduction_tco2',
    'total_tco2',
    'biogenic_tco2',
    'heat_in_park_gj',
    'heat_in_park_excluded_tco2',
    'output_10k_cny',
    'value_added_10k_cny',
    'enterprises',
    'electricity_tce',
    'final_energy_tce',
  ].map(col);
  return Array.from(year, (y, i) => ({
    year: y,
    energy_tce: energy[i],
    scope1_tco2: s1[i],
    scope2_tco2: s2[i],
    deduction_tco2: ded[i],
    total_tco2: total[i],
    biogenic_tco2: bio[i],
    heat_in_park_gj: hip[i],
    heat_in_park_excluded_tco2: hipx[i],
    output: out[i],
    valueAdded: va[i],
    enterprises: n[i],
    electricityShare: ratio(elec[i], fin[i]),
    tcePerOutput: ratio(energy[i], out[i]),
    tcePerValueAdded: ratio(energy[i], va[i]),
    co2PerOutput: ratio(total[i], out[i]),
    co2PerValueAdded: ratio(total[i], va[i]),
  }));
}

/** Scope chart data of the park years (deductions as positive numbers). */
export function scopeYears(years: readonly ParkYear[], names: ScopeYears['names'], scale = 1): ScopeYears {
  return {
    categories: years.map((y) => y.year),
    scope1: years.map((y) => y.scope1_tco2 / scale),
    scope2: years.map((y) => y.scope2_tco2 / scale),
    deduction: years.map((y) => y.deduction_tco2 / scale),
    total: years.map((y) => y.total_tco2 / scale),
    names,
  };
}

/**
 * Pivots (year, key, value) rows into one series per key over all years, ordered by `order` then
 * by name; keys that are zero throughout are dropped.
 */
export function pivotYears(
  t: Table,
  keyColumn: string,
  valueColumn: string,
  label: (code: string) => string,
  order: readonly string[],
  scale = 1,
): KeyedSeries {
  const years = numberColumn(t, 'year');
  const keys = stringColumn(t, keyColumn);
  const values = numberColumn(t, valueColumn);
  const categories = [...new Set(years)].sort((a, b) => a - b);
  const yi = new Map(categories.map((y, i) => [y, i]));
  const by = new Map<string, number[]>();
  for (let i = 0; i < years.length; i++) {
    let arr = by.get(keys[i]);
    if (!arr) by.set(keys[i], (arr = new Array<number>(categories.length).fill(0)));
    arr[yi.get(years[i])!] += values[i] / scale;
  }
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return {
    categories,
    series: [...by]
      .filter(([, v]) => v.some((x) => Math.abs(x) > 1e-9))
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([key, v]) => ({ key, name: label(key), values: v })),
  };
}

/** Stable colours for sector series (the palette in the sectors' canonical order). */
export function sectorColors(order: readonly string[]): Record<string, string> {
  return Object.fromEntries(order.map((s, i) => [s, PALETTE[i % PALETTE.length]]));
}

/**
 * Sankey of one year from sankeySql rows: carrier → sector (scope 1 + scope 2 of that carrier in that
 * sector), sector → Scope 1 / Scope 2. Flows below `minShare` of the total are left out to keep it legible.
 */
export function sankeyData(
  t: Table,
  labels: { carrier: (c: string) => string; sector: (s: string) => string; scope1: string; scope2: string },
  sectorColor: Record<string, string>,
  minShare = 0,
): SankeyData {
  const sector = stringColumn(t, 'sector');
  const carrier = stringColumn(t, 'carrier');
  const s1 = numberColumn(t, 'scope1_tco2');
  const s2 = numberColumn(t, 'scope2_tco2');
  let total = 0;
  for (let i = 0; i < sector.length; i++) total += Math.max(s1[i], 0) + Math.max(s2[i], 0);
  const threshold = total * minShare;
  const nodes = new Map<string, SankeyNode>();
  const links = new Map<string, { source: string; target: string; value: number }>();
  const link = (source: string, target: string, value: number) => {
    const k = `${source}>${target}`;
    const l = links.get(k);
    if (l) l.value += value;
    else links.set(k, { source, target, value });
  };
  for (let i = 0; i < sector.length; i++) {
    const v1 = Math.max(s1[i], 0);
    const v2 = Math.max(s2[i], 0);
    if (v1 + v2 <= threshold || v1 + v2 <= 0) continue;
    const c = `c:${carrier[i]}`;
    const s = `s:${sector[i]}`;
    if (!nodes.has(c))
      nodes.set(c, {
        id: c,
        label: labels.carrier(carrier[i]),
        color: carrierColor(carrier[i]),
        depth: 0,
      });
    if (!nodes.has(s))
      nodes.set(s, {
        id: s,
        label: labels.sector(sector[i]),
        color: sectorColor[sector[i]] ?? '#7F7F7F',
        depth: 1,
      });
    link(c, s, v1 + v2);
    if (v1 > 0) link(s, 'e:scope1', v1);
    if (v2 > 0) link(s, 'e:scope2', v2);
  }
  const used = new Set([...links.values()].map((l) => l.target));
  if (used.has('e:scope1'))
    nodes.set('e:scope1', { id: 'e:scope1', label: labels.scope1, color: SCOPE_COLORS.scope1, depth: 2 });
  if (used.has('e:scope2'))
    nodes.set('e:scope2', { id: 'e:scope2', label: labels.scope2, color: SCOPE_COLORS.scope2, depth: 2 });
  return { nodes: [...nodes.values()], links: [...links.values()] };
}

export interface EmitterRow {
  id: string;
  name: string;
  sector: string;
  energy_tce: number;
  scope1_tco2: number;
  scope2_tco2: number;
  total_tco2: number;
  output: number;
  /** tCO2 per 10^4 CNY of output value. */
  intensity: number;
}

export type EmitterKey = Exclude<keyof EmitterRow, 'id'>;

/** Rows of an enterpriseYearSql result. */
export function emitterRows(
  t: Table,
  nameOf: (zh: string, en: string) => string,
  sectorOf: (s: string) => string,
): EmitterRow[] {
  const id = stringColumn(t, 'enterprise_id');
  const zh = stringColumn(t, 'name_zh');
  const en = stringColumn(t, 'name_en');
  const sector = stringColumn(t, 'sector');
  const [energy, s1, s2, total, out] = [
    'energy_tce',
    'scope1_tco2',
    'scope2_tco2',
    'total_tco2',
    'output_10k_cny',
  ].map((c) => numberColumn(t, c));
  return id.map((x, i) => ({
    id: x,
    name: nameOf(zh[i], en[i]),
    sector: sectorOf(sector[i]),
    energy_tce: energy[i],
    scope1_tco2: s1[i],
    scope2_tco2: s2[i],
    total_tco2: total[i],
    output: out[i],
    intensity: ratio(total[i], out[i]),
  }));
}

/** Sorted copy: numbers with NaN last in either direction, text by locale; ties by id. */
export function sortRows(
  rows: readonly EmitterRow[],
  key: EmitterKey,
  dir: 'asc' | 'desc',
  locale = 'zh-CN',
): EmitterRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    let c: number;
    if (typeof x === 'number' && typeof y === 'number') {
      const xn = Number.isFinite(x);
      const yn = Number.isFinite(y);
      if (!xn || !yn) return xn === yn ? a.id.localeCompare(b.id) : xn ? -1 : 1;
      c = (x - y) * sign;
    } else c = String(x).localeCompare(String(y), locale) * sign;
    return c || a.id.localeCompare(b.id);
  });
}
