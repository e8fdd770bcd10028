/**
 * A park baseline as a plain JSON document and back: one codec for the CLI's baseline cache and for
 * the baselines the app's build ships with each bundled park. Float64Array fields become lists of
 * numbers. A baseline holding a number that JSON cannot carry (NaN, ±Infinity) is not encoded at all
 * (null): whoever wanted it builds it again from the data.
 */
import type { ParkBaseline } from './baseline';

const FLOAT_ARRAYS = ['activity', 'output', 'tcePerUnit', 'tco2PerUnit'] as const;

/** The baseline as a JSON-ready document, or null if some number in it is not finite. */
export function baselineToDoc(baseline: ParkBaseline): Record<string, unknown> | null {
  const doc: Record<string, unknown> = { ...baseline };
  for (const k of FLOAT_ARRAYS) doc[k] = Array.from(baseline[k]);
  let finite = true;
  JSON.stringify(doc, (_, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) finite = false;
    return v;
  });
  return finite ? doc : null;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isNumbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The baseline of a document baselineToDoc made; null for anything else (not a baseline, or damaged). */
export function baselineFromDoc(doc: unknown): ParkBaseline | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const d = { ...(doc as Record<string, unknown>) };
  if (typeof d.datasetId !== 'string' || typeof d.year !== 'number' || !Number.isInteger(d.year)) return null;
  if (!isStrings(d.sectors) || !isStrings(d.carriers) || !isStrings(d.kinds) || !isStrings(d.notes))
    return null;
  if (typeof d.greenSpaceHa !== 'number' || typeof d.wetlandHa !== 'number') return null;
  const cells = d.sectors.length * d.carriers.length;
  const lengths = {
    activity: cells,
    output: d.sectors.length,
    tcePerUnit: d.carriers.length,
    tco2PerUnit: d.carriers.length,
  };
  for (const k of FLOAT_ARRAYS) {
    const v = d[k];
    if (!isNumbers(v) || v.length !== lengths[k]) return null;
    d[k] = Float64Array.from(v);
  }
  return d as unknown as ParkBaseline;
}
