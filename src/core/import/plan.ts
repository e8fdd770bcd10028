/**
 * The proposed mapping of one sheet: which row is the header, what each column holds (a field, or a
 * carrier with its unit for wide layouts such as `电力（万千瓦时）`), and the layout — long (one row per
 * carrier), wide (one column per carrier) or the statistics bureau's P201 energy form. The user's
 * mapping (mapping.ts) overrides any guess.
 */
import { carrierInfo } from '../carriers';
import type { Problem } from '../errors';
import { unitDimension, UnitError } from '../units';
import { findHeader, type Grid } from './grid';
import type { MappingDoc } from './mapping';
import { key } from './text';
import { carrierFromName, headerField, moneyScale, splitHeader, tryUnit, type Field } from './vocab';

export type Layout = 'long' | 'wide' | 'p201';

export type ColumnRole =
  | {
      kind: 'field';
      field: Field;
      /** money columns: factor to 10^4 CNY from the header's unit */ scale?: number;
    }
  | { kind: 'carrier'; carrier: string; unit: string; scale: number; label: string };

export interface ColumnPlan {
  index: number;
  header: string;
  role?: ColumnRole;
  /** Where the role came from. */
  by: 'header' | 'mapping' | 'none';
}

export interface SheetPlan {
  grid: Grid;
  headerIndex: number;
  /** The header's row number in the user's file. */
  headerRow: number;
  titleText: string[];
  layout: Layout;
  columns: ColumnPlan[];
}

const MONEY_FIELDS: ReadonlySet<Field> = new Set(['output_value_10k_cny', 'value_added_10k_cny']);

/** Column label for messages: the header text (and the sheet's column letter for workbooks). */
export function columnLabel(plan: SheetPlan, index: number): string {
  const h = plan.columns[index]?.header || `column ${index + 1}`;
  const letter = plan.grid.columnLetters?.[index];
  return letter ? `${h} (${letter})` : h;
}

/**
 * Proposes the plan of a grid. Problems: no header found, a wide column whose unit is missing,
 * unknown or does not fit its carrier, a mapping naming a header the file does not have.
 */
export function planSheet(grid: Grid, mapping: MappingDoc = {}): { plan?: SheetPlan; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = grid.file;
  if (grid.rows.length === 0) return { problems: [{ file, reason: 'the file is empty (no rows)' }] };
  const mapped = mapping.columns ?? {};
  const mappedKeys = new Map(Object.keys(mapped).map((h) => [key(h), h]));
  let found = findHeader(grid, mapping.header_row);
  if (!found && mappedKeys.size > 0) {
    // A header of unknown words the mapping names.
    for (let h = 0; h < Math.min(grid.rows.length, 30) && !found; h++) {
      const cells = grid.rows[h].map((c) => (c === null || c === undefined ? '' : String(c).trim()));
      if (cells.filter((c) => mappedKeys.has(key(c))).length >= 2)
        found = findHeader(grid, grid.rowNumbers[h]);
    }
  }
  if (!found) {
    const first = grid.rows[0].map((c) => String(c ?? '')).filter((c) => c !== '');
    return {
      problems: [
        {
          file,
          row: mapping.header_row ?? grid.rowNumbers[0],
          reason:
            mapping.header_row !== undefined
              ? `row ${mapping.header_row} is not in the file`
              : `no header row found in the first 30 rows (first row: ${first.slice(0, 6).join(', ').slice(0, 120)}); ` +
                'name the columns (企业代码, 年份, 能源品种, 消费量, 计量单位 or enterprise_id, year, carrier, amount, unit) or give a mapping',
        },
      ],
    };
  }
  const headerRow = grid.rowNumbers[found.index];
  const columns: ColumnPlan[] = found.header.map((header, index) => {
    const userKey = mappedKeys.get(key(header));
    if (userKey !== undefined) {
      const choice = mapped[userKey];
      if (choice === 'ignore') return { index, header, by: 'mapping' };
      if (typeof choice === 'string') {
        const unit = splitHeader(header).unit;
        const scale = MONEY_FIELDS.has(choice) && unit ? moneyScale(unit) : undefined;
        return { index, header, role: { kind: 'field', field: choice, scale }, by: 'mapping' };
      }
      return {
        index,
        header,
        role: { kind: 'carrier', carrier: choice.carrier, unit: choice.unit, scale: 1, label: header },
        by: 'mapping',
      };
    }
    if (header === '') return { index, header, by: 'none' };
    const field = headerField(header);
    if (field) {
      const unit = splitHeader(header).unit;
      let scale: number | undefined;
      if (MONEY_FIELDS.has(field) && unit) {
        scale = moneyScale(unit);
        if (scale === undefined) {
          problems.push({
            file,
            row: headerRow,
            column: header,
            reason: `"${unit}" is not a money unit (万元, 千元, 元, 亿元)`,
          });
        }
      }
      return { index, header, role: { kind: 'field', field, scale }, by: 'header' };
    }
    const { name, unit } = splitHeader(header);
    const carrier = carrierFromName(name, userCarriers(mapping));
    if (!carrier) return { index, header, by: 'none' };
    if (!unit) {
      problems.push({
        file,
        row: headerRow,
        column: header,
        reason: `the column of ${carrierInfo(carrier)!.zh} (${carrier}) has no unit; write it in the header, e.g. "${name}（${carrierInfo(carrier)!.unit === '10^4 kWh' ? '万千瓦时' : carrierInfo(carrier)!.unit}）", or map the column`,
      });
      return { index, header, by: 'none' };
    }
    const u = userUnit(mapping, unit) ?? tryUnit(unit);
    if (!u) {
      problems.push({ file, row: headerRow, column: header, reason: `unknown unit "${unit}" in the header` });
      return { index, header, by: 'none' };
    }
    try {
      if (!(carrierInfo(carrier)!.kind === 'heat' && u.unit.dimensions.includes('mass')))
        unitDimension(u.unit, carrier);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      problems.push({ file, row: headerRow, column: header, reason: e.message });
      return { index, header, by: 'none' };
    }
    return {
      index,
      header,
      role: { kind: 'carrier', carrier, unit: u.unit.code, scale: u.scale, label: name },
      by: 'header',
    };
  });
  for (const [k, h] of mappedKeys) {
    if (!found.header.some((x) => key(x) === k)) {
      problems.push({
        file,
        field: `columns.${h}`,
        reason: `the mapping names column "${h}", which the header (row ${headerRow}) does not have`,
      });
    }
  }
  const fields = new Set(columns.flatMap((c) => (c.role?.kind === 'field' ? [c.role.field] : [])));
  const hasWide = columns.some((c) => c.role?.kind === 'carrier');
  const layout: Layout =
    fields.has('carrier') && fields.has('consumption_total')
      ? 'p201'
      : fields.has('carrier')
        ? 'long'
        : hasWide
          ? 'wide'
          : 'long';
  // A field named twice (two 企业代码 columns): the later one is a problem, not a silent choice.
  const seen = new Map<Field, ColumnPlan>();
  for (const c of columns) {
    if (c.role?.kind !== 'field') continue;
    const prev = seen.get(c.role.field);
    if (prev) {
      problems.push({
        file,
        row: headerRow,
        column: c.header,
        reason: `column "${c.header}" and column "${prev.header}" both hold ${c.role.field}; map one of them to "ignore"`,
      });
      c.role = undefined;
    } else seen.set(c.role.field, c);
  }
  return {
    plan: { grid, headerIndex: found.index, headerRow, titleText: found.titleText, layout, columns },
    problems,
  };
}

/** The mapping's carrier names, by match key. */
export function userCarriers(mapping: MappingDoc): Map<string, string> {
  return new Map(Object.entries(mapping.carriers ?? {}).map(([k, v]) => [key(k), v]));
}

export function userUnit(mapping: MappingDoc, text: string): ReturnType<typeof tryUnit> {
  const hit = Object.entries(mapping.units ?? {}).find(([k]) => key(k) === key(text));
  return hit ? tryUnit(hit[1]) : undefined;
}

/** Index of the column holding `field`, or −1. */
export function fieldColumn(plan: SheetPlan, field: Field): number {
  return plan.columns.findIndex((c) => c.role?.kind === 'field' && c.role.field === field);
}
