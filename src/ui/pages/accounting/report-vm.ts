/**
 * Reports and table exports of the park inventory and the enterprise self-check: the accounting method
 * in words, the factors used with their sources, and the tables as sheets (headers and units in the
 * reader's language, codes in a second header row, values rounded to a sensible precision). Pure: the
 * caller passes the translator.
 */
import { CARRIERS } from '../../../core/carriers';
import {
  FactorLibrary,
  carrierCoefficients,
  type FactorUse,
  type InventoryLine,
} from '../../../core/accounting/index';
import type { MessageKey } from '../../i18n/messages';
import { factorViews, factorsText, type FactorView, type Lang } from './explain-vm';
import type { ParkYear, EmitterRow } from './inventory-vm';
import type { SelfYear } from './self-check-vm';
import { regionChoices, toOptions, type AccountingSettings } from './settings-vm';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type Cell = string | number | null;

export interface ExportColumn {
  /** Machine-readable name (second header row). */
  code: string;
  /** Header in the reader's language. */
  label: string;
  unit?: string;
  /** Decimals kept for numbers; `sig` keeps six significant digits (amounts as entered). */
  digits?: number | 'sig';
}

export interface ExportSheet {
  /** Sheet name (XLSX) and file-name suffix. */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

/** A number rounded to `digits` decimals (or six significant digits), without float noise; NaN → null. */
export function roundValue(v: number, digits: number | 'sig' = 3): number | null {
  if (!Number.isFinite(v)) return null;
  const r = digits === 'sig' ? Number(v.toPrecision(6)) : Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
}

/** The sheet as rows: localized headers (with units), codes, then the rounded values. */
export function sheetRows(sheet: ExportSheet): Cell[][] {
  const header = sheet.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label));
  const codes = sheet.columns.map((c) => c.code);
  const body = sheet.rows.map((r) =>
    r.map((v, i) => {
      const d = sheet.columns[i]?.digits;
      return typeof v === 'number'
        ? d === undefined
          ? Number.isFinite(v)
            ? v
            : null
          : roundValue(v, d)
        : v;
    }),
  );
  return [header, codes, ...body];
}

/** The accounting method as label–value pairs in the reader's language. */
export function methodWords(
  s: AccountingSettings,
  t: Translate,
  lang: Lang,
): { label: string; value: string }[] {
  const region = regionChoices(lang).find((r) => r.code === s.gridRegion)?.label ?? s.gridRegion;
  return [
    { label: t('calc.elecMethod'), value: t(`calc.elecMethod.${s.electricityMethod}`) },
    { label: t('calc.scope2Method'), value: t(`calc.scope2Method.${s.scope2Method}`) },
    { label: t('calc.gridRegion'), value: region },
    { label: t('calc.gridYear'), value: s.gridYear === null ? t('calc.gridYear.data') : String(s.gridYear) },
  ];
}

/** One line of the method in words, e.g. for a CSV cell. */
export function methodText(s: AccountingSettings, t: Translate, lang: Lang): string {
  return methodWords(s, t, lang)
    .map((w) => `${w.label}${lang === 'zh' ? '：' : ': '}${w.value}`)
    .join(lang === 'zh' ? '；' : '; ');
}

/** A factor as the report lists it: with the carrier it applies to. */
export type ReportFactor = FactorView & { carrier: string };

/** Each distinct factor of each carrier (name, value, unit, source, year) once, in first-use order. */
function distinctFactors(
  uses: readonly { carrier: string; factors: readonly FactorUse[] }[],
  carrierName: (code: string) => string,
  lang: Lang,
): ReportFactor[] {
  const seen = new Set<string>();
  const out: ReportFactor[] = [];
  for (const u of uses) {
    for (const f of factorViews(u.factors, lang)) {
      const k = [u.carrier, f.name, f.value, f.unit, f.source, f.year, f.note ?? ''].join('\u0000');
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ carrier: carrierName(u.carrier), ...f });
    }
  }
  return out;
}

/** The factors of inventory lines (the self-check's), by carrier. */
export function lineFactors(
  lines: readonly InventoryLine[],
  carrierName: (code: string) => string,
  lang: Lang,
): ReportFactor[] {
  return distinctFactors(
    lines.map((l) => ({ carrier: l.carrier, factors: l.explanation.factors })),
    carrierName,
    lang,
  );
}

/**
 * The factors the park inventory applies in a year to the carriers it holds, from the same engine (one
 * canonical unit of each carrier with the chosen settings).
 */
export function parkFactors(
  carriers: readonly string[],
  year: number,
  s: AccountingSettings,
  carrierName: (code: string) => string,
  lang: Lang,
  lib: FactorLibrary = FactorLibrary.standard(),
): ReportFactor[] {
  const order = CARRIERS.map((c) => c.code).filter((c) => carriers.includes(c));
  return distinctFactors(
    order.map((c) => ({
      carrier: c,
      factors: carrierCoefficients(lib, c, toOptions(s), year).explanation.factors,
    })),
    carrierName,
    lang,
  );
}

const col = (code: string, label: string, unit?: string, digits?: number | 'sig'): ExportColumn => ({
  code,
  label,
  unit,
  digits,
});

/** The self-check's yearly totals and intensities. */
export function selfYearsSheet(
  years: readonly SelfYear[],
  enterprise: string,
  t: Translate,
  method: string,
): ExportSheet {
  const per10k = t('inv.unit.per10kCny');
  return {
    name: t('rep.sheet.years'),
    columns: [
      col('enterprise', t('inv.col.name')),
      col('year', t('calc.field.year')),
      col('energy_tce', t('rep.col.energy'), 'tce', 3),
      col('electricity_tce', t('rep.col.electricity'), 'tce', 3),
      col('scope1_tco2', t('inv.scope1'), 'tCO₂', 3),
      col('scope2_tco2', t('inv.scope2'), 'tCO₂', 3),
      col('deduction_tco2', t('inv.deduction'), 'tCO₂', 3),
      col('total_tco2', t('inv.netTotal'), 'tCO₂', 3),
      col('biogenic_tco2', t('rep.col.biogenic'), 'tCO₂', 3),
      col('output_10k_cny', t('rep.col.output'), per10k, 2),
      col('value_added_10k_cny', t('rep.col.valueAdded'), per10k, 2),
      col('tco2_per_10k_cny_output', t('inv.int.co2Output'), undefined, 4),
      col('tce_per_10k_cny_output', t('inv.int.tceOutput'), undefined, 4),
      col('tco2_per_10k_cny_value_added', t('inv.int.co2Va'), undefined, 4),
      col('tce_per_10k_cny_value_added', t('inv.int.tceVa'), undefined, 4),
      col('method', t('rep.method')),
    ],
    rows: years.map((y) => [
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
      method,
    ]),
  };
}

/** The self-check's activity lines with the factors and sources used. */
export function selfLinesSheet(
  lines: readonly InventoryLine[],
  enterprise: string,
  t: Translate,
  carrierName: (code: string) => string,
  lang: Lang,
): ExportSheet {
  return {
    name: t('rep.sheet.lines'),
    columns: [
      col('enterprise', t('inv.col.name')),
      col('year', t('calc.field.year')),
      col('carrier', t('rep.col.carrierCode')),
      col('carrier_name', t('calc.field.carrier')),
      col('amount', t('calc.field.amount'), undefined, 'sig'),
      col('unit', t('calc.field.unit')),
      col('energy_tce', t('rep.col.energy'), 'tce', 3),
      col('scope1_tco2', t('inv.scope1'), 'tCO₂', 3),
      col('scope2_tco2', t('inv.scope2'), 'tCO₂', 3),
      col('deduction_tco2', t('inv.deduction'), 'tCO₂', 3),
      col('total_tco2', t('inv.netTotal'), 'tCO₂', 3),
      col('biogenic_tco2', t('rep.col.biogenic'), 'tCO₂', 3),
      col('factors', t('calc.factorsUsed')),
      col('sources', t('calc.factor.source')),
    ],
    rows: lines.map((l) => [
      enterprise,
      l.year,
      l.carrier,
      carrierName(l.carrier),
      l.amount,
      l.unit,
      l.energy_tce,
      l.scope1_tco2,
      l.scope2_tco2,
      l.deduction_tco2,
      l.scope1_tco2 + l.scope2_tco2 - l.deduction_tco2,
      l.biogenic_tco2,
      factorsText(l.explanation.factors, lang),
      [...new Set(l.explanation.factors.map((f) => `${f.source}${f.year ? ` (${f.year})` : ''}`))].join(
        ' | ',
      ),
    ]),
  };
}

/** The park's yearly totals, intensities and electricity share. */
export function parkYearsSheet(years: readonly ParkYear[], t: Translate, method: string): ExportSheet {
  const per10k = t('inv.unit.per10kCny');
  return {
    name: t('rep.sheet.years'),
    columns: [
      col('year', t('calc.field.year')),
      col('enterprises', t('overview.enterprises')),
      col('energy_tce', t('rep.col.energy'), 'tce', 1),
      col('scope1_tco2', t('inv.scope1'), 'tCO₂', 1),
      col('scope2_tco2', t('inv.scope2'), 'tCO₂', 1),
      col('deduction_tco2', t('inv.deduction'), 'tCO₂', 1),
      col('total_tco2', t('inv.netTotal'), 'tCO₂', 1),
      col('biogenic_tco2', t('rep.col.biogenic'), 'tCO₂', 1),
      col('output_10k_cny', t('rep.col.output'), per10k, 1),
      col('value_added_10k_cny', t('rep.col.valueAdded'), per10k, 1),
      col('tco2_per_10k_cny_output', t('inv.int.co2Output'), undefined, 4),
      col('tce_per_10k_cny_output', t('inv.int.tceOutput'), undefined, 4),
      col('tco2_per_10k_cny_value_added', t('inv.int.co2Va'), undefined, 4),
      col('electricity_share', t('inv.elecShare'), '%', 1),
      col('method', t('rep.method')),
    ],
    rows: years.map((y) => [
      y.year,
      y.enterprises,
      y.energy_tce,
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
      y.electricityShare * 100,
      method,
    ]),
  };
}

/** The enterprises of a park year (all of them, in the table's order). */
export function emittersSheet(rows: readonly EmitterRow[], year: number, t: Translate): ExportSheet {
  return {
    name: t('rep.sheet.emitters'),
    columns: [
      col('year', t('calc.field.year')),
      col('enterprise_id', t('calc.field.enterprise')),
      col('name', t('inv.col.name')),
      col('sector', t('inv.col.sector')),
      col('energy_tce', t('rep.col.energy'), 'tce', 1),
      col('scope1_tco2', t('inv.scope1'), 'tCO₂', 1),
      col('scope2_tco2', t('inv.scope2'), 'tCO₂', 1),
      col('total_tco2', t('inv.netTotal'), 'tCO₂', 1),
      col('output_10k_cny', t('rep.col.output'), t('inv.unit.per10kCny'), 1),
      col('tco2_per_10k_cny_output', t('inv.int.co2Output'), undefined, 4),
    ],
    rows: rows.map((r) => [
      year,
      r.id,
      r.name,
      r.sector,
      r.energy_tce,
      r.scope1_tco2,
      r.scope2_tco2,
      r.total_tco2,
      r.output,
      r.intensity,
    ]),
  };
}

/** The report's front matter as rows (title, date, method, factors) for an "about" sheet. */
export function aboutRows(
  title: string,
  date: string,
  method: readonly { label: string; value: string }[],
  factors: readonly ReportFactor[],
  t: Translate,
): Cell[][] {
  return [
    [title],
    [t('rep.date'), date],
    [],
    [t('calc.settings')],
    ...method.map((m) => [m.label, m.value]),
    [],
    [t('rep.factors')],
    [
      t('calc.field.carrier'),
      t('calc.factor.name'),
      t('calc.factor.value'),
      t('calc.factor.unit'),
      t('calc.factor.source'),
      t('calc.factor.year'),
    ],
    ...factors.map((f) => [
      f.carrier,
      f.name,
      Number(f.value),
      f.unit,
      f.source,
      f.year + (f.note ? ` (${f.note})` : ''),
    ]),
  ];
}
