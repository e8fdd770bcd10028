/**
 * The engine's explanations (factor, value, unit, source, year, note) prepared for display: factor
 * names and year-fallback notes in the reader's language, generated from the explanation's keys
 * (src/core/accounting/explanations.ts). Sources are shown as the reference tables cite them. Pure.
 */
import type { FactorUse } from '../../../core/accounting/index';
import { factorLabel, noteLabel, type Lang } from '../../../core/accounting/explanations';

export type { Lang };

/** A factor's name in the reader's language, from its key (the engine's English text is the same table's). */
export function factorName(f: FactorUse, lang: Lang): string {
  return factorLabel(f.key, lang, f.grid);
}

/** A factor's note (year fallback, override, option) in the reader's language, from its key. */
export function factorNote(f: FactorUse, lang: Lang): string | undefined {
  if (f.noteKey) return noteLabel(f.noteKey, lang, f.noteYears);
  return f.note;
}

export interface FactorView {
  name: string;
  value: string;
  unit: string;
  source: string;
  year: string;
  note?: string;
}

/** Display rows for a list of factors; values keep up to six significant digits. */
export function factorViews(factors: readonly FactorUse[], lang: Lang): FactorView[] {
  return factors.map((f) => ({
    name: factorName(f, lang),
    value: String(Number(f.value.toPrecision(6))),
    unit: f.unit,
    source: f.source,
    year: f.year === null ? '' : String(f.year),
    note: factorNote(f, lang),
  }));
}

/** One line of text per factor, for CSV exports: "name = value unit (source, year; note)". */
export function factorsText(factors: readonly FactorUse[], lang: Lang): string {
  return factorViews(factors, lang)
    .map((f) => {
      const meta = [f.source, f.year].filter(Boolean).join(', ') + (f.note ? `; ${f.note}` : '');
      return `${f.name} = ${f.value} ${f.unit}`.trim() + (meta ? ` (${meta})` : '');
    })
    .join(' | ');
}
