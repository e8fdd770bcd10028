/**
 * Display names of domain codes in the current language.
 */
import { carrierInfo } from '../../core/carriers';
import { sectorInfo } from '../../core/sectors';
import { UNKNOWN_SECTOR } from '../../data/sql/catalog-sql';
import { i18n } from './i18n.svelte';

export function sectorLabel(code: string): string {
  const s = sectorInfo(code);
  if (!s && code === UNKNOWN_SECTOR) return i18n.t('sector.unknown');
  return s ? i18n.pick(s.zh, s.en) : code;
}

export function carrierLabel(code: string): string {
  const c = carrierInfo(code);
  return c ? i18n.pick(c.zh, c.en) : code;
}
