/**
 * Typed activity input (calculator rows, self-check form and pasted lines): parsing and checking of
 * carrier, amount, unit and year, with problems as codes + parameters so the UI words them in either
 * language. Pure; reuses the engine's carrier and unit vocabulary (src/core).
 */
import { CARRIERS, carrierInfo } from '../../../core/carriers';
import { carrierCode } from '../../../core/accounting/index';
import { UNITS, acceptedUnits, tryParseUnit } from '../../../core/units';

export type InputField = 'enterprise_id' | 'year' | 'carrier' | 'amount' | 'unit';

export type IssueCode =
  | 'empty'
  | 'notNumber'
  | 'negative'
  | 'notYear'
  | 'unknownCarrier'
  | 'unknownUnit'
  | 'unitMismatch'
  | 'columns'
  | 'otherEnterprise'
  | 'engine';

export interface InputIssue {
  field: InputField;
  code: IssueCode;
  params?: Record<string, string | number>;
}

/** Carrier codes offered in pickers, in the canonical order. */
export const CARRIER_CODES: readonly string[] = CARRIERS.map((c) => c.code);

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A typed number: full-width digits, spaces and thousands separators (1,234.5) are accepted;
 * undefined when the text is not a number.
 */
export function parseAmount(text: string): number | undefined {
  const s = text.normalize('NFKC').replace(/[\s\u00a0]/g, '');
  if (s === '') return undefined;
  const plain = GROUPED.test(s) ? s.replace(/,/g, '') : s;
  if (!PLAIN.test(plain)) return undefined;
  const v = Number(plain);
  return Number.isFinite(v) ? v : undefined;
}

/** A whole year 1900–2100, or undefined. */
export function parseYear(text: string): number | undefined {
  const v = parseAmount(text);
  return v !== undefined && Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : undefined;
}

/** Units a carrier accepts, labelled by their Chinese name in zh and their code in en. */
export function unitChoices(carrier: string, lang: 'zh' | 'en'): { code: string; label: string }[] {
  if (!carrierInfo(carrier)) return [];
  return acceptedUnits(carrier).map((code) => {
    const u = UNITS.find((x) => x.code === code)!;
    return { code, label: lang === 'zh' ? u.zh : u.code };
  });
}

/** The unit code a unit name stands for (codes, Chinese names, common spellings), or undefined. */
function unitCode(text: string): string | undefined {
  return tryParseUnit(text.trim())?.code;
}

/** Keeps `unit` when it fits the carrier, else the carrier's canonical unit. */
export function fitUnit(carrier: string, unit: string): string {
  const info = carrierInfo(carrier);
  if (!info) return unit;
  const code = unitCode(unit);
  return code && acceptedUnits(carrier).includes(code) ? code : info.unit;
}

export interface CheckedInput {
  carrier?: string;
  amount?: number;
  unit?: string;
  year?: number;
  issues: InputIssue[];
}

/**
 * Checks one activity entry. `year` is checked only when given (calculator rows take the page's year).
 * An empty amount is an issue only when `requireAmount` is set.
 */
export function checkEntry(
  entry: { carrier: string; amount: string; unit: string; year?: string },
  requireAmount = true,
): CheckedInput {
  const issues: InputIssue[] = [];
  const out: CheckedInput = { issues };
  if (entry.year !== undefined) {
    const y = parseYear(entry.year);
    if (entry.year.trim() === '') issues.push({ field: 'year', code: 'empty' });
    else if (y === undefined)
      issues.push({ field: 'year', code: 'notYear', params: { value: entry.year.trim() } });
    else out.year = y;
  }
  const carrier = entry.carrier.trim() === '' ? undefined : carrierCode(entry.carrier);
  if (entry.carrier.trim() === '') issues.push({ field: 'carrier', code: 'empty' });
  else if (!carrier)
    issues.push({ field: 'carrier', code: 'unknownCarrier', params: { value: entry.carrier.trim() } });
  else out.carrier = carrier;
  const amountText = entry.amount.trim();
  if (amountText === '') {
    if (requireAmount) issues.push({ field: 'amount', code: 'empty' });
  } else {
    const a = parseAmount(amountText);
    if (a === undefined) issues.push({ field: 'amount', code: 'notNumber', params: { value: amountText } });
    else if (a < 0) issues.push({ field: 'amount', code: 'negative', params: { value: amountText } });
    else out.amount = a;
  }
  const unit = entry.unit.trim() === '' ? undefined : unitCode(entry.unit);
  if (entry.unit.trim() === '') issues.push({ field: 'unit', code: 'empty' });
  else if (!unit) issues.push({ field: 'unit', code: 'unknownUnit', params: { value: entry.unit.trim() } });
  else if (carrier && !acceptedUnits(carrier).includes(unit)) {
    issues.push({
      field: 'unit',
      code: 'unitMismatch',
      params: { value: unit, carrier, accepted: acceptedUnits(carrier).join(', ') },
    });
  } else out.unit = unit;
  return out;
}
