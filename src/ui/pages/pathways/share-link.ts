/**
 * The shareable link of a pathway: preset, Scope-2 method, every lever value, seed and runs as hash
 * parameters (`#/pathways?park=sample&preset=policy&s2=market&seed=2060&runs=10000&eff=0.015…`). Opening it gives the same
 * scenario and, with the same seed and runs, the same result.
 *
 * Reading a link (readShareLink, then checkSettings once the park's slider ranges are known) never
 * changes it silently: every field dropped (unknown, unreadable, out of range, missing from a cut link)
 * or adjusted (rounded to the slider's step) becomes a notice naming it, and the reader is offered the
 * original text. A hostile link — oversized, malformed, or with a key that could reach an object's
 * prototype — is refused as a whole: the page opens in its default state and says why. Pure.
 */
import {
  isPresetId,
  PRESET_IDS,
  SCOPE2_METHODS,
  SETTINGS,
  snap,
  type LeverSettings,
  type PresetId,
  type Scope2Method,
  type SettingKey,
  type SettingSpec,
} from '../../../core/scenario/index';
import type { LinkNotice } from '../../embed/deep-link';
import { DECISION_KEYS, decodeDecisions, encodeDecisions, type DecisionSettings } from './share-decisions';

export interface ShareState {
  preset: PresetId;
  /** Scope-2 method of the baseline (the scenario's accounting.scope2). */
  scope2: Scope2Method;
  seed: number;
  runs: number;
  settings: LeverSettings;
  /** Carbon price, discount rate and the park's targets (share-decisions.ts); optional keys of the link. */
  decisions?: DecisionSettings;
}

export const RUN_CHOICES = [1000, 10_000, 100_000] as const;
const MIN_RUNS = 100;
const MAX_RUNS = 100_000;

/** The hash parameters of a pathway (values in their shortest round-trip form). */
export function encodeShare(state: ShareState): Record<string, string> {
  const out: Record<string, string> = {
    preset: state.preset,
    s2: state.scope2,
    seed: String(state.seed),
    runs: String(state.runs),
  };
  for (const { key, url } of SETTINGS) out[url] = String(state.settings[key]);
  if (state.decisions) Object.assign(out, encodeDecisions(state.decisions));
  return out;
}

export interface DecodedShare {
  preset?: PresetId;
  scope2?: Scope2Method;
  seed?: number;
  runs?: number;
  /** Only the levers present and numeric; range checks happen against the park's sliders. */
  settings: Partial<LeverSettings>;
  /** What the link gives of the decisions (absent in links made before they existed). */
  decisions?: Partial<DecisionSettings>;
}

function int(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const v = Number(text);
  return Number.isSafeInteger(v) && v >= min && v <= max ? v : undefined;
}

/** Reads what a link holds; anything invalid is left out. */
export function decodeShare(params: Readonly<Record<string, string>>): DecodedShare {
  const out: DecodedShare = { settings: {} };
  if (params.preset && isPresetId(params.preset)) out.preset = params.preset;
  const s2 = params.s2 as Scope2Method | undefined;
  if (s2 !== undefined && SCOPE2_METHODS.includes(s2)) out.scope2 = s2;
  out.seed = int(params.seed, 0, 2 ** 32 - 1);
  out.runs = int(params.runs, MIN_RUNS, MAX_RUNS);
  for (const { key, url } of SETTINGS) {
    const text = params[url];
    if (text === undefined || text.trim() === '') continue;
    const v = Number(text);
    if (Number.isFinite(v)) out.settings[key] = v;
  }
  const decisions = decodeDecisions(params).decisions;
  if (Object.keys(decisions).length) out.decisions = decisions;
  if (out.seed === undefined) delete out.seed;
  if (out.runs === undefined) delete out.runs;
  return out;
}

/** Longest link read at all (characters); a share link is a few hundred. Longer ones are refused unread. */
export const MAX_LINK_CHARS = 8192;
/** Most parameters a link may have (a share link has about 30). */
const MAX_PARAMS = 64;
/** How much of a refused link's text is offered back to the reader. */
const ORIGINAL_SHOWN = 2000;
/** Keys that name an object's internals: a link holding one is refused, whatever its value. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Parameters the app itself reads on any page (deep links, embedding; src/ui/embed/deep-link.ts). */
const APP_KEYS = new Set(['park', 'lang', 'embed', 'enterprise', 'year']);
const SCENARIO_KEYS = ['preset', 's2', 'seed', 'runs'] as const;
const SETTING_BY_URL = new Map(SETTINGS.map((s) => [s.url, s.key]));
const SHARE_KEYS = new Set<string>([...SCENARIO_KEYS, ...SETTING_BY_URL.keys(), ...DECISION_KEYS]);
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f\ufffd]/;

/** What a link gives the Pathways page, and what it had to leave out or change. */
export interface ShareReading {
  /** The usable part; empty (the page's default state) when the link is refused. */
  share: DecodedShare;
  /** One per field dropped or adjusted, or one saying why the whole link was refused. */
  notices: LinkNotice[];
  /** True when the whole link was refused (oversized, malformed, hostile key). */
  refused: boolean;
  /** The link as it came (its first 2,000 characters when longer), for the reader to copy. */
  original: string;
}

/** A value as a notice quotes it: at most 40 characters, control characters shown as `?`. */
function quote(v: string): string {
  // eslint-disable-next-line no-control-regex -- shown, not interpreted
  const clean = v.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/**
 * The parameters of a `#/…?k=v&…` link as a map, or why it is not a link at all: a `%` not starting a
 * valid UTF-8 escape, a key that is not a plain name, a repeated key, a control character, too many
 * parameters, or a key naming an object's internals.
 */
function splitQuery(
  hash: string,
): { params: Map<string, string> } | { problem: LinkNotice; hostile: boolean } {
  const at = hash.indexOf('?');
  const query = at < 0 ? '' : hash.slice(at + 1);
  const params = new Map<string, string>();
  const parts = query.split('&').filter((p) => p !== '');
  if (parts.length > MAX_PARAMS)
    return {
      problem: { key: 'pex.link.tooMany', params: { n: parts.length, max: MAX_PARAMS } },
      hostile: false,
    };
  for (const part of parts) {
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replaceAll('+', ' '));
      value = decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      return { problem: { key: 'pex.link.badEscape', params: { part: quote(part) } }, hostile: false };
    }
    if (HOSTILE_KEYS.has(key.toLowerCase()))
      return { problem: { key: 'pex.link.hostileKey', params: { key: quote(key) } }, hostile: true };
    if (!KEY.test(key))
      return { problem: { key: 'pex.link.badKey', params: { key: quote(key) } }, hostile: false };
    if (params.has(key)) return { problem: { key: 'pex.link.repeated', params: { key } }, hostile: false };
    if (CONTROL.test(value))
      return { problem: { key: 'pex.link.badChars', params: { key } }, hostile: false };
    params.set(key, value);
  }
  return { params };
}

/**
 * Reads a Pathways link (`location.hash`): what it gives, and a notice for each field dropped — an
 * unknown key, an unknown preset, Scope-2 method or park, a seed or number of runs outside its range, a
 * lever value that is not a number, or (in a link that names a preset, as every share link does) a field
 * missing, as when the link was cut short. Lever ranges depend on the park and are checked later
 * (checkSettings). `parks`: the ids of the parks that can be opened (empty: not checked).
 */
export function readShareLink(hash: string, parks: readonly string[] = []): ShareReading {
  const refuse = (notice: LinkNotice): ShareReading => ({
    share: { settings: {} },
    notices: [notice],
    refused: true,
    original: hash.length > ORIGINAL_SHOWN ? `${hash.slice(0, ORIGINAL_SHOWN)}…` : hash,
  });
  if (hash.length >= MAX_LINK_CHARS)
    return refuse({ key: 'pex.link.tooLong', params: { chars: hash.length, max: MAX_LINK_CHARS } });
  const split = splitQuery(hash);
  if ('problem' in split) return refuse(split.problem);
  const params = split.params;

  const notices: LinkNotice[] = [];
  for (const key of params.keys())
    if (!SHARE_KEYS.has(key) && !APP_KEYS.has(key))
      notices.push({ key: 'pex.link.unknownKey', params: { key } });

  const plain: Record<string, string> = {};
  for (const key of SHARE_KEYS) {
    const v = params.get(key);
    if (v !== undefined) plain[key] = v;
  }
  const share = decodeShare(plain);
  const bad = (field: string, key: LinkNotice['key'], extra: Record<string, string | number> = {}) => {
    const value = params.get(field);
    if (value !== undefined) notices.push({ key, params: { field, value: quote(value), ...extra } });
  };
  if (!share.preset) bad('preset', 'pex.link.badPreset', { known: PRESET_IDS.join(', ') });
  if (!share.scope2) bad('s2', 'pex.link.badScope2', { known: SCOPE2_METHODS.join(', ') });
  if (share.seed === undefined) bad('seed', 'pex.link.badSeed', { max: 2 ** 32 - 1 });
  if (share.runs === undefined) bad('runs', 'pex.link.badRuns', { min: MIN_RUNS, max: MAX_RUNS });
  for (const { key, url } of SETTINGS)
    if (share.settings[key] === undefined && (params.get(url) ?? '').trim() !== '')
      bad(url, 'pex.link.badNumber', { setting: key });
  notices.push(...decodeDecisions(plain).notices);
  const park = params.get('park');
  if (park !== undefined && parks.length > 0 && !parks.includes(park))
    notices.push({ key: 'pex.link.unknownPark', params: { value: quote(park), known: parks.join(', ') } });

  // Every share link names a preset and all its fields: one that names a preset but lacks some was cut
  // short or edited, and what it lacks now comes from the preset.
  if (params.has('preset')) {
    const missing = [...SCENARIO_KEYS, ...SETTING_BY_URL.keys()].filter(
      (k) => k !== 'preset' && (params.get(k) ?? '').trim() === '',
    );
    if (missing.length) notices.push({ key: 'pex.link.missing', params: { fields: missing.join(', ') } });
  }
  return { share, notices, refused: false, original: hash };
}

/**
 * The lever values of a link checked against the park's sliders: a value outside a slider's range is
 * dropped (the preset's value stays) and one between its steps is rounded to the nearest step, each
 * with a notice naming the field. What is returned is within range and on a step.
 */
export function checkSettings(
  settings: Partial<LeverSettings>,
  specs: readonly SettingSpec[],
): { settings: Partial<LeverSettings>; notices: LinkNotice[] } {
  const out: Partial<LeverSettings> = {};
  const notices: LinkNotice[] = [];
  const urlOf = new Map(SETTINGS.map((s) => [s.key, s.url]));
  for (const spec of specs) {
    const v = settings[spec.key];
    if (v === undefined) continue;
    const field = urlOf.get(spec.key) ?? spec.key;
    const where = { field, setting: spec.key, value: v };
    if (!Number.isFinite(v) || v < spec.min || v > spec.max) {
      notices.push({ key: 'pex.link.outOfRange', params: { ...where, min: spec.min, max: spec.max } });
      continue;
    }
    const s = snap(spec, v);
    if (s !== v) notices.push({ key: 'pex.link.snapped', params: { ...where, snapped: s } });
    out[spec.key] = s;
  }
  return { settings: out, notices };
}

/** The setting a notice is about, when it is about one (its label is shown beside the URL key). */
export function noticeSetting(notice: LinkNotice): SettingKey | undefined {
  const s = notice.params.setting;
  return typeof s === 'string' && SETTINGS.some((d) => d.key === s) ? (s as SettingKey) : undefined;
}

export { hashHref, parseHash } from '../../hash';
