/**
 * The territorial park total and the negative-net enterprises as the inventory page shows them, read from
 * the rows of territorialFromSql and negativeNetFromSql (src/data/sql/territorial-sql.ts).
 */
import type { Table } from 'apache-arrow';
import type { TerritorialYear } from '../../../core/accounting/index';
import { numberColumn, stringColumn } from '../../../data/arrow-rows';

/** The rows of territorialFromSql in the core's shape. */
export function territorialYears(t: Table): TerritorialYear[] {
  const col = (n: string) => numberColumn(t, n);
  const flow = (name: string, unit: string, i: number) => ({
    amount: col(`${name}_${unit}`)[i],
    tco2: col(`${name}_tco2`)[i],
  });
  return Array.from(col('year'), (year, i) => ({
    year,
    territorial_tco2: col('territorial_tco2')[i],
    net_tco2: col('net_tco2')[i],
    electricity_import: flow('electricity_import', 'mwh', i),
    heat_import: flow('heat_import', 'gj', i),
    electricity_export: flow('electricity_export', 'mwh', i),
    heat_export: flow('heat_export', 'gj', i),
    biogenic_tco2: col('biogenic_tco2')[i],
  }));
}

/** One memo line: what crosses the boundary, its amount and unit, its CO2 and its sign in the net total. */
export interface MemoLine {
  key: 'electricity_import' | 'heat_import' | 'electricity_export' | 'heat_export';
  amount: number;
  unit: 'MWh' | 'GJ';
  tco2: number;
  sign: 1 | -1;
}

/** The memo items of a year, imports (added to reach the net total) before exports (subtracted). */
export function memoLines(y: TerritorialYear): MemoLine[] {
  return (
    [
      ['electricity_import', 'MWh', 1],
      ['heat_import', 'GJ', 1],
      ['electricity_export', 'MWh', -1],
      ['heat_export', 'GJ', -1],
    ] as const
  ).map(([key, unit, sign]) => ({ key, unit, sign, amount: y[key].amount, tco2: y[key].tco2 }));
}

/** An enterprise whose own net total is negative, named in the reader's language. */
export interface NegativeRow {
  id: string;
  name: string;
  scope1_tco2: number;
  deduction_tco2: number;
  total_tco2: number;
}

/** The rows of negativeNetFromSql, named with `pick(zh, en)` (the id when a name is missing). */
export function negativeRows(t: Table, pick: (zh: string, en: string) => string): NegativeRow[] {
  const ids = stringColumn(t, 'enterprise_id');
  const zh = stringColumn(t, 'name_zh');
  const en = stringColumn(t, 'name_en');
  const [s1, ded, total] = ['scope1_tco2', 'deduction_tco2', 'total_tco2'].map((c) => numberColumn(t, c));
  return ids.map((id, i) => ({
    id,
    name: pick(zh[i], en[i]) || id,
    scope1_tco2: s1[i],
    deduction_tco2: ded[i],
    total_tco2: total[i],
  }));
}
