/**
 * Pasted activity lines (from a spreadsheet or a CSV file): `enterprise_id?,year,carrier,amount,unit`,
 * separated by tabs or commas (full-width commas too), an optional header line. Every problem names
 * the line, the column and the reason. Pure.
 */
import { checkEntry, type InputField, type InputIssue } from './activity-input-vm';

export interface PastedRow {
  /** 1-based line number in the pasted text. */
  line: number;
  enterpriseId?: string;
  year: number;
  carrier: string;
  amount: number;
  unit: string;
}

export interface PasteIssue extends InputIssue {
  line: number;
  /** 1-based column in the line, when the problem is in one field. */
  column?: number;
}

export interface PasteResult {
  rows: PastedRow[];
  issues: PasteIssue[];
  /** Number of data lines read (header and blank lines excluded). */
  lines: number;
  enterpriseId?: string;
}

const FIELDS: readonly InputField[] = ['enterprise_id', 'year', 'carrier', 'amount', 'unit'];
const HEADER_NAMES: Record<string, InputField> = {
  enterprise_id: 'enterprise_id',
  id: 'enterprise_id',
  企业编号: 'enterprise_id',
  企业: 'enterprise_id',
  year: 'year',
  年份: 'year',
  年度: 'year',
  carrier: 'carrier',
  能源品种: 'carrier',
  品种: 'carrier',
  amount: 'amount',
  数量: 'amount',
  消费量: 'amount',
  unit: 'unit',
  单位: 'unit',
  计量单位: 'unit',
};

function splitLine(line: string): string[] {
  const s = line.normalize('NFKC');
  const sep = s.includes('\t') ? '\t' : s.includes(';') && !s.includes(',') ? ';' : ',';
  return s.split(sep).map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/** The header's column order, or undefined when the line is data. */
function headerOf(fields: string[]): InputField[] | undefined {
  const mapped = fields.map((f) => HEADER_NAMES[f.toLowerCase()]);
  return mapped.includes('year') && mapped.includes('amount') && mapped.every(Boolean) ? mapped : undefined;
}

/** Parses and checks pasted lines; rows with any problem are left out of `rows`. */
export function parsePaste(text: string): PasteResult {
  const issues: PasteIssue[] = [];
  const rows: PastedRow[] = [];
  let header: InputField[] | undefined;
  let lines = 0;
  let enterpriseId: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const fields = splitLine(raw);
    if (!header && lines === 0) {
      header = headerOf(fields);
      if (header) return;
    }
    lines++;
    const order =
      header ?? (fields.length === 5 ? FIELDS : fields.length === 4 ? FIELDS.slice(1) : undefined);
    if (!order || fields.length !== order.length) {
      issues.push({
        line,
        field: 'year',
        code: 'columns',
        params: { count: fields.length, expected: header ? header.length : '4–5' },
      });
      return;
    }
    const get = (f: InputField) => {
      const k = order.indexOf(f);
      return k < 0 ? undefined : fields[k];
    };
    const checked = checkEntry({
      year: get('year') ?? '',
      carrier: get('carrier') ?? '',
      amount: get('amount') ?? '',
      unit: get('unit') ?? '',
    });
    const before = issues.length;
    for (const is of checked.issues) issues.push({ ...is, line, column: order.indexOf(is.field) + 1 });
    const id = get('enterprise_id');
    if (id !== undefined && id !== '') {
      if (enterpriseId === undefined) enterpriseId = id;
      else if (id !== enterpriseId) {
        issues.push({
          line,
          column: order.indexOf('enterprise_id') + 1,
          field: 'enterprise_id',
          code: 'otherEnterprise',
          params: { value: id, first: enterpriseId },
        });
      }
    }
    if (issues.length === before) {
      rows.push({
        line,
        enterpriseId: id || undefined,
        year: checked.year!,
        carrier: checked.carrier!,
        amount: checked.amount!,
        unit: checked.unit!,
      });
    }
  });
  return { rows, issues, lines, enterpriseId };
}
