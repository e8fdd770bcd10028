/**
 * Display names on the Pathways page in the current language: uncertain inputs, levers, lever values.
 */
import { i18n } from '../../i18n/i18n.svelte';
import { zh, type MessageKey } from '../../i18n/messages';
import { sectorLabel } from '../../i18n/labels';
import type { LeverSpec } from './levers';
import { inputParts } from './pathways-vm';

const has = (key: string): key is MessageKey => Object.hasOwn(zh, key);

/** A lever's name (LEVER_ORDER code). */
export function leverName(code: string): string {
  const key = `path.leverName.${code}`;
  return has(key) ? i18n.t(key) : code;
}

/** An uncertain input's name (e.g. `growth.chemicals.to2030`) in words. */
export function inputLabel(name: string): string {
  const p = inputParts(name);
  switch (p.kind) {
    case 'growth': {
      const phase = `path.phase.${p.phase}`;
      return i18n.t('path.input.growth', {
        sector: sectorLabel(p.sector ?? ''),
        phase: has(phase) ? i18n.t(phase) : (p.phase ?? ''),
      });
    }
    case 'intensity':
      return i18n.t('path.input.intensity', { sector: sectorLabel(p.sector ?? '') });
    case 'grid':
      return i18n.t('path.input.grid', { year: (p.detail ?? '').replace(/^y/, '') });
    case 'sink': {
      const key = `path.input.sink.${p.detail}`;
      return has(key) ? i18n.t(key) : name;
    }
    case 'lever': {
      const param = name.split('.').slice(2).join('.');
      const key = `path.param.${param}`;
      return i18n.t('path.input.lever', {
        lever: leverName(p.detail ?? ''),
        param: has(key) ? i18n.t(key) : param,
      });
    }
    default: {
      const key = `path.input.${p.kind}`;
      return has(key) ? i18n.t(key) : name;
    }
  }
}

/** A lever value as the slider shows it. */
export function formatLever(spec: LeverSpec, v: number): string {
  switch (spec.format) {
    case 'pct':
      return i18n.pct(v, spec.step < 0.01 ? 1 : 0);
    case 'year':
      return String(v);
    case 'mw':
      return `${i18n.num(v)} ${i18n.t('path.unit.mw')}`;
    case 'factor':
      return `×${v.toFixed(2)}`;
  }
}

/** tCO2 in 10^4 t, the unit of the page's charts and figures. */
export function t10k(v: number, digits = 0): string {
  return i18n.num(v / 1e4, digits);
}
