/**
 * The embedding protocol (docs/embed.md): which origins may send commands (embed-config.json next to
 * index.html, written by whoever deploys the app) and which commands there are. Anything not exactly
 * as documented is ignored. Pure.
 */
import { isId, type Lang } from './deep-link';

export interface EmbedConfig {
  /** Origins (scheme://host[:port]) of portals allowed to send commands and to receive messages. */
  allowedOrigins: string[];
}

export type EmbedCommand =
  | { type: 'pcw:set-language'; lang: Lang }
  | { type: 'pcw:set-enterprise'; enterprise: string }
  | { type: 'pcw:load-scenario'; link: string };

/** Message the app posts to its parent when its content height changes. */
export interface HeightMessage {
  type: 'pcw:height';
  height: number;
  page: string;
}

/** Longest scenario link accepted by `pcw:load-scenario` (characters). */
const MAX_SCENARIO_LINK = 4096;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A single origin such as "https://portal.example.org" (no path, no wildcard), or null. */
export function normalizeOrigin(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 200) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // The origin must be given exactly: "https://a.org/" or "https://a.org/x" are refused, not trimmed.
  return url.origin === v ? url.origin : null;
}

/** The configuration file's content; entries that are not single origins are reported and left out. */
export function parseEmbedConfig(json: unknown): { config: EmbedConfig; problems: string[] } {
  const problems: string[] = [];
  const allowed: string[] = [];
  if (!isPlainObject(json)) {
    return { config: { allowedOrigins: [] }, problems: ['embed-config.json: not a JSON object'] };
  }
  const list = json.allowedOrigins;
  if (!Array.isArray(list)) {
    problems.push('embed-config.json: "allowedOrigins" must be an array of origins');
  } else {
    list.forEach((o, i) => {
      const origin = normalizeOrigin(o);
      if (origin) allowed.push(origin);
      else
        problems.push(
          `embed-config.json: allowedOrigins[${i}] ${JSON.stringify(o)} is not an origin like "https://portal.example.org"`,
        );
    });
  }
  return { config: { allowedOrigins: [...new Set(allowed)] }, problems };
}

const exactKeys = (o: Record<string, unknown>, keys: string[]) =>
  Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));

/** The command a message carries, or null when it is not exactly one of the documented commands. */
export function parseEmbedCommand(data: unknown): EmbedCommand | null {
  if (!isPlainObject(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'pcw:set-language':
      return exactKeys(data, ['type', 'lang']) && (data.lang === 'zh' || data.lang === 'en')
        ? { type: data.type, lang: data.lang }
        : null;
    case 'pcw:set-enterprise':
      return exactKeys(data, ['type', 'enterprise']) &&
        typeof data.enterprise === 'string' &&
        isId(data.enterprise)
        ? { type: data.type, enterprise: data.enterprise }
        : null;
    case 'pcw:load-scenario':
      return exactKeys(data, ['type', 'link']) &&
        typeof data.link === 'string' &&
        data.link.length <= MAX_SCENARIO_LINK &&
        /^#\/pathways(\?[\w\-.~%&=+]*)?$/.test(data.link)
        ? { type: data.type, link: data.link }
        : null;
    default:
      return null;
  }
}

/**
 * Whether a message event may be obeyed: it comes from the parent window, from an allowed origin.
 * An empty allow-list accepts nothing.
 */
export function acceptsFrom(origin: string, fromParent: boolean, config: EmbedConfig): boolean {
  return fromParent && config.allowedOrigins.includes(origin);
}

/**
 * Where height messages go: each allowed origin (the browser delivers only to the one framing the app),
 * or any parent when none is configured (a height says nothing about the data).
 */
export function heightTargets(config: EmbedConfig): string[] {
  return config.allowedOrigins.length > 0 ? config.allowedOrigins : ['*'];
}
