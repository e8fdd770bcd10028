/**
 * Enterprises and economics in any header language → the canonical tables (datasets/README.md):
 * sectors from codes, names or GB/T 4754 industry codes; money scaled to 10^4 CNY from the header's
 * unit (千元, 元, 亿元); duplicate keys are errors naming both rows.
 */
import { SECTORS, sectorInfo } from '../sectors';
import type { Problem } from '../errors';
import { cellText, type Grid } from './grid';
import type { MappingDoc } from './mapping';
import { columnLabel, fieldColumn, planSheet, type SheetPlan } from './plan';
import { Problems } from './problems';
import { DEFAULT_YEAR_RANGE, readYear } from './activity';
import type { TypedTable } from './columns';
import { echo, key, readNumber } from './text';
import { sectorFromText, suggestSector, type Field } from './vocab';

export interface TableImport {
  table: TypedTable;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  rowsRead: number;
  rowsRejected: number;
  plans: SheetPlan[];
}

interface Spec {
  required: Field[];
  text: Field[];
  numbers: { field: Field; int?: boolean; min?: number; max?: number }[];
}

/** Largest output value of one enterprise and year (10^4 CNY): judgement, above any single firm's. */
export const OUTPUT_VALUE_MAX = 1e9;

const ENTERPRISES: Spec = {
  required: ['enterprise_id', 'sector'],
  text: ['enterprise_id', 'name_zh', 'name_en', 'sector', 'gbt4754', 'zone'],
  numbers: [
    { field: 'lon', min: -180, max: 180 },
    { field: 'lat', min: -90, max: 90 },
    { field: 'output_value_10k_cny', min: 0, max: OUTPUT_VALUE_MAX },
    { field: 'value_added_10k_cny', min: -1e9, max: 1e9 },
    { field: 'employees', int: true, min: 0, max: 5e6 },
  ],
};

const ECONOMICS: Spec = {
  required: ['enterprise_id', 'year', 'output_value_10k_cny'],
  text: ['enterprise_id'],
  numbers: [
    { field: 'year', int: true },
    { field: 'output_value_10k_cny', min: 0, max: OUTPUT_VALUE_MAX },
    { field: 'value_added_10k_cny', min: -1e9, max: 1e9 },
    { field: 'employees', int: true, min: 0, max: 5e6 },
  ],
};

function importTable(
  grids: readonly Grid[],
  spec: Spec,
  mapping: MappingDoc,
  maxProblems?: number,
): TableImport {
  const problems = new Problems(maxProblems);
  const plans: SheetPlan[] = [];
  const yearRange = mapping.year_range ?? DEFAULT_YEAR_RANGE;
  const sectorMap = new Map(Object.entries(mapping.sectors ?? {}).map(([k, v]) => [key(k), v]));
  const text: Record<string, (string | null)[]> = {};
  const nums: Record<string, number[]> = {};
  const valid: Record<string, number[]> = {};
  for (const f of spec.text) text[f] = [];
  for (const n of spec.numbers) {
    nums[n.field] = [];
    valid[n.field] = [];
  }
  let rowsRead = 0;
  let rejected = 0;
  const keys = new Map<string, string>();
  const isEconomics = spec === ECONOMICS;
  for (const grid of grids) {
    const { plan, problems: planProblems } = planSheet(grid, mapping);
    problems.addAll(planProblems);
    if (!plan) continue;
    plans.push(plan);
    const col = (f: Field) => fieldColumn(plan, f);
    const missing = spec.required.filter((f) => col(f) < 0 && !(f === 'sector' && col('gbt4754') >= 0));
    for (const f of missing)
      problems.error({ file: grid.file, row: plan.headerRow, column: f, reason: 'missing column' });
    if (missing.length) continue;
    for (let r = plan.headerIndex + 1; r < grid.rows.length; r++) {
      const cells = grid.rows[r];
      if (!cells.some((c) => cellText(c) !== '')) continue;
      rowsRead++;
      const row = grid.rowNumbers[r];
      const before = problems.errors;
      const bad = (f: Field, reason: string) =>
        problems.error({ file: grid.file, row, column: columnLabel(plan, col(f)), reason });
      const rec: Record<string, string | null> = {};
      for (const f of spec.text) rec[f] = col(f) >= 0 ? cellText(cells[col(f)]) : null;
      const id = rec.enterprise_id ?? '';
      if (id === '') bad('enterprise_id', 'empty enterprise code');
      else if (id.length > 64)
        bad('enterprise_id', `enterprise code ${echo(id)} is longer than 64 characters`);
      if (!isEconomics) {
        const raw = rec.sector || rec.gbt4754 || '';
        const from = rec.sector ? 'sector' : 'gbt4754';
        const code = sectorMap.get(key(raw)) ?? sectorFromText(raw);
        if (raw === '') bad(from, 'empty sector');
        else if (!code) {
          const hint = suggestSector(raw);
          bad(
            from,
            `unknown sector ${echo(raw)}${hint ? `; did you mean ${hint}?` : ''} Sectors: ${SECTORS.map((s) => `${s.code} (${s.zh})`).join(', ')}; map it in "sectors"`,
          );
        } else {
          rec.sector = code;
          rec.gbt4754 = rec.gbt4754 || sectorInfo(code)!.gbt4754;
        }
      }
      const numbers: Record<string, number | null> = {};
      for (const n of spec.numbers) {
        const i = col(n.field);
        if (i < 0) {
          numbers[n.field] = null;
          continue;
        }
        const role = plan.columns[i].role;
        const scale = role?.kind === 'field' && role.scale !== undefined ? role.scale : 1;
        // A year is read as in activity files: four digits (not 2e3 or 2024.5).
        const year = n.field === 'year' ? readYear(cells[i]) : null;
        const v: ReturnType<typeof readNumber> =
          year === null
            ? readNumber(cells[i])
            : year.year !== undefined
              ? { ok: true, value: year.year }
              : year.reason === 'empty'
                ? { ok: 'empty' }
                : { ok: false, reason: year.reason! };
        if (v.ok === 'empty') {
          numbers[n.field] = null;
          if (spec.required.includes(n.field)) bad(n.field, 'empty');
          continue;
        }
        if (v.ok === false) {
          bad(n.field, v.reason);
          continue;
        }
        const x = v.value * scale;
        const min = n.field === 'year' ? yearRange[0] : n.min;
        const max = n.field === 'year' ? yearRange[1] : n.max;
        if (n.int && !Number.isInteger(x)) bad(n.field, `${echo(cellText(cells[i]))} is not a whole number`);
        else if ((min !== undefined && x < min) || (max !== undefined && x > max))
          bad(
            n.field,
            `${cellText(cells[i])} is out of range ${min}–${max}${scale !== 1 ? ' (10^4 CNY)' : ''}`,
          );
        else numbers[n.field] = x;
      }
      const k = isEconomics ? `${id}\u0000${numbers.year}` : id;
      if (problems.errors === before) {
        const prev = keys.get(k);
        if (prev)
          bad(
            'enterprise_id',
            `duplicate: ${isEconomics ? `${id}, ${numbers.year}` : id} is already on ${prev}`,
          );
        else keys.set(k, `${grid.file} row ${row}`);
      }
      if (problems.errors > before) {
        rejected++;
        continue;
      }
      for (const f of spec.text) text[f].push(rec[f] === '' ? null : rec[f]);
      for (const n of spec.numbers) {
        nums[n.field].push(numbers[n.field] ?? 0);
        valid[n.field].push(numbers[n.field] === null ? 0 : 1);
      }
    }
  }
  if (plans.length > 0 && rowsRead === 0 && problems.errors === 0) {
    problems.error({
      file: plans[0].grid.file,
      row: plans[0].headerRow,
      reason: 'no data rows under the header',
    });
  }
  const length = text.enterprise_id.length;
  const columns: TypedTable['columns'] = [];
  for (const f of spec.text) {
    const always = f === 'enterprise_id' || (!isEconomics && (f === 'sector' || f === 'gbt4754'));
    if (!always && !plans.some((p) => fieldColumn(p, f) >= 0)) continue;
    columns.push({ name: f, type: 'str', values: text[f] });
  }
  for (const n of spec.numbers) {
    if (!plans.some((p) => fieldColumn(p, n.field) >= 0)) continue;
    columns.push({
      name: n.field,
      type: n.int ? 'int' : 'f64',
      values: n.int ? Int32Array.from(nums[n.field]) : Float64Array.from(nums[n.field]),
      valid: Uint8Array.from(valid[n.field]),
    });
  }
  return {
    table: { length, columns },
    problems: problems.list,
    errorCount: problems.errors,
    warningCount: problems.warnings,
    rowsRead,
    rowsRejected: rejected,
    plans,
  };
}

export function importEnterprises(
  grids: readonly Grid[],
  mapping: MappingDoc = {},
  maxProblems?: number,
): TableImport {
  return importTable(grids, ENTERPRISES, mapping, maxProblems);
}

export function importEconomics(
  grids: readonly Grid[],
  mapping: MappingDoc = {},
  maxProblems?: number,
): TableImport {
  return importTable(grids, ECONOMICS, mapping, maxProblems);
}
