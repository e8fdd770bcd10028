/**
 * A saved mapping: the user's answers to what the importer could not know or guessed wrong — which
 * column is which field, what an unknown carrier name or unit spelling means, the steam grade, and the
 * enterprise, year or period a form does not state. Read from JSON (`--mapping`, the app's saved
 * mappings) with every problem located by field path; unknown keys are errors.
 */
import { carrierInfo } from '../carriers';
import type { Problem } from '../errors';
import { sectorInfo } from '../sectors';
import { tryParseUnit } from '../units';
import { ENCODING_CHOICES, type EncodingChoice } from './decode';
import { steamGrade, STEAM_GRADES } from './steam';
import { FIELDS, type Field } from './vocab';

export type ColumnChoice = Field | 'ignore' | { carrier: string; unit: string };

export interface MappingDoc {
  /** Header text (as in the file) → what the column holds. */
  columns?: Record<string, ColumnChoice>;
  /** Carrier name as written → carrier code. */
  carriers?: Record<string, string>;
  /** Unit spelling → unit code of src/core/units.ts. */
  units?: Record<string, string>;
  /** Sector name as written → sector code. */
  sectors?: Record<string, string>;
  /** Steam bought in tonnes: a grade of steam.ts, or the user's own GJ per tonne. */
  steam?: { grade?: string; gj_per_t?: number };
  /** For files without an enterprise column (one enterprise's form). */
  enterprise_id?: string;
  /** For files without a year column. */
  year?: number;
  /** For statistics forms that do not state their period: "2024", "2024-03", "2024-01..2024-06". */
  period?: string;
  sheet?: string;
  /** The header's row number when it cannot be found (as the spreadsheet numbers it). */
  header_row?: number;
  encoding?: EncodingChoice;
  /** Years accepted (default 1990–2100). */
  year_range?: [number, number];
}

const KEYS = [
  'columns',
  'carriers',
  'units',
  'sectors',
  'steam',
  'enterprise_id',
  'year',
  'period',
  'sheet',
  'header_row',
  'encoding',
  'year_range',
] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks a parsed mapping document; problems name the field path. */
function checkMapping(doc: unknown, file: string): { mapping: MappingDoc; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (field: string, reason: string) => problems.push({ file, field, reason });
  if (!isObject(doc)) {
    bad('(document)', 'a mapping is a JSON object such as {"columns": {"用电量（万千瓦时）": …}}');
    return { mapping: {}, problems };
  }
  const out: MappingDoc = {};
  for (const k of Object.keys(doc)) {
    if (!(KEYS as readonly string[]).includes(k)) bad(k, `unknown key; known keys: ${KEYS.join(', ')}`);
  }
  const dict = (name: 'carriers' | 'units' | 'sectors', check: (v: string) => string | undefined) => {
    const v = doc[name];
    if (v === undefined) return;
    if (!isObject(v)) return bad(name, 'must be an object of name → code');
    const d: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, x] of Object.entries(v)) {
      if (FORBIDDEN.has(k)) bad(`${name}.${k}`, 'not allowed as a name');
      else if (typeof x !== 'string') bad(`${name}.${k}`, 'must be a string');
      else {
        const why = check(x);
        if (why) bad(`${name}.${k}`, why);
        else d[k] = x;
      }
    }
    out[name] = d;
  };
  dict('carriers', (c) => (carrierInfo(c) ? undefined : `"${c}" is not a carrier code`));
  dict('units', (u) => (tryParseUnit(u) ? undefined : `"${u}" is not a unit code`));
  dict('sectors', (s) => (sectorInfo(s) ? undefined : `"${s}" is not a sector code`));
  if (doc.columns !== undefined) {
    if (!isObject(doc.columns)) bad('columns', 'must be an object of header → field');
    else {
      const cols: Record<string, ColumnChoice> = Object.create(null) as Record<string, ColumnChoice>;
      for (const [h, v] of Object.entries(doc.columns)) {
        const path = `columns.${h}`;
        if (FORBIDDEN.has(h)) bad(path, 'not allowed as a header');
        else if (typeof v === 'string') {
          if (v === 'ignore' || (FIELDS as readonly string[]).includes(v)) cols[h] = v as ColumnChoice;
          else bad(path, `"${v}" is not a field; fields: ${FIELDS.join(', ')}, or "ignore"`);
        } else if (isObject(v) && typeof v.carrier === 'string' && typeof v.unit === 'string') {
          if (!carrierInfo(v.carrier)) bad(`${path}.carrier`, `"${v.carrier}" is not a carrier code`);
          else if (!tryParseUnit(v.unit)) bad(`${path}.unit`, `"${v.unit}" is not a unit code`);
          else cols[h] = { carrier: v.carrier, unit: v.unit };
        } else bad(path, 'must be a field name, "ignore", or {"carrier": code, "unit": unit}');
      }
      out.columns = cols;
    }
  }
  if (doc.steam !== undefined) {
    const s = doc.steam;
    if (!isObject(s)) bad('steam', 'must be {"grade": …} or {"gj_per_t": …}');
    else {
      for (const k of Object.keys(s)) if (k !== 'grade' && k !== 'gj_per_t') bad(`steam.${k}`, 'unknown key');
      if (s.grade !== undefined) {
        if (typeof s.grade !== 'string' || !steamGrade(s.grade))
          bad('steam.grade', `must be one of ${STEAM_GRADES.map((g) => g.code).join(', ')}`);
        else out.steam = { grade: s.grade };
      }
      if (s.gj_per_t !== undefined) {
        if (typeof s.gj_per_t !== 'number' || !(s.gj_per_t >= 2) || !(s.gj_per_t <= 4))
          bad(
            'steam.gj_per_t',
            'must be a number of GJ per tonne between 2 and 4 (steam enthalpy above feed water)',
          );
        else out.steam = { ...out.steam, gj_per_t: s.gj_per_t };
      }
    }
  }
  const str = (k: 'enterprise_id' | 'period' | 'sheet') => {
    const v = doc[k];
    if (v === undefined) return;
    if (typeof v !== 'string' || v.trim() === '' || v.length > 200) bad(k, 'must be a non-empty string');
    else out[k] = v.trim();
  };
  str('enterprise_id');
  str('period');
  str('sheet');
  if (doc.year !== undefined) {
    if (typeof doc.year !== 'number' || !Number.isInteger(doc.year) || doc.year < 1900 || doc.year > 2100)
      bad('year', 'must be a whole year 1900–2100');
    else out.year = doc.year;
  }
  if (doc.header_row !== undefined) {
    if (typeof doc.header_row !== 'number' || !Number.isInteger(doc.header_row) || doc.header_row < 1)
      bad('header_row', 'must be a row number ≥ 1');
    else out.header_row = doc.header_row;
  }
  if (doc.encoding !== undefined) {
    if (typeof doc.encoding !== 'string' || !(ENCODING_CHOICES as readonly string[]).includes(doc.encoding))
      bad('encoding', `must be one of ${ENCODING_CHOICES.join(', ')}`);
    else out.encoding = doc.encoding as EncodingChoice;
  }
  if (doc.year_range !== undefined) {
    const r = doc.year_range;
    if (
      !Array.isArray(r) ||
      r.length !== 2 ||
      !r.every((y) => typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2100) ||
      r[0] > r[1]
    )
      bad('year_range', 'must be [first, last], whole years 1900–2100');
    else out.year_range = [r[0], r[1]];
  }
  return { mapping: out, problems };
}

/** Parses and checks mapping JSON text (a BOM is allowed). */
export function parseMapping(text: string, file: string): { mapping: MappingDoc; problems: Problem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { mapping: {}, problems: [{ file, reason: `not valid JSON (${(e as Error).message})` }] };
  }
  return checkMapping(doc, file);
}
