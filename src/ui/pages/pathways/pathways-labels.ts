/**
 * Display names on the Pathways page in the current language: uncertain inputs, levers, lever values.
 */
import { i18n } from '../../i18n/i18n.svelte';
import { zh, type MessageKey } from '../../i18n/messages';
import { sectorLabel } from '../../i18n/labels';
import { LEVERS } from '../../../core/scenario/index';
import type { ControlGroup, InputId, LeverDoc, SettingKey, SettingSpec } from '../../../core/scenario/index';

const has = (key: string): key is MessageKey => Object.hasOwn(zh, key);

// The message keys below are typed by the registry's unions (levers.ts): a lever, setting or group
// without its message in the dictionary fails type-checking.

/** A lever's name, by its document key (the summary's lever names). */
export function leverName(doc: LeverDoc): string {
  return i18n.t(`path.leverName.${doc}`);
}

/** A slider group's heading (a lever or a driver control). */
export function groupLabel(group: ControlGroup): string {
  return i18n.t(`path.group.${group}`);
}

/** A slider's label. */
export function settingLabel(key: SettingKey): string {
  return i18n.t(`path.lever.${key}`);
}

/** An uncertain input in words, from its structured id (CompiledModel.inputIds); its name if unknown. */
export function inputLabel(id: InputId | undefined, name: string): string {
  if (!id) return name;
  switch (id.kind) {
    case 'growth': {
      const phase = `path.phase.${id.phase}`;
      return i18n.t('path.input.growth', {
        sector: sectorLabel(id.sector),
        phase: has(phase) ? i18n.t(phase) : id.phase,
      });
    }
    case 'intensity':
      return i18n.t('path.input.intensity', { sector: sectorLabel(id.sector) });
    case 'grid':
      return i18n.t('path.input.grid', { year: id.knot.replace(/^y/, '') });
    case 'sink':
      return i18n.t(`path.input.sink.${id.area}`);
    case 'lever': {
      const key = `path.param.${id.param}`;
      return i18n.t('path.input.lever', {
        lever: leverName(id.lever),
        param: has(key) ? i18n.t(key) : id.param,
      });
    }
    case 'chp':
      return i18n.t(`path.input.chp.${id.param}`);
    case 'inventory':
      return i18n.t(`path.input.inventory.${id.param}`);
    case 'cost':
      return i18n.t('path.input.cost', { param: id.param });
    case 'electricity_drift':
    case 'pv_yield':
      return i18n.t(`path.input.${id.kind}`);
  }
}

/** A group of uncertain inputs (the grouped tornado's bars): a lever's name, or the driver's. */
export function sensitivityGroupLabel(group: string): string {
  if (group.startsWith('lever.')) {
    const doc = group.slice('lever.'.length);
    return (LEVERS as readonly { doc: string }[]).some((l) => l.doc === doc)
      ? i18n.t('path.sgroup.lever', { lever: leverName(doc as LeverDoc) })
      : group;
  }
  const key = `path.sgroup.${group}`;
  return has(key) ? i18n.t(key) : group;
}

/** A lever value as the slider shows it. */
export function formatLever(spec: SettingSpec, v: number): string {
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
