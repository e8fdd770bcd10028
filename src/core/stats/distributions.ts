/**
 * Distributions sampled by their inverse CDF from one uniform, so that a Gaussian copula can
 * correlate them (a correlated normal z gives u = Φ(z), and the quantile function keeps ranks).
 *
 * Compiled form: a numeric code and four parameters, which is what the kernel stores in typed arrays.
 */
import { normalCdf, normalInv } from './normal';

/** Distribution of an uncertain quantity, in canonical parameters. */
export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** Normal, optionally truncated to [min, max] (either bound may be omitted). */
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  /** Lognormal: ln X ~ N(mu, sigma²). See lognormalFromMedianP95 / lognormalFromMeanSd. */
  | { kind: 'lognormal'; mu: number; sigma: number };

const DIST_FIXED = 0;
const DIST_UNIFORM = 1;
const DIST_TRIANGULAR = 2;
const DIST_NORMAL = 3;
/** Truncated normal whose window lies above the mean: sampled through its mirror image for precision. */
const DIST_NORMAL_UPPER = 4;
const DIST_LOGNORMAL = 5;

/** z of the 95th percentile of the standard normal. */
export const Z95 = 1.6448536269514722;

/** Lognormal with the given median and 95th percentile (p95 > median > 0): mu = ln m, sigma = ln(p95/m)/z95. */
export function lognormalFromMedianP95(median: number, p95: number): Dist {
  return { kind: 'lognormal', mu: Math.log(median), sigma: Math.log(p95 / median) / Z95 };
}

/** Lognormal with the given arithmetic mean and standard deviation (mean > 0, sd > 0). */
export function lognormalFromMeanSd(mean: number, sd: number): Dist {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { kind: 'lognormal', mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/** Compiled form: code and four parameters. */
export interface CompiledDist {
  code: number;
  p: [number, number, number, number];
}

/** Compiles a distribution into a code and four numbers for `quantileOf`. */
export function compileDist(d: Dist): CompiledDist {
  switch (d.kind) {
    case 'fixed':
      return { code: DIST_FIXED, p: [d.value, 0, 0, 0] };
    case 'uniform':
      return { code: DIST_UNIFORM, p: [d.min, d.max, 0, 0] };
    case 'triangular':
      return { code: DIST_TRIANGULAR, p: [d.min, d.mode, d.max, 0] };
    case 'lognormal':
      return { code: DIST_LOGNORMAL, p: [d.mu, d.sigma, 0, 0] };
    case 'normal': {
      const a = d.min === undefined ? -Infinity : (d.min - d.mean) / d.sd;
      const b = d.max === undefined ? Infinity : (d.max - d.mean) / d.sd;
      // Work in the lower tail, where Φ keeps relative precision.
      if (a > 0) return { code: DIST_NORMAL_UPPER, p: [d.mean, d.sd, normalCdf(-b), normalCdf(-a)] };
      return { code: DIST_NORMAL, p: [d.mean, d.sd, normalCdf(a), normalCdf(b)] };
    }
  }
}

/** Quantile function of a compiled distribution at u in (0, 1). */
export function quantileOf(code: number, p0: number, p1: number, p2: number, p3: number, u: number): number {
  switch (code) {
    case DIST_FIXED:
      return p0;
    case DIST_UNIFORM:
      return p0 + (p1 - p0) * u;
    case DIST_TRIANGULAR: {
      const width = p2 - p0;
      if (width <= 0) return p0;
      const left = p1 - p0;
      if (u * width < left) return p0 + Math.sqrt(u * width * left);
      return p2 - Math.sqrt((1 - u) * width * (p2 - p1));
    }
    case DIST_NORMAL:
      return p0 + p1 * normalInv(p2 + u * (p3 - p2));
    case DIST_NORMAL_UPPER:
      return p0 - p1 * normalInv(p2 + (1 - u) * (p3 - p2));
    case DIST_LOGNORMAL:
      return Math.exp(p0 + p1 * normalInv(u));
    default:
      throw new Error(`Unknown distribution code ${code}`);
  }
}

/** Quantile of a distribution (convenience over compileDist + quantileOf). */
export function distQuantile(d: Dist, u: number): number {
  const c = compileDist(d);
  return quantileOf(c.code, c.p[0], c.p[1], c.p[2], c.p[3], u);
}

/** True when the distribution has no spread (a constant). */
export function isFixed(d: Dist): boolean {
  switch (d.kind) {
    case 'fixed':
      return true;
    case 'uniform':
      return d.min === d.max;
    case 'triangular':
      return d.min === d.max;
    case 'normal':
      return d.sd === 0;
    case 'lognormal':
      return d.sigma === 0;
  }
}
