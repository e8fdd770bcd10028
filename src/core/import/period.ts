/**
 * Reporting periods of statistics forms: a year (2024年 / 2024年度 / 2024年1-12月), a month
 * (2024年3月) or a cumulative range (2024年1-6月, "1–n月" as the forms write it), and the header fields
 * that name the enterprise (单位名称, 统一社会信用代码 / 组织机构代码).
 */

export interface Period {
  year: number;
  /** First and last month covered, 1–12. */
  from: number;
  to: number;
}

const DASH = '[-–—~～至到]';

/** Reads a period from text; undefined when none is stated. Months outside 1–12 are not a period. */
export function parsePeriod(text: string): Period | undefined {
  const t = text.normalize('NFKC');
  const ok = (p: Period) => (p.from >= 1 && p.to <= 12 && p.from <= p.to ? p : undefined);
  let m = new RegExp(`((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*${DASH}\\s*(\\d{1,2})\\s*月`).exec(t);
  if (m) return ok({ year: +m[1], from: +m[2], to: +m[3] });
  m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/.exec(t);
  if (m) return ok({ year: +m[1], from: +m[2], to: +m[2] });
  m = /((?:19|20)\d{2})\s*年/.exec(t);
  if (m) return { year: +m[1], from: 1, to: 12 };
  m = /^\s*((?:19|20)\d{2})-(\d{2})\s*\.\.\s*((?:19|20)\d{2})-(\d{2})\s*$/.exec(t);
  if (m && m[1] === m[3]) return ok({ year: +m[1], from: +m[2], to: +m[4] });
  m = /^\s*((?:19|20)\d{2})-(\d{2})\s*$/.exec(t);
  if (m) return ok({ year: +m[1], from: +m[2], to: +m[2] });
  m = /^\s*((?:19|20)\d{2})\s*$/.exec(t);
  if (m) return { year: +m[1], from: 1, to: 12 };
  return undefined;
}

export const periodText = (p: Period): string =>
  p.from === 1 && p.to === 12
    ? `${p.year}`
    : p.from === p.to
      ? `${p.year}年${p.from}月`
      : `${p.year}年${p.from}-${p.to}月`;

export interface FormHeader {
  enterpriseId?: string;
  name?: string;
  period?: Period;
}

/**
 * Reads the header fields of a form's title rows. A label cell ("单位名称：") may hold its value after
 * the colon or in the next cell.
 */
export function readFormHeader(cells: readonly string[]): FormHeader {
  const out: FormHeader = {};
  const value = (i: number, label: RegExp): string | undefined => {
    const c = cells[i].normalize('NFKC');
    const m = label.exec(c);
    if (!m) return undefined;
    const rest = c
      .slice(m.index + m[0].length)
      .replace(/^[\s:：]+/, '')
      .trim();
    if (rest !== '') return rest.split(/\s{2,}/)[0].trim();
    const next = cells[i + 1]?.trim();
    return next && !/[:：]$/.test(next) ? next : undefined;
  };
  for (let i = 0; i < cells.length; i++) {
    const id = value(i, /(统一社会信用代码|社会信用代码|组织机构代码|企业代码|单位代码)/);
    if (id && !out.enterpriseId) {
      const m = /[0-9A-Za-z-]{4,}/.exec(id);
      if (m) out.enterpriseId = m[0].toUpperCase();
    }
    const name = value(i, /(单位详细名称|单位名称|企业名称)/);
    if (name && !out.name) out.name = name.replace(/[（(]盖章[）)]/, '').trim();
    if (!out.period && !/有效期|批准|文号|备案/.test(cells[i])) {
      const p = parsePeriod(cells[i]);
      if (p) out.period = p;
    }
  }
  return out;
}
