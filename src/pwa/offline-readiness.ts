/**
 * Whether the app is ready for offline use, from what the service worker (sw-template.js) reports about
 * its cache. Ready means every file of this build is in the cache, so the app starts and runs without a
 * network (a workshop room without Wi-Fi). Pure.
 */

export type Readiness = 'unavailable' | 'caching' | 'ready';

/** What the service worker answers to `pcw:cache-status`. */
export interface CacheStatus {
  type: 'pcw:cache-status';
  version: string;
  /** Files the build asks to keep. */
  total: number;
  /** Of those, not (yet) in the cache. */
  missing: number;
}

export function isCacheStatus(v: unknown): v is CacheStatus {
  const o = v as Partial<CacheStatus> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    o.type === 'pcw:cache-status' &&
    typeof o.version === 'string' &&
    Number.isInteger(o.total) &&
    Number.isInteger(o.missing)
  );
}

/**
 * Readiness from the environment and the worker's answer: unavailable without service workers (or on
 * the development server, which registers none); caching until the worker is active and its cache holds
 * every file; ready then.
 */
export function readiness(
  env: { supported: boolean; built: boolean },
  status: CacheStatus | null,
): Readiness {
  if (!env.supported || !env.built) return 'unavailable';
  if (!status) return 'caching';
  return status.total > 0 && status.missing === 0 ? 'ready' : 'caching';
}
