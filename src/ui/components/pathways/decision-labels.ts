/** Names and units of the target and cost panels in the current language. */
import { i18n } from '../../i18n/i18n.svelte';
import { moneyDigits, moneyUnit, type MoneyUnit } from '../../i18n/money';
import type { TargetRow } from '../../pages/pathways/decisions-vm';

/** A target in words: its plan, years and required reduction, or its cap. */
export function targetName(
  r: Pick<TargetRow, 'metric' | 'plan' | 'base' | 'year' | 'reduction' | 'max'>,
): string {
  const plan = r.plan ? i18n.t(`dec.plan.${r.plan}`) : '';
  switch (r.metric) {
    case 'peak':
      return i18n.t('dec.target.peak', { year: r.year });
    case 'emissions_cap':
    case 'energy_cap':
      return i18n.t(`dec.target.${r.metric}`, { year: r.year, max: i18n.num((r.max ?? NaN) / 1e4, 1) });
    default:
      return i18n.t(`dec.target.${r.metric}`, {
        plan,
        base: r.base ?? '',
        year: r.year,
        r: i18n.pct(r.reduction ?? NaN, 1),
      });
  }
}

/** The median gap of a target in words. */
export function gapText(r: TargetRow): string {
  const g = r.gap;
  if (!g) return '';
  switch (g.kind) {
    case 'more':
    case 'short':
      return i18n.t(`dec.gap.${g.kind}`, { pp: i18n.num(g.value, 1) });
    case 'early':
    case 'late':
      return i18n.t(`dec.gap.${g.kind}`, { n: i18n.num(g.value) });
    case 'onTime':
      return i18n.t('dec.gap.onTime');
    case 'under':
    case 'over':
      return i18n.t(`dec.gap.${g.kind}`, {
        v: i18n.num(g.value / 1e4, 1),
        unit: i18n.t(r.metric === 'energy_cap' ? 'unit.ktce' : 'unit.ktco2'),
      });
  }
}

/** A money formatter for amounts whose largest magnitude is `maxAbs` CNY: its unit name and digits. */
export function moneyFormat(maxAbs: number): {
  unit: MoneyUnit;
  name: string;
  format: (cny: number) => string;
} {
  const unit = moneyUnit(i18n.lang, maxAbs);
  const digits = moneyDigits(unit, maxAbs);
  return { unit, name: i18n.t(unit.key), format: (cny) => i18n.num(cny / unit.divisor, digits) };
}
