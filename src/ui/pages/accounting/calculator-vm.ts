/**
 * Energy calculator view model: typed rows (carrier, amount, unit) → per-row and total tce and tCO2
 * with the factors used, through the accounting engine (pure, in the browser). Rows with a problem
 * report it (field + code) and are left out of the totals; blank rows are ignored.
 */
import {
  AccountingError,
  FactorLibrary,
  accountActivity,
  type InventoryLine,
} from '../../../core/accounting/index';
import { UnitError } from '../../../core/units';
import { checkEntry, parseYear, type InputIssue } from './activity-input-vm';
import { toOptions, type AccountingSettings } from './settings-vm';

export interface CalcRow {
  id: number;
  carrier: string;
  /** As typed; parsed on every computation so nothing typed is lost. */
  amount: string;
  unit: string;
}

export interface CalcRowResult {
  id: number;
  /** True when the amount is empty: not an error, not counted. */
  blank: boolean;
  issues: InputIssue[];
  line?: InventoryLine;
  /** scope 1 + scope 2 − deduction of this row. */
  tco2?: number;
}

export interface CalcTotals {
  energy_tce: number;
  scope1_tco2: number;
  scope2_tco2: number;
  deduction_tco2: number;
  total_tco2: number;
  biogenic_tco2: number;
}

export interface CalcResult {
  rows: CalcRowResult[];
  totals: CalcTotals;
  /** Rows counted in the totals. */
  counted: number;
  /** Rows with a problem. */
  invalid: number;
  /** Problem with the data year, if any (no row is computed then). */
  yearIssue?: InputIssue;
}

const ZERO: CalcTotals = {
  energy_tce: 0,
  scope1_tco2: 0,
  scope2_tco2: 0,
  deduction_tco2: 0,
  total_tco2: 0,
  biogenic_tco2: 0,
};

/** Computes every row with the engine for the data year and the accounting settings. */
export function computeCalculator(
  rows: readonly CalcRow[],
  yearText: string,
  settings: AccountingSettings,
  lib: FactorLibrary = FactorLibrary.standard(),
): CalcResult {
  const year = parseYear(yearText);
  const yearIssue: InputIssue | undefined =
    year === undefined ? { field: 'year', code: 'notYear', params: { value: yearText.trim() } } : undefined;
  const totals = { ...ZERO };
  let counted = 0;
  let invalid = 0;
  const out = rows.map((r): CalcRowResult => {
    const checked = checkEntry(r, false);
    const blank = r.amount.trim() === '';
    if (checked.issues.length > 0) invalid++;
    if (blank || checked.issues.length > 0 || year === undefined) {
      return { id: r.id, blank, issues: checked.issues };
    }
    try {
      const [line] = accountActivity(
        [
          {
            enterprise_id: '',
            year,
            carrier: checked.carrier!,
            amount: checked.amount!,
            unit: checked.unit!,
          },
        ],
        lib,
        toOptions(settings),
      );
      const tco2 = line.scope1_tco2 + line.scope2_tco2 - line.deduction_tco2;
      totals.energy_tce += line.energy_tce;
      totals.scope1_tco2 += line.scope1_tco2;
      totals.scope2_tco2 += line.scope2_tco2;
      totals.deduction_tco2 += line.deduction_tco2;
      totals.total_tco2 += tco2;
      totals.biogenic_tco2 += line.biogenic_tco2;
      counted++;
      return { id: r.id, blank, issues: [], line, tco2 };
    } catch (e) {
      if (!(e instanceof UnitError || e instanceof AccountingError)) throw e;
      invalid++;
      return {
        id: r.id,
        blank,
        issues: [{ field: 'amount', code: 'engine', params: { message: e.message } }],
      };
    }
  });
  return { rows: out, totals, counted, invalid, yearIssue };
}

/** Rows restored from storage; malformed entries are dropped. */
export function restoreCalcRows(v: unknown): CalcRow[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, i) => {
    if (!x || typeof x !== 'object') return [];
    const o = x as Record<string, unknown>;
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '');
    return [
      {
        id: typeof o.id === 'number' ? o.id : i + 1,
        carrier: str('carrier'),
        amount: str('amount'),
        unit: str('unit'),
      },
    ];
  });
}
