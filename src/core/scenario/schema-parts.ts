/**
 * Building blocks of the scenario document's schema, shared by the document (schema.ts) and the lever
 * registry (levers.ts), which defines each lever's own part of the document.
 */
import * as v from 'valibot';
import { distSchema } from './distribution';

export const num = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(num, v.minValue(0, 'must be ≥ 0'));
/** Bounds that keep the model's sums finite, far beyond any park: areas, capacities, tonnes. */
export const areaHa = v.pipe(nonNegative, v.maxValue(1e6, 'must be ≤ 1,000,000 ha'));
export const shareOfArea = v.pipe(nonNegative, v.maxValue(100, 'must be ≤ 100 (times the existing area)'));
export const capacityMw = v.pipe(nonNegative, v.maxValue(1e6, 'must be ≤ 1,000,000 MW'));
export const tonnes = v.pipe(nonNegative, v.maxValue(1e10, 'must be ≤ 10^10 t'));
export const year = v.pipe(v.number(), v.integer('must be a whole year'), v.minValue(2000), v.maxValue(2100));
export const code = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case code'));
export const codes = v.pipe(v.array(code), v.minLength(1, 'must name at least one sector'));
export const share = distSchema(0, 1);

/**
 * An object with exactly these fields. Not a list: valibot's object schemas take an array as an object
 * with numeric keys, so an empty list would pass as an empty object.
 */
export function plainObject<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      'must be an object { … }, not a list or a value',
    ),
    v.strictObject(entries),
  );
}

/** Adds start_year / target_year to a lever's fields (target ≥ start is checked in parseScenario). */
export function withRamp<const E extends v.ObjectEntries>(entries: E) {
  return plainObject({ ...entries, start_year: year, target_year: year });
}
