/**
 * One footprint job as the page asks for it (in its worker): every product of a family (a product and
 * its variants) prepared, sampled with the same seed and runs, summarized, and every pair compared run
 * by run. A product with bad lines gives its problems and no figures; the others still compute.
 */
import type { Problem } from '../errors';
import { prepareProduct } from './compute';
import { InputError } from '../errors';
import { FootprintFactors } from './factors';
import type { Product } from './model';
import {
  comparePaired,
  sampleFootprint,
  summarizeFootprint,
  type FootprintSummary,
  type PairedComparison,
} from './montecarlo';
import { footprintResult, type FootprintResult } from './report';

export interface FootprintOutcome {
  id: string;
  summary?: FootprintSummary;
  result?: FootprintResult;
  /** Totals per run (kg CO2e per functional unit), for the distribution and for pairing. */
  totals?: Float64Array;
  problems: Problem[];
}

export interface PairOutcome extends PairedComparison {
  a: string;
  b: string;
}

export interface FootprintJob {
  outcomes: FootprintOutcome[];
  pairs: PairOutcome[];
}

export function runFootprintJob(
  products: readonly Product[],
  runs: number,
  seed: number,
  lang: 'zh' | 'en' = 'en',
): FootprintJob {
  const library = FootprintFactors.standard();
  const outcomes = products.map((p): FootprintOutcome => {
    try {
      const prepared = prepareProduct(p, library);
      const sample = sampleFootprint(prepared, runs, seed);
      const summary = summarizeFootprint(prepared, sample, seed);
      const metered = p.lines.some((l) => l.metered) && p.allocation ? p.allocation : null;
      const result = footprintResult(
        prepared,
        summary,
        {
          product: lang === 'zh' ? p.name_zh : p.name_en,
          functional_unit: lang === 'zh' ? p.functional_unit_zh : p.functional_unit_en,
        },
        metered,
      );
      return { id: p.id, summary, result, totals: sample.totals, problems: [] };
    } catch (e) {
      if (e instanceof InputError) return { id: p.id, problems: [...e.problems] };
      throw e;
    }
  });
  const pairs: PairOutcome[] = [];
  for (let i = 0; i < outcomes.length; i++)
    for (let j = i + 1; j < outcomes.length; j++) {
      const a = outcomes[i];
      const b = outcomes[j];
      if (a.totals && b.totals) pairs.push({ a: a.id, b: b.id, ...comparePaired(a.totals, b.totals) });
    }
  return { outcomes, pairs };
}
