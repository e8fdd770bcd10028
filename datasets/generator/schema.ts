/**
 * The canonical park tables (datasets/README.md): row types and the column types each table is
 * written with. Column order here is the order in the CSV and Arrow files.
 */
export type ColumnType = 'utf8' | 'int32' | 'float64';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface TableData {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly Row[];
}

export interface EnterpriseRow extends Row {
  enterprise_id: string;
  name_zh: string;
  name_en: string;
  sector: string;
  gbt4754: string;
  zone: string;
  lon: number;
  lat: number;
  output_value_10k_cny: number;
  value_added_10k_cny: number;
  employees: number;
}

export interface EconomicsRow extends Row {
  enterprise_id: string;
  year: number;
  output_value_10k_cny: number;
  value_added_10k_cny: number;
  employees: number;
}

export interface ActivityRow extends Row {
  enterprise_id: string;
  year: number;
  carrier: string;
  amount: number;
  unit: string;
}

export interface ProductionRow extends Row {
  enterprise_id: string;
  year: number;
  product: string;
  quantity: number;
  unit: string;
}

export interface PvRow extends Row {
  enterprise_id: string;
  commissioned_year: number;
  capacity_kwp: number;
}

/** All five tables of one park, as rows. */
export interface ParkTables {
  enterprises: EnterpriseRow[];
  economics: EconomicsRow[];
  activity: ActivityRow[];
  production: ProductionRow[];
  pv_installations: PvRow[];
}

const s = (name: string): ColumnSpec => ({ name, type: 'utf8' });
const i = (name: string): ColumnSpec => ({ name, type: 'int32' });
const f = (name: string): ColumnSpec => ({ name, type: 'float64' });

export const PARK_COLUMNS: Record<keyof ParkTables, readonly ColumnSpec[]> = {
  enterprises: [
    s('enterprise_id'),
    s('name_zh'),
    s('name_en'),
    s('sector'),
    s('gbt4754'),
    s('zone'),
    f('lon'),
    f('lat'),
    f('output_value_10k_cny'),
    f('value_added_10k_cny'),
    i('employees'),
  ],
  economics: [
    s('enterprise_id'),
    i('year'),
    f('output_value_10k_cny'),
    f('value_added_10k_cny'),
    i('employees'),
  ],
  activity: [s('enterprise_id'), i('year'), s('carrier'), f('amount'), s('unit')],
  production: [s('enterprise_id'), i('year'), s('product'), f('quantity'), s('unit')],
  pv_installations: [s('enterprise_id'), i('commissioned_year'), f('capacity_kwp')],
};

export const PARK_TABLE_NAMES = Object.keys(PARK_COLUMNS) as (keyof ParkTables)[];

/** Park-level metadata written to manifest.json. */
export interface ParkMeta {
  readonly id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly version: string;
  readonly description_zh: string;
  readonly description_en: string;
  readonly years: readonly [number, number];
  readonly green_space_ha: number;
  readonly wetland_ha: number;
}

/** Rounds to a fixed number of decimals (half away from zero) and normalises -0 to 0. */
export function round(x: number, decimals: number): number {
  const p = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * p)) / p;
  return r === 0 ? 0 : r;
}

/** Sorts rows in place by the given keys (strings compared by code unit, numbers numerically). */
export function sortRows<T extends Row>(rows: T[], keys: readonly (keyof T & string)[]): T[] {
  return rows.sort((a, b) => {
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  });
}
