/**
 * Pasted activity lines (from a spreadsheet or a CSV file) read by the importer (src/core/import), the
 * one reader of activity in the app and the CLI: `enterprise_id?,year?,carrier,amount,unit` separated by
 * tabs, commas (full-width too) or semicolons, an optional header line in Chinese or English. Carrier
 * names as people write them (电力, 蒸汽, 外购热力 …), steam in tonnes converted with the documented
 * enthalpy, thousands separators normalised, three columns without a year take the page's year. Every
 * problem names the line, the column and the reason, with the closest known carrier when one is close;
 * lines with a problem are left out and the good ones kept. Pure.
 */
import type { Problem } from '../../../core/errors';
import { csvRecords, sniffDelimiter } from '../../../core/import/csv';
import { importActivity } from '../../../core/import/activity';
import { acceptedUnits } from '../../../core/units';
import {
  DEFAULT_STEAM_GRADE,
  gradeHint,
  steamGjPerTonne,
  steamGrade,
  type SteamGrade,
} from '../../../core/import/steam';
import type { InputField, InputIssue, IssueCode } from './activity-input-vm';

export interface PastedRow {
  /** 1-based line number in the pasted text. */
  line: number;
  enterpriseId?: string;
  year: number;
  carrier: string;
  /** In `unit` (the carrier's canonical unit when the importer converted it, e.g. steam in t → GJ). */
  amount: number;
  unit: string;
}

export interface PasteIssue extends InputIssue {
  line: number;
  /** 1-based column in the line, when the problem is in one field. */
  column?: number;
}

/**
 * A note that does not stop a line: the steam conversion used (its grade and GJ per tonne, first line it
 * applied to), or another of the importer's warnings in its own words.
 */
export type PasteNote =
  | { line: number; code: 'steam'; grade: SteamGrade; gjPerT: number }
  | { line: number; code: 'other'; message: string };

export interface PasteResult {
  rows: PastedRow[];
  issues: PasteIssue[];
  /** Notes that do not stop a line (e.g. the steam conversion used). */
  notes: PasteNote[];
  /** Number of data lines read (header and blank lines excluded). */
  lines: number;
  enterpriseId?: string;
  /** The header line (if any) and the lines with a problem, to leave in the box for fixing. */
  rest: string;
}

export interface PasteOptions {
  /** The year for lines without one (three columns: carrier, amount, unit). */
  year?: number;
}

const FIELDS: readonly InputField[] = ['enterprise_id', 'year', 'carrier', 'amount', 'unit'];
/** Header names of the paste box's own help, besides everything the importer recognises. */
const HEADER_NAMES: Record<string, InputField> = {
  enterprise_id: 'enterprise_id',
  id: 'enterprise_id',
  企业编号: 'enterprise_id',
  企业: 'enterprise_id',
  企业代码: 'enterprise_id',
  year: 'year',
  年份: 'year',
  年度: 'year',
  carrier: 'carrier',
  能源品种: 'carrier',
  能源名称: 'carrier',
  品种: 'carrier',
  amount: 'amount',
  数量: 'amount',
  消费量: 'amount',
  实物量: 'amount',
  unit: 'unit',
  单位: 'unit',
  计量单位: 'unit',
};

/** The header's column order, or undefined when the line is data. */
function headerOf(fields: readonly string[]): InputField[] | undefined {
  const mapped = fields.map((f) => HEADER_NAMES[f.trim().toLowerCase()]);
  return mapped.includes('carrier') && mapped.includes('amount') && mapped.every(Boolean)
    ? mapped
    : undefined;
}

/**
 * An unquoted comma paste splits `1,200` into two fields: a number of 1–3 digits followed by groups of
 * three digits is put back together when the line has more fields than it should.
 */
function rejoinThousands(fields: string[], expected: number): string[] {
  if (fields.length <= expected) return fields;
  const out: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    let f = fields[i];
    if (/^\s*[+-]?\d{1,3}\s*$/.test(f)) {
      while (out.length + (fields.length - i) > expected && /^\d{3}(\.\d+)?\s*$/.test(fields[i + 1] ?? '')) {
        f = `${f.trim()},${fields[++i].trim()}`;
      }
    }
    out.push(f);
  }
  return out;
}

const YEAR = /^\d{4}$/;
/** Whether fields fit a header-less layout: 5 (id, year, …), 4 (year, …) or 3 (carrier, amount, unit). */
const fits = (f: readonly string[]) =>
  (f.length === 5 && YEAR.test(f[1])) ||
  (f.length === 4 && YEAR.test(f[0])) ||
  (f.length === 3 && !/^[\d.,+-]+$/.test(f[0]));

/** A header-less comma line as given when it fits, else with thousands put back together when that fits. */
function bestSplit(fields: string[]): string[] {
  if (fits(fields)) return fields;
  for (const n of [5, 4, 3]) {
    const f = rejoinThousands(fields, n);
    if (fits(f)) return f;
  }
  return fields;
}

/** Issue code and parameters from the importer's reason (its wording is tested with this mapping). */
function issueOf(field: InputField, reason: string, value: string): Omit<InputIssue, 'field'> {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  const code = (c: IssueCode, params: Record<string, string | number> = { value: v }) => ({
    code: c,
    params,
  });
  if (/^empty/.test(reason)) return { code: 'empty' };
  if (field === 'carrier' && reason.startsWith('unknown carrier')) {
    const hint = /did you mean (.+?)\?/.exec(reason)?.[1];
    return code('unknownCarrier', hint ? { value: v, suggestion: hint } : { value: v });
  }
  if (field === 'unit' && reason.startsWith('unknown unit')) return code('unknownUnit');
  if (field === 'year') return code('notYear');
  if (field === 'amount' && /negative/.test(reason)) return code('negative');
  if (field === 'amount' && /not a number|ambiguous|too large|too long/.test(reason))
    return code('notNumber');
  return code('engine', { message: reason });
}

/** Parses and checks pasted lines; lines with any problem are left out of `rows`, the others kept. */
export function parsePaste(text: string, options: PasteOptions = {}): PasteResult {
  const issues: PasteIssue[] = [];
  const rawLines = text.split(/\r\n|\n|\r/);
  // Lines that hold data (comments and blank lines are not), each split into fields.
  const normal = text.normalize('NFKC');
  const delimiter = /\t/.test(normal) ? '\t' : sniffDelimiter(normal.replace(/^#.*$/gm, ''));
  const kept: { line: number; fields: string[] }[] = [];
  rawLines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    let fields: string[];
    try {
      fields = csvRecords(raw.normalize('NFKC'), delimiter, 'paste').records[0] ?? [];
    } catch {
      fields = raw.normalize('NFKC').split(delimiter);
    }
    kept.push({ line: i + 1, fields: fields.map((f) => f.trim()) });
  });
  let header: InputField[] | undefined;
  let headerLine: number | undefined;
  if (kept.length > 0) {
    header = headerOf(kept[0].fields);
    if (header) headerLine = kept.shift()!.line;
  }
  const hasYearColumn = (n: number) => (header ? header.includes('year') : n >= 4);
  // Each data line as a grid row in the canonical column order; wrong column counts are said here.
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const orderOf = new Map<number, readonly InputField[]>();
  for (const k of kept) {
    let fields = k.fields;
    const expected = header ? header.length : undefined;
    if (delimiter === ',') fields = expected ? rejoinThousands(fields, expected) : bestSplit(fields);
    const order =
      header ??
      (fields.length === 5
        ? FIELDS
        : fields.length === 4
          ? FIELDS.slice(1)
          : fields.length === 3
            ? FIELDS.slice(2)
            : undefined);
    if (!order || fields.length !== order.length) {
      issues.push({
        line: k.line,
        field: 'year',
        code: 'columns',
        params: { count: fields.length, expected: header ? header.length : '3–5' },
      });
      continue;
    }
    if (!hasYearColumn(fields.length) && options.year === undefined) {
      issues.push({ line: k.line, field: 'year', code: 'empty' });
      continue;
    }
    const get = (f: InputField) => {
      const i = order.indexOf(f);
      return i < 0 ? '' : fields[i];
    };
    orderOf.set(k.line, order);
    rows.push([
      get('enterprise_id') || '(self)',
      order.includes('year') ? get('year') : String(options.year),
      get('carrier'),
      get('amount'),
      get('unit'),
    ]);
    rowNumbers.push(k.line);
  }
  // The importer reads the lines; problems come back located by line and canonical column.
  if (rows.length === 0) {
    issues.sort((x, y) => x.line - y.line);
    const rest = issues.length > 0 ? text : '';
    return { rows: [], issues, notes: [], lines: kept.length, rest };
  }
  const result = importActivity(
    [
      {
        file: 'paste',
        rows: [['enterprise_id', 'year', 'carrier', 'amount', 'unit'], ...rows],
        rowNumbers: [0, ...rowNumbers],
      },
    ],
    { asGiven: true, maxProblems: 1000 },
  );
  const notes: PasteNote[] = [];
  const badLines = new Set(issues.map((i) => i.line));
  const valueAt = (line: number, field: InputField) => {
    const r = rowNumbers.indexOf(line);
    return r < 0 ? '' : rows[r][FIELDS.indexOf(field)];
  };
  for (const p of result.problems as Problem[]) {
    if (p.severity === 'warning') {
      const line = p.row ?? 0;
      if (/^steam in tonnes converted/.test(p.reason)) {
        // The paste has no mapping: the grade is the one the carrier's name hints at, else the default.
        const grade = steamGrade(gradeHint(valueAt(line, 'carrier')) ?? DEFAULT_STEAM_GRADE)!;
        notes.push({ line, code: 'steam', grade, gjPerT: steamGjPerTonne(grade) });
      } else notes.push({ line, code: 'other', message: p.reason });
      continue;
    }
    const line = p.row ?? 0;
    const field = (FIELDS as readonly string[]).includes(p.column ?? '')
      ? (p.column as InputField)
      : 'amount';
    const order = orderOf.get(line);
    const column = order && order.indexOf(field) >= 0 ? order.indexOf(field) + 1 : undefined;
    badLines.add(line);
    if (/^duplicate/.test(p.reason)) {
      const message = p.reason.replace('(self), ', '').replace(/ \(sum them in the file.*\)$/, '');
      issues.push({ line, column, field, code: 'engine', params: { message } });
      continue;
    }
    const issue = issueOf(field, p.reason, valueAt(line, field));
    if (issue.code === 'engine' && field === 'unit' && /does not fit/.test(p.reason)) {
      const carrier = /carrier (\w+)/.exec(p.reason)?.[1] ?? '';
      issues.push({
        line,
        column,
        field,
        code: 'unitMismatch',
        params: {
          value: valueAt(line, 'unit'),
          carrier,
          accepted: carrier ? acceptedUnits(carrier).join(', ') : '',
        },
      });
      continue;
    }
    issues.push({ line, column, field, ...issue });
  }
  // One enterprise per paste.
  let enterpriseId: string | undefined;
  const a = result.activity;
  const out: PastedRow[] = [];
  const lineOf = a.sourceRow ?? new Int32Array(0);
  for (let i = 0; i < a.length; i++) {
    const line = lineOf[i];
    if (badLines.has(line)) continue;
    const id = a.enterprise_id[i] === '(self)' ? undefined : a.enterprise_id[i];
    if (id !== undefined) {
      if (enterpriseId === undefined) enterpriseId = id;
      else if (id !== enterpriseId) {
        const order = orderOf.get(line)!;
        issues.push({
          line,
          column: order.indexOf('enterprise_id') + 1,
          field: 'enterprise_id',
          code: 'otherEnterprise',
          params: { value: id, first: enterpriseId },
        });
        badLines.add(line);
        continue;
      }
    }
    out.push({
      line,
      enterpriseId: id,
      year: a.year[i],
      carrier: a.carrier[i],
      amount: a.amount[i],
      unit: a.unit[i],
    });
  }
  issues.sort((x, y) => x.line - y.line || (x.column ?? 0) - (y.column ?? 0));
  const restLines = [
    ...(headerLine !== undefined ? [headerLine] : []),
    ...kept.filter((k) => badLines.has(k.line)).map((k) => k.line),
  ];
  const rest = badLines.size > 0 ? restLines.map((l) => rawLines[l - 1]).join('\n') : '';
  return { rows: out, issues, notes, lines: kept.length, enterpriseId, rest };
}
