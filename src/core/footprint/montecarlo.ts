/**
 * Monte Carlo of product footprints with the workbench's counter-based streams (src/core/random):
 * every uncertain quantity — a line's own amount, keyed by the line's id, and a factor, keyed by the
 * factor's id — has its own sfc32 stream seeded from (seed, key), and run r takes that stream's r-th
 * draw. So a factor used by several lines moves them together, and two variants of a product (lines
 * keep their ids) see the same draws for what they share: their difference is sampled in pairs.
 */
import { Sfc32 } from '../random/index';
import { histogram, normalInv, quantiles, type Histogram } from '../stats/index';
import { lineSigma, type PreparedProduct } from './compute';

/** 53-bit index of a key string (two 32-bit FNV-1a chains), the stream's second seed word. */
function keyIndex(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 11) * 4294967296 + (b >>> 0);
}

/** Fills `out` with standard normal draws 0..n-1 of the stream (seed, key). */
function normals(seed: number, key: string, out: Float64Array): Float64Array {
  const g = new Sfc32(seed, keyIndex(key));
  for (let r = 0; r < out.length; r++) out[r] = normalInv(g.nextDouble());
  return out;
}

export interface FootprintSample {
  /** Total kg CO2e per functional unit, one per run. */
  totals: Float64Array;
  /** Included lines' kg CO2e, line-major: values[j * runs + r] for the j-th included line. */
  lineValues: Float64Array;
  /** Ids of the included lines, in the order of lineValues. */
  lineIds: string[];
}

/** Runs `runs` draws of a prepared product's included lines. */
export function sampleFootprint(p: PreparedProduct, runs: number, seed: number): FootprintSample {
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const lines = p.lines.filter((l) => l.included);
  const totals = new Float64Array(runs);
  const lineValues = new Float64Array(lines.length * runs);
  const factorZ = new Map<string, Float64Array>();
  const zq = new Float64Array(runs);
  lines.forEach((l, j) => {
    let zf = factorZ.get(l.factor.id);
    if (!zf) factorZ.set(l.factor.id, (zf = normals(seed, `factor:${l.factor.id}`, new Float64Array(runs))));
    normals(seed, `line:${l.id}`, zq);
    const m = l.kgco2e;
    const sq = l.sigmaQ;
    const sf = l.sigmaF;
    const base = j * runs;
    for (let r = 0; r < runs; r++) {
      const v = m * Math.exp(sq * zq[r] + sf * zf[r]);
      lineValues[base + r] = v;
      totals[r] += v;
    }
  });
  return { totals, lineValues, lineIds: lines.map((l) => l.id) };
}

export interface LineResult {
  id: string;
  input: string;
  /** Deterministic (median) kg CO2e per functional unit and its share of the total. */
  kgco2e: number;
  share: number;
  /** 95 % range of the line alone (exact: each line is lognormal). */
  p2_5: number;
  p97_5: number;
  /** gsd of the line, exp(√(σq² + σf²)). */
  gsd: number;
  /** Share of the total's variance: cov(line, total) / var(total); sums to 1 over lines. */
  varianceShare: number;
  included: boolean;
}

export interface FootprintSummary {
  id: string;
  boundary: PreparedProduct['boundary'];
  runs: number;
  seed: number;
  total_kgco2e: number;
  mean: number;
  p2_5: number;
  p50: number;
  p97_5: number;
  histogram: Histogram;
  lines: LineResult[];
}

const Z975 = 1.959963984540054;

/** Summary of a sample: percentiles, histogram and each line's contribution and range. */
export function summarizeFootprint(
  p: PreparedProduct,
  s: FootprintSample,
  seed: number,
  bins = 40,
): FootprintSummary {
  const runs = s.totals.length;
  const [p2_5, p50, p97_5, lo, hi] = quantiles(s.totals, [0.025, 0.5, 0.975, 0.001, 0.999]);
  let mean = 0;
  for (let r = 0; r < runs; r++) mean += s.totals[r];
  mean /= runs;
  let varT = 0;
  for (let r = 0; r < runs; r++) varT += (s.totals[r] - mean) ** 2;
  const cov = new Map<string, number>();
  s.lineIds.forEach((id, j) => {
    let c = 0;
    const base = j * runs;
    for (let r = 0; r < runs; r++) c += s.lineValues[base + r] * (s.totals[r] - mean);
    cov.set(id, c);
  });
  const lines = p.lines.map((l): LineResult => {
    const sigma = lineSigma(l);
    return {
      id: l.id,
      input: l.factor.id,
      kgco2e: l.kgco2e,
      share: p.total > 0 && l.included ? l.kgco2e / p.total : 0,
      p2_5: l.kgco2e * Math.exp(-Z975 * sigma),
      p97_5: l.kgco2e * Math.exp(Z975 * sigma),
      gsd: Math.exp(sigma),
      varianceShare: varT > 0 ? (cov.get(l.id) ?? 0) / varT : 0,
      included: l.included,
    };
  });
  const span = hi > lo ? hi - lo : Math.max(Math.abs(p50) * 1e-6, 1e-12);
  return {
    id: p.id,
    boundary: p.boundary,
    runs,
    seed,
    total_kgco2e: p.total,
    mean,
    p2_5,
    p50,
    p97_5,
    histogram: histogram(s.totals, lo, lo + span, bins),
    lines,
  };
}

export interface PairedComparison {
  /** P(A < B): share of runs in which A's footprint is below B's (same draws for what they share). */
  pLower: number;
  /** P(A > B); with pLower it leaves the share of ties (identical runs). */
  pHigher: number;
  /** Percentiles of B − A. */
  diffP2_5: number;
  diffP50: number;
  diffP97_5: number;
}

/** Compares two samples drawn with the same seed and runs, run by run. */
export function comparePaired(a: Float64Array, b: Float64Array): PairedComparison {
  if (a.length !== b.length)
    throw new RangeError(`paired samples differ in length: ${a.length} and ${b.length}`);
  const d = new Float64Array(a.length);
  let lower = 0;
  let higher = 0;
  for (let r = 0; r < a.length; r++) {
    d[r] = b[r] - a[r];
    if (a[r] < b[r]) lower++;
    else if (a[r] > b[r]) higher++;
  }
  const [diffP2_5, diffP50, diffP97_5] = quantiles(d, [0.025, 0.5, 0.975]);
  return { pLower: lower / a.length, pHigher: higher / a.length, diffP2_5, diffP50, diffP97_5 };
}
