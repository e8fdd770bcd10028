/**
 * Quantities as people read them: no trailing zeros, more decimals for small values.
 */
import { i18n } from '../../i18n/i18n.svelte';

/** A quantity with up to 1 (≥ 1000), 3 (≥ 1) or 4 decimals, grouping per language; '–' when not finite. */
export function qty(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return (0).toLocaleString(i18n.locale); // no "-0"
  const abs = Math.abs(v);
  const digits = abs >= 1000 ? 1 : abs >= 1 ? 3 : 4;
  return v.toLocaleString(i18n.locale, { maximumFractionDigits: digits });
}
