/**
 * Registers the offline cache (the service worker) once the app has settled, not while it starts: its
 * install downloads the whole build again (DuckDB's wasm included) and compiles every script for the
 * cache, and on a 2-core machine that work slowed the first chart down when it ran beside DuckDB's own
 * start (docs/architecture.md). "Settled" is the first park opened (or failed), announced by the app with
 * SETTLED_EVENT, then an idle moment; without that announcement the worker is registered after
 * FALLBACK_MS at the latest.
 */
const SETTLED_EVENT = 'pcw:settled';
const FALLBACK_MS = 20_000;
const IDLE_MS = 2_000;

/** Tells the page that the first park is in (or failed): the offline cache may now be filled. */
export function announceSettled(): void {
  dispatchEvent(new Event(SETTLED_EVENT));
}

/** Registers `url` as the service worker once the app has settled and the page is idle. */
export function registerWhenSettled(url: string): void {
  if (!('serviceWorker' in navigator)) return;
  let done = false;
  const register = () => {
    if (done) return;
    done = true;
    const go = () =>
      navigator.serviceWorker
        .register(url)
        .catch((e: unknown) => console.warn('Offline cache unavailable:', e));
    if ('requestIdleCallback' in window) requestIdleCallback(() => void go(), { timeout: IDLE_MS });
    else setTimeout(() => void go(), 0);
  };
  addEventListener(SETTLED_EVENT, register, { once: true });
  setTimeout(register, FALLBACK_MS);
}
