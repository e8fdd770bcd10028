/**
 * The i18n layer: current language (remembered), message lookup and number formatting.
 */
import { en, zh, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'pcw.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage can be unavailable (privacy mode); fall back to the browser language
  }
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') === false ? 'en' : 'zh';
}

/** Fills `{name}` parameters of a message template. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * One formatter per locale and number of decimals: `toLocaleString` with options builds a new formatter
 * at every call, which the result tables of a run (thousands of figures) would pay each time.
 */
// A cache, not state: nothing renders from it, so it needs no reactivity.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

class I18n {
  lang = $state<Lang>(initialLang());

  locale = $derived(this.lang === 'zh' ? 'zh-CN' : 'en-US');

  /** Message for the current language. */
  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    fillTemplate((this.lang === 'zh' ? zh : en)[key], params);

  /** A number with grouping, per language. */
  num = (value: number, digits = 0): string =>
    Number.isFinite(value) ? formatter(this.locale, digits).format(value) : '–';

  /** A share 0–1 as a percentage. */
  pct = (value: number, digits = 1): string =>
    Number.isFinite(value) ? formatter(this.locale, digits).format(value * 100) + '%' : '–';

  /** Picks the Chinese or English variant of a bilingual record. */
  pick = (zhText: string, enText: string): string => (this.lang === 'zh' ? zhText : enText);

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered, still switched
    }
    if (globalThis.document) document.documentElement.lang = this.locale;
  }
}

export const i18n = new I18n();
