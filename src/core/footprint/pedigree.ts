/**
 * Pedigree-matrix uncertainty (ecoinvent version 3 method): a lognormal whose log-variance is the
 * basic uncertainty of the kind of value plus one additional variance per data-quality indicator
 * score (reliability, completeness, temporal, geographical and further technological correlation).
 *
 * Values: Weidema B P, Bauer C, Hischier R, Mutel C, Nemecek T, Reinhard J, Vadenbo C O, Wernet G
 * (2013) Overview and methodology. Data quality guideline for the ecoinvent database version 3.
 * Ecoinvent Report 1 (v3), St. Gallen: the ecoinvent Centre — the table of default basic
 * uncertainties and the table of pedigree uncertainty factors, both given as variances of the
 * log-transformed values (σ²). They are the ecoinvent v2 factors (Frischknecht et al. 2007, given as
 * squared geometric standard deviations U) converted with σ² = (ln U / 2)² and rounded.
 */

export const PEDIGREE_INDICATORS = [
  'reliability',
  'completeness',
  'temporal',
  'geographical',
  'technological',
] as const;
export type PedigreeIndicator = (typeof PEDIGREE_INDICATORS)[number];

/** Five scores 1 (best) … 5 (worst), in the order of PEDIGREE_INDICATORS. */
export type PedigreeScores = readonly [number, number, number, number, number];

/** Additional log-variance per score 1…5 of each indicator (Weidema et al. 2013). */
export const PEDIGREE_VARIANCE: Readonly<Record<PedigreeIndicator, readonly number[]>> = {
  reliability: [0, 0.0006, 0.002, 0.008, 0.04],
  completeness: [0, 0.0001, 0.0006, 0.002, 0.008],
  temporal: [0, 0.0002, 0.002, 0.008, 0.04],
  geographical: [0, 0.000025, 0.0001, 0.0006, 0.002],
  technological: [0, 0.0006, 0.008, 0.04, 0.12],
};

/**
 * Default basic uncertainties (log-variance, Weidema et al. 2013) of the kinds of amount a footprint
 * uses: demand of materials, energy and semi-finished products; transport services (t·km); and CO2
 * emission factors.
 */
export const BASIC_VARIANCE = {
  demand: 0.0006,
  transport: 0.12,
  emission: 0.0006,
} as const;
export type BasicKind = keyof typeof BASIC_VARIANCE;

/** Scores 1,1,1,1,1: no additional uncertainty. */
export const BEST_PEDIGREE: PedigreeScores = [1, 1, 1, 1, 1];

/** Parses five digits 1–5 ("12321", also "1,2,3,2,1" or "(1,2,3,2,1)"); undefined when malformed. */
export function parsePedigree(text: string): PedigreeScores | undefined {
  const digits = text.replace(/[\s,;()[\]]/g, '');
  if (!/^[1-5]{5}$/.test(digits)) return undefined;
  const s = [...digits].map(Number);
  return [s[0], s[1], s[2], s[3], s[4]];
}

export function formatPedigree(scores: PedigreeScores): string {
  return scores.join('');
}

/** Sum of the indicators' additional log-variances. */
export function pedigreeVariance(scores: PedigreeScores): number {
  let v = 0;
  PEDIGREE_INDICATORS.forEach((k, i) => {
    const s = scores[i];
    if (!Number.isInteger(s) || s < 1 || s > 5)
      throw new RangeError(`pedigree score ${k} must be 1–5, got ${s}`);
    v += PEDIGREE_VARIANCE[k][s - 1];
  });
  return v;
}

/** σ of ln X for the given basic log-variance and pedigree scores: sqrt(σb² + Σ σi²). */
export function pedigreeSigma(scores: PedigreeScores, basicVariance: number): number {
  return Math.sqrt(basicVariance + pedigreeVariance(scores));
}

/** Geometric standard deviation exp(σ) (not its square: the 95 % range is median ÷/× gsd^1.96). */
export function pedigreeGsd(scores: PedigreeScores, basicVariance: number): number {
  return Math.exp(pedigreeSigma(scores, basicVariance));
}
