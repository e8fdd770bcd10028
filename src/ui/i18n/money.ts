/**
 * Amounts of money in the units planners read: 万元 and 亿元 in Chinese, CNY million and billion in
 * English. One unit is chosen for a set of amounts (a chart axis, a table column) from the largest of
 * them, so the amounts compare at a glance. Pure.
 */
import type { Lang } from './i18n.svelte';

export interface MoneyUnit {
  /** CNY per unit. */
  divisor: number;
  /** Message key of the unit's name. */
  key: 'dec.money.wan' | 'dec.money.yi' | 'dec.money.million' | 'dec.money.billion';
}

/** The unit for amounts whose largest magnitude is `maxAbs` CNY. */
export function moneyUnit(lang: Lang, maxAbs: number): MoneyUnit {
  const big = Number.isFinite(maxAbs) ? Math.abs(maxAbs) : 0;
  if (lang === 'zh')
    return big >= 1e8 ? { divisor: 1e8, key: 'dec.money.yi' } : { divisor: 1e4, key: 'dec.money.wan' };
  return big >= 1e9 ? { divisor: 1e9, key: 'dec.money.billion' } : { divisor: 1e6, key: 'dec.money.million' };
}

/** Decimals that show three significant figures of the largest amount in the unit (at most 2). */
export function moneyDigits(unit: MoneyUnit, maxAbs: number): number {
  const v = Math.abs(maxAbs) / unit.divisor;
  return v >= 100 ? 0 : v >= 10 ? 1 : 2;
}
