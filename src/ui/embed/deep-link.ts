/**
 * Deep links: the state a page takes from its address, `#/<page>?park=<id>&enterprise=<id>&year=<y>&lang=zh|en`
 * (plus `embed=1` for an iframe). Every value is checked; what cannot be used becomes a notice naming the
 * field and the value, and the app goes on with its default. Pure.
 */
import type { MessageKey } from '../i18n/messages';

export type Lang = 'zh' | 'en';

/** A message for the reader, as a key and its parameters (translated where it is shown). */
export interface LinkNotice {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface KnownPark {
  id: string;
  name_zh: string;
  name_en: string;
  years: [number, number];
}

export interface LinkState {
  page: string;
  park: string;
  /** Requested year, when it is an integer within the park's years. */
  year: number | null;
  lang: Lang | null;
  enterprise: string | null;
  embed: boolean;
}

/** Longest accepted id (park, enterprise): longer values are refused, not cut. */
const MAX_ID = 64;
const ID = /^[\p{L}\p{N}_.-]+$/u;

/** Whether a value can be an id (letters, digits, `_ . -`, at most MAX_ID characters). */
export function isId(v: string): boolean {
  return v.length > 0 && v.length <= MAX_ID && ID.test(v);
}

/** The state a link asks for, with a notice for each value that could not be used. */
export function readLink(
  path: string,
  params: Readonly<Record<string, string>>,
  pages: readonly string[],
  parks: readonly KnownPark[],
  fallbackPage: string,
): { state: LinkState; notices: LinkNotice[] } {
  const notices: LinkNotice[] = [];
  const has = (k: string) => Object.hasOwn(params, k);
  const page = path === '' ? fallbackPage : pages.includes(path) ? path : fallbackPage;
  if (path !== '' && page !== path) notices.push({ key: 'link.unknownPage', params: { page: clip(path) } });

  const first = parks[0];
  const requested = has('park') ? params.park : '';
  const park = parks.find((p) => p.id === requested) ?? first;
  if (requested && park !== undefined && park.id !== requested) {
    notices.push({
      key: 'link.unknownPark',
      params: { id: clip(requested), name: `${park.name_zh} / ${park.name_en}` },
    });
  }

  let lang: Lang | null = null;
  if (has('lang')) {
    if (params.lang === 'zh' || params.lang === 'en') lang = params.lang;
    else notices.push({ key: 'link.badLang', params: { lang: clip(params.lang) } });
  }

  let year: number | null = null;
  if (has('year') && park) {
    const y = /^\d{4}$/.test(params.year) ? Number(params.year) : NaN;
    if (y >= park.years[0] && y <= park.years[1]) year = y;
    else {
      notices.push({
        key: 'link.badYear',
        params: { year: clip(params.year), first: park.years[0], last: park.years[1] },
      });
    }
  }

  let enterprise: string | null = null;
  if (has('enterprise') && params.enterprise !== '') {
    if (isId(params.enterprise)) enterprise = params.enterprise;
    else {
      notices.push({
        key: 'link.unknownEnterprise',
        params: { id: clip(params.enterprise), park: park ? `${park.name_zh} / ${park.name_en}` : '' },
      });
    }
  }

  return {
    state: { page, park: park?.id ?? '', year, lang, enterprise, embed: params.embed === '1' },
    notices,
  };
}

/** A value as a notice quotes it: at most 40 characters. */
function clip(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

/** The year a page's address asks for, when it is within the years shown; else null. */
export function linkYear(params: Readonly<Record<string, string>>, years: readonly number[]): number | null {
  if (!Object.hasOwn(params, 'year') || !/^\d{4}$/.test(params.year)) return null;
  const y = Number(params.year);
  return years.includes(y) ? y : null;
}
