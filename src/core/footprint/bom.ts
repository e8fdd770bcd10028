/**
 * Reading a bill of materials and a user factor table from rows of a CSV or a spreadsheet sheet (the
 * caller parses the file): columns `input,quantity,unit` plus optional `pedigree` (five digits),
 * `stage`, `origin`, `id`; factors `input,unit,kgco2e_per_unit` plus optional `gsd` (exp σ, > 1),
 * `source`, `year`. Chinese column names are accepted. Every problem names file, row and column.
 */
import { parseNumber } from '../accounting/index';
import type { Problem } from '../errors';
import type { UserFactorInput } from './factors';
import { STAGES, type BomLine, type Stage } from './model';
import { parsePedigree } from './pedigree';
import { footprintUnitCode } from './units';

/** A parsed table: header names, string cells, and the file's row number of each data row. */
export interface RowTable {
  header: string[];
  rows: string[][];
  lines: number[];
}

const ALIASES: Record<string, string> = {
  input: 'input',
  material: 'input',
  factor: 'input',
  输入: 'input',
  物料: 'input',
  材料: 'input',
  名称: 'input',
  quantity: 'quantity',
  amount: 'quantity',
  数量: 'quantity',
  用量: 'quantity',
  unit: 'unit',
  单位: 'unit',
  pedigree: 'pedigree',
  数据质量: 'pedigree',
  谱系: 'pedigree',
  stage: 'stage',
  阶段: 'stage',
  origin: 'origin',
  产地: 'origin',
  来源地: 'origin',
  id: 'id',
  编号: 'id',
  kgco2e_per_unit: 'kgco2e_per_unit',
  排放因子: 'kgco2e_per_unit',
  gsd: 'gsd',
  几何标准差: 'gsd',
  source: 'source',
  来源: 'source',
  year: 'year',
  年份: 'year',
};

const STAGE_NAMES: Record<string, Stage> = {
  原材料: 'materials',
  材料: 'materials',
  能源: 'energy',
  运输: 'transport',
  包装: 'packaging',
  废弃: 'end_of_life',
  报废: 'end_of_life',
  eol: 'end_of_life',
};

/** How many cells of a row name a known column (a header row names at least two). */
export function headerScore(cells: readonly string[]): number {
  return new Set(cells.map((c) => ALIASES[c.normalize('NFKC').trim().toLowerCase()]).filter(Boolean)).size;
}

/** Canonical column name → index in the table, checking required columns. */
function columns(t: RowTable, file: string, required: string[], problems: Problem[]): Map<string, number> {
  const map = new Map<string, number>();
  t.header.forEach((h, i) => {
    const c = ALIASES[h.normalize('NFKC').trim().toLowerCase()];
    if (c && !map.has(c)) map.set(c, i);
  });
  for (const c of required)
    if (!map.has(c)) problems.push({ file, row: 1, column: c, reason: 'missing column' });
  return map;
}

function stageOf(text: string, unit: string | undefined): Stage | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return unit === 'tkm' ? 'transport' : 'materials';
  return (STAGES as readonly string[]).includes(t) ? (t as Stage) : STAGE_NAMES[t];
}

/** BOM lines of a table; `problems` is empty when every row is good. */
export function readBom(
  t: RowTable,
  file: string,
): { lines: BomLine[]; rows: number[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const col = columns(t, file, ['input', 'quantity', 'unit'], problems);
  if (problems.length > 0) return { lines: [], rows: [], problems };
  const get = (r: string[], c: string) => (col.has(c) ? (r[col.get(c)!] ?? '').trim() : '');
  const lines: BomLine[] = [];
  const rows: number[] = [];
  const ids = new Set<string>();
  t.rows.forEach((r, i) => {
    const row = t.lines[i];
    const bad = (column: string, reason: string) =>
      problems.push({ file, row, column: t.header[col.get(column)!] ?? column, reason });
    const input = get(r, 'input');
    if (input === '') return bad('input', 'empty');
    const q = parseNumber(get(r, 'quantity'));
    if (q === undefined || q < 0) return bad('quantity', `"${get(r, 'quantity')}" is not a number ≥ 0`);
    const unit = footprintUnitCode(get(r, 'unit'));
    if (!unit)
      return bad('unit', `unknown unit "${get(r, 'unit')}" (units of the accounting engine, tkm or piece)`);
    const pedigree = get(r, 'pedigree');
    if (pedigree !== '' && !parsePedigree(pedigree))
      return bad('pedigree', `"${pedigree}" is not five scores 1–5, e.g. 12321`);
    const stage = stageOf(get(r, 'stage'), unit);
    if (!stage) return bad('stage', `unknown stage "${get(r, 'stage')}" (${STAGES.join(', ')})`);
    let id = get(r, 'id') || `row${row}`;
    if (ids.has(id)) {
      if (get(r, 'id') !== '') return bad('id', `id "${id}" is used twice`);
      id = `${id}_${i}`;
    }
    ids.add(id);
    const origin = get(r, 'origin');
    lines.push({
      id,
      stage,
      input,
      quantity: q,
      unit,
      ...(pedigree ? { pedigree } : {}),
      ...(origin ? { origin } : {}),
    });
    rows.push(row);
  });
  if (t.rows.length === 0) problems.push({ file, reason: 'no data rows' });
  return { lines, rows, problems };
}

/** User factors of a table; `problems` is empty when every row is good. */
export function readFactorTable(
  t: RowTable,
  file: string,
): { factors: UserFactorInput[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const col = columns(t, file, ['input', 'unit', 'kgco2e_per_unit'], problems);
  if (problems.length > 0) return { factors: [], problems };
  const get = (r: string[], c: string) => (col.has(c) ? (r[col.get(c)!] ?? '').trim() : '');
  const factors: UserFactorInput[] = [];
  const seen = new Set<string>();
  t.rows.forEach((r, i) => {
    const row = t.lines[i];
    const bad = (column: string, reason: string) =>
      problems.push({ file, row, column: t.header[col.get(column)!] ?? column, reason });
    const id = get(r, 'input');
    if (id === '') return bad('input', 'empty');
    if (seen.has(id)) return bad('input', `factor "${id}" is listed twice`);
    seen.add(id);
    const unit = footprintUnitCode(get(r, 'unit'));
    if (!unit) return bad('unit', `unknown unit "${get(r, 'unit')}"`);
    const v = parseNumber(get(r, 'kgco2e_per_unit'));
    if (v === undefined || v < 0)
      return bad('kgco2e_per_unit', `"${get(r, 'kgco2e_per_unit')}" is not a number ≥ 0`);
    const f: UserFactorInput = { id, unit, kgco2e_per_unit: v, source: get(r, 'source') || file };
    const gsdText = get(r, 'gsd');
    if (gsdText !== '') {
      const g = parseNumber(gsdText);
      if (g === undefined || g < 1)
        return bad('gsd', `"${gsdText}" is not a geometric standard deviation ≥ 1 (exp σ, e.g. 1.2)`);
      f.gsd = g;
    }
    const year = parseNumber(get(r, 'year'));
    if (year !== undefined) f.year = year;
    factors.push(f);
  });
  return { factors, problems };
}
