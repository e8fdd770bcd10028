/**
 * A sheet as read, before any meaning is given to it: rows of cells with the row numbers the user's
 * spreadsheet shows, and merged ranges (XLSX). The header row is found here, title rows above it are
 * kept as text (a statistics form's header fields), and merged or spanning header cells are combined
 * ("消费量" over "合计 | 用作原材料" → "消费量 合计", "消费量 用作原材料").
 */
import { headerField, splitHeader } from './vocab';
import { carrierFromName } from './vocab';

export type Cell = string | number | boolean | null | undefined;

export interface Merge {
  /** Grid row/column indexes (0-based), inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Grid {
  /** File name as messages give it (with the sheet for workbooks: `book.xlsx [Sheet1]`). */
  file: string;
  sheet?: string;
  rows: Cell[][];
  /** Row number as the user's file numbers it, per grid row. */
  rowNumbers: number[];
  merges?: Merge[];
  /** Column labels as the file shows them (XLSX letters); default the header text. */
  columnLetters?: string[];
  /**
   * A large CSV read lazily (ReadOptions.lazy): `rows` holds its first records (enough to find the
   * header), the rest is parsed while it is read, without keeping a million rows of strings alive.
   */
  tail?: CsvTail;
}

export interface CsvTail {
  text: string;
  delimiter: string;
  cursor: { i: number; line: number };
  /** Records left (the line ends counted; for progress only). */
  estimate: number;
  /** Added to a CSV error's reason (the encoding, when not UTF-8). */
  note: string;
}

/** Rows of a grid, the lazy tail included (for progress bars). */
export function gridSize(g: Grid): number {
  return g.rows.length + (g.tail?.estimate ?? 0);
}

export interface HeaderFound {
  /** Index into grid.rows of the header row. */
  index: number;
  /** Header text per column, merged parents combined. */
  header: string[];
  /** Text of the rows above the header (titles, "单位名称：…", periods). */
  titleText: string[];
}

export const cellText = (c: Cell): string => (c === null || c === undefined ? '' : String(c).trim());

/** Distinct known fields a header row names, plus wide carrier columns. */
function score(header: readonly string[]): number {
  let s = 0;
  const fields = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    const f = headerField(h);
    if (f) {
      if (!fields.has(f)) s++;
      fields.add(f);
    } else {
      const { name, unit } = splitHeader(h);
      if (unit && carrierFromName(name)) s++;
    }
  }
  return s;
}

/** Header cells of row h with the spanning cells of row h−1 put in front where they span columns. */
function combined(grid: Grid, h: number): string[] {
  const row = grid.rows[h].map(cellText);
  if (h === 0) return row;
  const above = grid.rows[h - 1].map(cellText);
  const width = Math.max(row.length, above.length);
  const parent: (string | undefined)[] = new Array(width).fill(undefined);
  const merges = grid.merges ?? [];
  const spans = merges.filter((m) => m.r0 <= h - 1 && m.r1 === h - 1 && m.c1 > m.c0);
  if (spans.length > 0) {
    for (const m of spans) {
      const v = cellText(grid.rows[m.r0][m.c0]);
      for (let c = m.c0; c <= m.c1; c++) parent[c] = v;
    }
  } else if (!merges.length && above.filter((x) => x !== '').length >= 2) {
    // CSV saved from merged headers: "消费量,,,期末库存量" over "合计,工业生产消费,用作原材料,".
    for (let c = 0; c < width; c++) {
      if (above[c] === '' || row[c] === '') continue;
      let end = c;
      while (end + 1 < width && above[end + 1] === '' && (row[end + 1] ?? '') !== '') end++;
      if (end > c) for (let k = c; k <= end; k++) parent[k] = above[c];
    }
  }
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const cell = row[c] ?? '';
    const p = parent[c];
    if (!p || cell === '' || p === cell) {
      out.push(cell || (p ?? ''));
      continue;
    }
    const both = `${p} ${cell}`;
    // A group label over known columns ("企业信息" over 企业代码 | 年份) adds nothing; under 购进量,
    // 库存 or 金额 a child such as 实物量 is not consumption, so the pair is kept whole.
    const keepPair = headerField(both) !== undefined || /购进|采购|库存|金额|价值/.test(p);
    out.push(keepPair ? both : cell);
  }
  return out;
}

/** Finds the header row among the first 30 rows: the one naming the most known columns (at least 2). */
export function findHeader(grid: Grid, forced?: number): HeaderFound | undefined {
  let best = -1;
  let bestScore = 1;
  let bestHeader: string[] = [];
  const limit = Math.min(grid.rows.length, 30);
  if (forced !== undefined) {
    const i = grid.rowNumbers.indexOf(forced);
    if (i < 0) return undefined;
    best = i;
    bestHeader = combined(grid, i);
  } else {
    for (let h = 0; h < limit; h++) {
      const header = combined(grid, h);
      const s = score(header);
      if (s > bestScore) {
        best = h;
        bestScore = s;
        bestHeader = header;
      }
    }
  }
  if (best < 0) return undefined;
  const titleText = grid.rows
    .slice(0, best)
    .flatMap((r) => r.map(cellText))
    .filter((t) => t !== '');
  return { index: best, header: bestHeader, titleText };
}
