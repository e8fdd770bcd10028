/**
 * Overview view model: Arrow results → chart data and headline figures (pure, unit-tested).
 */
import type { Table } from 'apache-arrow';
import { numberColumn, stringColumn } from '../../data/arrow-rows';
import type { CategoryCounts } from '../../charts/overview';
import type { KeyedSeries } from '../../charts/accounting/inventory-charts';

export interface YearKpi {
  year: number;
  energyTce: number;
  /** Park total, tCO2 (the accounting rule for the park boundary). */
  totalTco2: number;
  /** Electricity over final energy consumption. */
  electricityShare: number;
  outputYiCny: number;
  /** tce per 10^4 CNY of output value. */
  intensity: number;
  enterprises: number;
}

export function sectorCounts(t: Table, label: (code: string) => string): CategoryCounts {
  return { labels: stringColumn(t, 'sector').map(label), values: Array.from(numberColumn(t, 'n')) };
}

/** Pivots (year, carrier, energy_tce) rows into one series per carrier over all years; empty carriers dropped. */
export function energyByCarrier(
  t: Table,
  label: (code: string) => string,
  order: readonly string[],
): KeyedSeries {
  const years = numberColumn(t, 'year');
  const carriers = stringColumn(t, 'carrier');
  const tce = numberColumn(t, 'energy_tce');
  const categories = [...new Set(years)].sort((a, b) => a - b);
  const yi = new Map(categories.map((y, i) => [y, i]));
  const byCarrier = new Map<string, number[]>();
  for (let i = 0; i < years.length; i++) {
    let arr = byCarrier.get(carriers[i]);
    if (!arr) byCarrier.set(carriers[i], (arr = new Array<number>(categories.length).fill(0)));
    arr[yi.get(years[i])!] += tce[i];
  }
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  const series = [...byCarrier.entries()]
    .filter(([, v]) => v.some((x) => Math.abs(x) > 1e-9))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, values]) => ({ key, name: label(key), values }));
  return { categories, series };
}

/** Headline figures from the park-years query (src/data/sql/inventory-views-sql.ts `parkYearsSql`). */
export function yearlyKpis(t: Table): YearKpi[] {
  const year = numberColumn(t, 'year');
  const energy = numberColumn(t, 'energy_tce');
  const total = numberColumn(t, 'total_tco2');
  const elec = numberColumn(t, 'electricity_tce');
  const finalEnergy = numberColumn(t, 'final_energy_tce');
  const output = numberColumn(t, 'output_10k_cny');
  const n = numberColumn(t, 'enterprises');
  return Array.from(year, (y, i) => ({
    year: y,
    energyTce: energy[i],
    totalTco2: total[i],
    // Share of final consumption (enterprises outside energy conversion), as on the inventory page.
    electricityShare: finalEnergy[i] > 0 ? elec[i] / finalEnergy[i] : NaN,
    outputYiCny: output[i] / 1e4,
    intensity: output[i] > 0 ? energy[i] / output[i] : NaN,
    enterprises: n[i],
  }));
}
