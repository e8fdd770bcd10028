/**
 * CSV exports of an enterprise inventory: one row per activity line with the factors, sources and
 * formula the engine used, and one row per year with totals and intensities. RFC 4180 quoting; a
 * UTF-8 byte-order mark is added by the caller so spreadsheet programs read the Chinese text.
 */
import type { InventoryLine } from '../../../core/accounting/index';
import { factorsText, type Lang } from './explain-vm';
import type { AccountingSettings } from './settings-vm';
import type { SelfYear } from './self-check-vm';

/** One CSV field, quoted when it holds a separator, quote or line break. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function toCsvText(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Text of the accounting settings, for the exports. */
export function settingsText(s: AccountingSettings): string {
  return [
    `electricity_method=${s.electricityMethod}`,
    `scope2_method=${s.scope2Method}`,
    `grid_region=${s.gridRegion}`,
    `grid_year=${s.gridYear ?? 'data year'}`,
  ].join('; ');
}

export const LINE_COLUMNS = [
  'enterprise',
  'year',
  'carrier',
  'carrier_name',
  'amount',
  'unit',
  'amount_canonical',
  'canonical_unit',
  'energy_tce',
  'scope1_tco2',
  'scope2_tco2',
  'deduction_tco2',
  'total_tco2',
  'biogenic_tco2',
  'factors',
  'sources',
  'formula',
] as const;

/** Inventory lines with their factors and sources. */
export function inventoryLinesCsv(
  lines: readonly InventoryLine[],
  enterprise: string,
  carrierName: (code: string) => string,
  lang: Lang,
): string {
  const rows = lines.map((l) => {
    const sources = [
      ...new Set(l.explanation.factors.map((f) => `${f.source}${f.year ? ` (${f.year})` : ''}`)),
    ];
    return [
      enterprise,
      l.year,
      l.carrier,
      carrierName(l.carrier),
      l.amount,
      l.unit,
      l.amount_canonical,
      l.canonical_unit,
      l.energy_tce,
      l.scope1_tco2,
      l.scope2_tco2,
      l.deduction_tco2,
      l.scope1_tco2 + l.scope2_tco2 - l.deduction_tco2,
      l.biogenic_tco2,
      factorsText(l.explanation.factors, lang),
      sources.join(' | '),
      l.explanation.formula,
    ];
  });
  return toCsvText(LINE_COLUMNS, rows);
}

export const SUMMARY_COLUMNS = [
  'enterprise',
  'year',
  'energy_tce',
  'electricity_tce',
  'scope1_tco2',
  'scope2_tco2',
  'deduction_tco2',
  'total_tco2',
  'biogenic_tco2',
  'output_10k_cny',
  'value_added_10k_cny',
  'tco2_per_10k_cny_output',
  'tce_per_10k_cny_output',
  'tco2_per_10k_cny_value_added',
  'tce_per_10k_cny_value_added',
  'settings',
] as const;

/** Totals and intensities by year. */
export function inventorySummaryCsv(
  years: readonly SelfYear[],
  enterprise: string,
  settings: AccountingSettings,
): string {
  const s = settingsText(settings);
  return toCsvText(
    SUMMARY_COLUMNS,
    years.map((y) => [
      enterprise,
      y.year,
      y.energy_tce,
      y.electricity_tce,
      y.scope1_tco2,
      y.scope2_tco2,
      y.deduction_tco2,
      y.total_tco2,
      y.biogenic_tco2,
      y.output,
      y.valueAdded,
      y.co2PerOutput,
      y.tcePerOutput,
      y.co2PerValueAdded,
      y.tcePerValueAdded,
      s,
    ]),
  );
}

/** A file name safe on every OS: letters, digits, CJK, dash and underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'inventory';
}
