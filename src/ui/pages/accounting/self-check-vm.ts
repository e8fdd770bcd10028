/**
 * Enterprise self-check view model: an enterprise's activity (from the park or typed) → its inventory
 * through the engine, by scope, by carrier and by year, its intensities, and its standing among sector
 * peers of the park. Pure.
 */
import type { Table } from 'apache-arrow';
import {
  FactorLibrary,
  accountActivity,
  summarizeInventory,
  type ActivityRow,
  type InventoryLine,
} from '../../../core/accounting/index';
import { numberColumn, stringColumn } from '../../../data/arrow-rows';
import type { KeyedSeries } from '../../../charts/accounting/inventory-charts';
import { checkEntry, parseAmount, type InputIssue } from './activity-input-vm';
import { toOptions, type AccountingSettings } from './settings-vm';

export interface OwnRow {
  id: number;
  year: string;
  carrier: string;
  amount: string;
  unit: string;
}

/** Output value and value added of a year, 10^4 CNY (NaN when not given). */
export interface Economics {
  output: number;
  valueAdded: number;
}

/** Checks typed rows; returns the valid ones as activity and the problems by row id. */
export function checkOwnRows(
  rows: readonly OwnRow[],
  enterpriseId: string,
): { activity: ActivityRow[]; issues: Map<number, InputIssue[]> } {
  const activity: ActivityRow[] = [];
  const issues = new Map<number, InputIssue[]>();
  for (const r of rows) {
    const c = checkEntry(r);
    if (c.issues.length > 0) issues.set(r.id, c.issues);
    else
      activity.push({
        enterprise_id: enterpriseId,
        year: c.year!,
        carrier: c.carrier!,
        amount: c.amount!,
        unit: c.unit!,
      });
  }
  return { activity, issues };
}

export interface SelfYear {
  year: number;
  energy_tce: number;
  electricity_tce: number;
  scope1_tco2: number;
  scope2_tco2: number;
  deduction_tco2: number;
  total_tco2: number;
  biogenic_tco2: number;
  output: number;
  valueAdded: number;
  co2PerOutput: number;
  tcePerOutput: number;
  co2PerValueAdded: number;
  tcePerValueAdded: number;
  /** Change of total tCO2 against the previous year present (fraction), NaN for the first. */
  yoyTotal: number;
  yoyEnergy: number;
}

export interface SelfInventory {
  lines: InventoryLine[];
  years: SelfYear[];
}

const ratio = (a: number, b: number) => (Number.isFinite(b) && b > 0 ? a / b : NaN);
const change = (now: number, before: number | undefined) =>
  before !== undefined && before !== 0 ? (now - before) / Math.abs(before) : NaN;

/** Runs the engine over the activity and summarises it by year with intensities and year-on-year change. */
export function selfInventory(
  activity: readonly ActivityRow[],
  economics: ReadonlyMap<number, Economics>,
  settings: AccountingSettings,
  lib: FactorLibrary = FactorLibrary.standard(),
): SelfInventory {
  const lines = accountActivity(activity, lib, toOptions(settings));
  const byYear = new Map<number, SelfYear>();
  for (const s of summarizeInventory(lines)) {
    const y = byYear.get(s.year);
    const add = (k: keyof typeof s & keyof SelfYear) => (y ? (y[k] as number) : 0) + (s[k] as number);
    const eco = economics.get(s.year);
    byYear.set(s.year, {
      year: s.year,
      energy_tce: add('energy_tce'),
      electricity_tce: add('electricity_tce'),
      scope1_tco2: add('scope1_tco2'),
      scope2_tco2: add('scope2_tco2'),
      deduction_tco2: add('deduction_tco2'),
      total_tco2: add('total_tco2'),
      biogenic_tco2: add('biogenic_tco2'),
      output: eco?.output ?? NaN,
      valueAdded: eco?.valueAdded ?? NaN,
      co2PerOutput: NaN,
      tcePerOutput: NaN,
      co2PerValueAdded: NaN,
      tcePerValueAdded: NaN,
      yoyTotal: NaN,
      yoyEnergy: NaN,
    });
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  years.forEach((y, i) => {
    y.co2PerOutput = ratio(y.total_tco2, y.output);
    y.tcePerOutput = ratio(y.energy_tce, y.output);
    y.co2PerValueAdded = ratio(y.total_tco2, y.valueAdded);
    y.tcePerValueAdded = ratio(y.energy_tce, y.valueAdded);
    const prev = years[i - 1];
    y.yoyTotal = prev && prev.year === y.year - 1 ? change(y.total_tco2, prev.total_tco2) : NaN;
    y.yoyEnergy = prev && prev.year === y.year - 1 ? change(y.energy_tce, prev.energy_tce) : NaN;
  });
  return { lines, years };
}

/** tCO2 by carrier and year (exports negative), for a stacked chart; empty carriers dropped. */
export function carrierSeries(
  lines: readonly InventoryLine[],
  label: (code: string) => string,
  order: readonly string[],
): KeyedSeries {
  const categories = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const yi = new Map(categories.map((y, i) => [y, i]));
  const by = new Map<string, number[]>();
  for (const l of lines) {
    let v = by.get(l.carrier);
    if (!v) by.set(l.carrier, (v = new Array<number>(categories.length).fill(0)));
    v[yi.get(l.year)!] += l.scope1_tco2 + l.scope2_tco2 - l.deduction_tco2;
  }
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return {
    categories,
    series: [...by]
      .filter(([, v]) => v.some((x) => Math.abs(x) > 1e-9))
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([key, values]) => ({ key, name: label(key), values })),
  };
}

/**
 * Percentile rank (0–100) of `value` among `peers`: the share of peers below it, ties counted half
 * (mid-rank). Low = fewer peers emit less per 10^4 CNY than this enterprise. NaN without peers.
 */
export function percentileRank(peers: readonly number[], value: number): number {
  const valid = peers.filter(Number.isFinite);
  if (valid.length === 0 || !Number.isFinite(value)) return NaN;
  let below = 0;
  let ties = 0;
  for (const p of valid) {
    if (p < value) below++;
    else if (p === value) ties++;
  }
  return (100 * (below + ties / 2)) / valid.length;
}

/** Median of finite values (NaN when none). */
export function median(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export interface PeerBar {
  id: string;
  label: string;
  value: number;
  self: boolean;
}

export interface PeerData {
  /** Peers and the enterprise itself, ascending by intensity. */
  bars: PeerBar[];
  selfValue: number;
  median: number;
  percentile: number;
  /** Number of peers (the enterprise itself excluded). */
  peers: number;
  /** 1 = lowest intensity, among peers + itself. */
  rank: number;
}

/**
 * Peer comparison of tCO2 per 10^4 CNY of output from an enterpriseYearSql result (one sector, one
 * year). The enterprise itself (`selfId`) is taken out of the peers and placed with `selfValue`;
 * peers without output value are left out.
 */
export function peerData(
  t: Table,
  selfId: string | undefined,
  selfValue: number,
  selfLabel: string,
  nameOf: (zh: string, en: string) => string,
): PeerData {
  const ids = stringColumn(t, 'enterprise_id');
  const zh = stringColumn(t, 'name_zh');
  const en = stringColumn(t, 'name_en');
  const total = numberColumn(t, 'total_tco2');
  const output = numberColumn(t, 'output_10k_cny');
  const peers: PeerBar[] = [];
  ids.forEach((id, i) => {
    const v = ratio(total[i], output[i]);
    if (id !== selfId && Number.isFinite(v))
      peers.push({ id, label: nameOf(zh[i], en[i]), value: v, self: false });
  });
  const values = peers.map((p) => p.value);
  const bars = [...peers];
  if (Number.isFinite(selfValue))
    bars.push({ id: selfId ?? '', label: selfLabel, value: selfValue, self: true });
  bars.sort((a, b) => a.value - b.value || Number(b.self) - Number(a.self));
  return {
    bars,
    selfValue,
    median: median(values),
    percentile: percentileRank(values, selfValue),
    peers: peers.length,
    rank: bars.findIndex((b) => b.self) + 1,
  };
}

/** Activity rows of an enterpriseActivitySql result. */
export function activityFromTable(t: Table): ActivityRow[] {
  const id = stringColumn(t, 'enterprise_id');
  const year = numberColumn(t, 'year');
  const carrier = stringColumn(t, 'carrier');
  const amount = numberColumn(t, 'amount');
  const unit = stringColumn(t, 'unit');
  return id.map((e, i) => ({
    enterprise_id: e,
    year: year[i],
    carrier: carrier[i],
    amount: amount[i],
    unit: unit[i],
  }));
}

/** Economics by year of an enterpriseEconomicsSql result. */
export function economicsFromTable(t: Table): Map<number, Economics> {
  const year = numberColumn(t, 'year');
  const output = numberColumn(t, 'output_10k_cny');
  const va = numberColumn(t, 'value_added_10k_cny');
  return new Map(Array.from(year, (y, i) => [y, { output: output[i], valueAdded: va[i] }]));
}

/** No economic data. */
export const NO_ECONOMICS: ReadonlyMap<number, Economics> = new Map();

/** Typed economics (strings by year) → numbers by year; blanks and non-numbers become NaN. */
export function ownEconomicsMap(
  rec: Record<string, { output: string; valueAdded: string }>,
): Map<number, Economics> {
  const m = new Map<number, Economics>();
  for (const [y, e] of Object.entries(rec)) {
    m.set(Number(y), { output: parseAmount(e.output) ?? NaN, valueAdded: parseAmount(e.valueAdded) ?? NaN });
  }
  return m;
}
