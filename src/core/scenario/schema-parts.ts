/**
 * Building blocks of the scenario document's schema, shared by the document (schema.ts) and the lever
 * registry (levers.ts), which defines each lever's own part of the document.
 */
import * as v from 'valibot';
import { distSchema } from './distribution';

export const num = v.pipe(v.number(), v.finite());
export const nonNegative = v.pipe(num, v.minValue(0, 'must be ≥ 0'));
export const year = v.pipe(v.number(), v.integer('must be a whole year'), v.minValue(2000), v.maxValue(2100));
export const code = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case code'));
export const codes = v.pipe(v.array(code), v.minLength(1, 'must name at least one sector'));
export const share = distSchema(0, 1);

/** Adds start_year / target_year to a lever's fields (target ≥ start is checked in parseScenario). */
export function withRamp<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject({ ...entries, start_year: year, target_year: year });
}
