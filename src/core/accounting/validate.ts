/**
 * Checks raw activity records (e.g. CSV rows of strings) and turns them into typed ActivityRows.
 * Every problem names the file, the row, the column and the reason. Row numbers count the header as
 * row 1, so the first data row is row 2: the line number in a CSV file without line breaks inside
 * quoted fields (pass `lineNumbers` from the CSV reader to be exact in every case).
 */
import { CARRIERS, carrierInfo } from '../carriers';
import { UnitError, parseUnit, unitDimension } from '../units';
import type { ActivityRow } from './types';

const ACTIVITY_COLUMNS = ['enterprise_id', 'year', 'carrier', 'amount', 'unit'] as const;

export interface ValidationIssue {
  file: string;
  /** 1-based; the header is row 1. */
  row: number;
  column: string;
  reason: string;
}

/** "file: row N, column C: reason". */
export function formatIssue(i: ValidationIssue): string {
  return `${i.file}: row ${i.row}, column ${i.column}: ${i.reason}`;
}

export type RawRecord = Readonly<Record<string, unknown>>;

export interface ValidateOptions {
  /** Header columns as read; used to report missing columns even when there are no data rows. */
  columns?: readonly string[];
  /** Row number of each record (e.g. the CSV line it starts on); default index + 2. */
  lineNumbers?: readonly number[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a decimal number written plainly (no thousands separators); undefined when it is not one. */
export function parseNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return NUMBER.test(s) ? Number(s) : undefined;
}

const BY_ZH = new Map<string, string>(CARRIERS.map((c) => [c.zh, c.code]));

/** A carrier code from its code (any case) or Chinese name; undefined when unknown. */
export function carrierCode(text: string): string | undefined {
  const t = text.trim();
  if (carrierInfo(t)) return t;
  if (carrierInfo(t.toLowerCase())) return t.toLowerCase();
  return BY_ZH.get(t);
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

/** Validates and types activity records; rows with any issue are left out of `rows`. */
export function validateActivityRows(
  records: readonly RawRecord[],
  source: string,
  options: ValidateOptions = {},
): { rows: ActivityRow[]; errors: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const columns = options.columns ?? (records.length > 0 ? Object.keys(records[0]) : undefined);
  if (columns) {
    const missing = ACTIVITY_COLUMNS.filter((c) => !columns.includes(c));
    for (const c of missing) issues.push({ file: source, row: 1, column: c, reason: 'missing column' });
    if (missing.length > 0) return { rows: [], errors: issues };
  }
  const rows: ActivityRow[] = [];
  records.forEach((r, i) => {
    const row = options.lineNumbers?.[i] ?? i + 2;
    const bad = (column: string, reason: string) => issues.push({ file: source, row, column, reason });
    const before = issues.length;
    const id = text(r.enterprise_id);
    if (id === '') bad('enterprise_id', 'empty');
    const yearText = text(r.year);
    const year = parseNumber(yearText);
    if (year === undefined || !Number.isInteger(year) || year < 1900 || year > 2100) {
      bad('year', `"${yearText}" is not a year (a whole number 1900–2100)`);
    }
    const carrierText = text(r.carrier);
    const carrier = carrierCode(carrierText);
    if (!carrier)
      bad('carrier', `unknown carrier "${carrierText}"; known: ${CARRIERS.map((c) => c.code).join(', ')}`);
    const amountText = text(r.amount);
    const amount = parseNumber(amountText);
    if (amount === undefined) bad('amount', `"${amountText}" is not a number`);
    else if (amount < 0) bad('amount', `${amountText} is negative; record deliveries with an export carrier`);
    const unitText = text(r.unit);
    try {
      const unit = parseUnit(unitText);
      if (carrier) unitDimension(unit, carrier);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      bad('unit', e.message);
    }
    if (issues.length === before) {
      rows.push({ enterprise_id: id, year: year!, carrier: carrier!, amount: amount!, unit: unitText });
    }
  });
  return { rows, errors: issues };
}
