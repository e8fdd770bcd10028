/**
 * Distributions as written in scenario documents, their schema, and conversion to the canonical
 * `Dist` of the statistics module.
 *
 * JSON forms (a bare number means fixed):
 *   { "dist": "fixed", "value": x }
 *   { "dist": "uniform", "min": a, "max": b }
 *   { "dist": "triangular", "min": a, "mode": c, "max": b }
 *   { "dist": "normal", "mean": m, "sd": s, "min"?: a, "max"?: b }     (truncated to [min, max])
 *   { "dist": "lognormal", "median": m, "p95": q }  or  { "dist": "lognormal", "mean": m, "sd": s }
 */
import * as v from 'valibot';
import { type Dist, lognormalFromMeanSd, lognormalFromMedianP95, normalCdf } from '../stats';

const num = v.pipe(v.number(), v.finite());
const positive = v.pipe(num, v.gtValue(0, 'must be > 0'));

const fixedSchema = v.strictObject({ dist: v.literal('fixed'), value: num });
const uniformSchema = v.pipe(
  v.strictObject({ dist: v.literal('uniform'), min: num, max: num }),
  v.forward(
    v.check((d) => d.max >= d.min, 'must be ≥ min'),
    ['max'],
  ),
);
const triangularSchema = v.pipe(
  v.strictObject({ dist: v.literal('triangular'), min: num, mode: num, max: num }),
  v.forward(
    v.check((d) => d.mode >= d.min && d.mode <= d.max, 'must lie within [min, max]'),
    ['mode'],
  ),
  v.forward(
    v.check((d) => d.max >= d.min, 'must be ≥ min'),
    ['max'],
  ),
);
const normalSchema = v.pipe(
  v.strictObject({
    dist: v.literal('normal'),
    mean: num,
    sd: positive,
    min: v.optional(num),
    max: v.optional(num),
  }),
  v.forward(
    v.check((d) => d.min === undefined || d.max === undefined || d.max > d.min, 'must be > min'),
    ['max'],
  ),
  v.forward(
    v.check(
      (d) => truncatedMass(d.mean, d.sd, d.min, d.max) > 1e-9,
      'leaves no probability mass in [min, max]',
    ),
    ['min'],
  ),
);
const lognormalSchema = v.pipe(
  v.strictObject({
    dist: v.literal('lognormal'),
    median: v.optional(positive),
    p95: v.optional(positive),
    mean: v.optional(positive),
    sd: v.optional(positive),
  }),
  v.check(
    (d) =>
      (d.median !== undefined && d.p95 !== undefined && d.mean === undefined && d.sd === undefined) ||
      (d.mean !== undefined && d.sd !== undefined && d.median === undefined && d.p95 === undefined),
    'give either median and p95, or mean and sd',
  ),
  v.forward(
    v.check((d) => d.median === undefined || d.p95 === undefined || d.p95 > d.median, 'must exceed median'),
    ['p95'],
  ),
);

const objectSchema = v.variant('dist', [
  fixedSchema,
  uniformSchema,
  triangularSchema,
  normalSchema,
  lognormalSchema,
]);

/** A distribution as written in a scenario document. */
export type DistInput = number | v.InferOutput<typeof objectSchema>;

function truncatedMass(mean: number, sd: number, min?: number, max?: number): number {
  const a = min === undefined ? 0 : normalCdf((min - mean) / sd);
  const b = max === undefined ? 1 : normalCdf((max - mean) / sd);
  return b - a;
}

/** Converts the document form to the canonical distribution. */
export function toDist(d: DistInput): Dist {
  if (typeof d === 'number') return { kind: 'fixed', value: d };
  switch (d.dist) {
    case 'fixed':
      return { kind: 'fixed', value: d.value };
    case 'uniform':
      return { kind: 'uniform', min: d.min, max: d.max };
    case 'triangular':
      return { kind: 'triangular', min: d.min, mode: d.mode, max: d.max };
    case 'normal':
      return { kind: 'normal', mean: d.mean, sd: d.sd, min: d.min, max: d.max };
    case 'lognormal':
      return d.median !== undefined && d.p95 !== undefined
        ? lognormalFromMedianP95(d.median, d.p95)
        : lognormalFromMeanSd(d.mean as number, d.sd as number);
  }
}

/**
 * Smallest and largest value the distribution can produce; for a lognormal (unbounded above) the
 * largest is taken as its 1 − 10⁻⁹ quantile, exp(μ + 6σ), far beyond any run count.
 */
function support(d: DistInput): [number, number] {
  const c = toDist(d);
  switch (c.kind) {
    case 'fixed':
      return [c.value, c.value];
    case 'uniform':
    case 'triangular':
      return [c.min, c.max];
    case 'normal':
      return [c.min ?? -Infinity, c.max ?? Infinity];
    case 'lognormal':
      return [0, Math.exp(c.mu + 6 * c.sigma)];
  }
}

/**
 * Schema of a distribution whose values must stay within [lo, hi] (e.g. a share in [0, 1]); a normal
 * must then be truncated to that range.
 */
export function distSchema(lo: number, hi: number) {
  return v.pipe(
    v.union([num, objectSchema]),
    v.check(
      (d: DistInput) => {
        const [a, b] = support(d);
        return a >= lo && b <= hi;
      },
      `must stay within [${lo}, ${hi === Infinity ? '∞' : hi}] (truncate a normal with min and max)`,
    ),
  );
}
