/**
 * The app's offline readiness and connection, for the header's indicator: asks the active service worker
 * how much of the build it holds (and again whenever a new worker takes over), and follows the browser's
 * online and offline events.
 */
import { isCacheStatus, readiness, type CacheStatus, type Readiness } from './offline-readiness';

/** How often a worker still filling its cache is asked again, ms. */
const RECHECK_MS = 2000;
/** How long an answer is awaited before asking again, ms. */
const ANSWER_MS = 5000;

class OfflineStatus {
  readiness = $state<Readiness>('unavailable');
  online = $state(true);
  #started = false;

  /** Starts watching (once); `built` is false on the development server, which registers no worker. */
  start(built: boolean): void {
    if (this.#started || typeof navigator === 'undefined') return;
    this.#started = true;
    this.online = navigator.onLine;
    addEventListener('online', () => (this.online = true));
    addEventListener('offline', () => (this.online = false));
    const env = { supported: 'serviceWorker' in navigator, built };
    this.readiness = readiness(env, null);
    if (this.readiness === 'unavailable') return;
    const check = async (): Promise<void> => {
      const reg = await navigator.serviceWorker.ready;
      const status = reg.active ? await ask(reg.active) : null;
      this.readiness = readiness(env, status);
      if (this.readiness !== 'ready') setTimeout(() => void check(), RECHECK_MS);
    };
    navigator.serviceWorker.addEventListener('controllerchange', () => void check());
    void check();
  }
}

/** The worker's cache status, or null when it does not answer in time. */
function ask(worker: ServiceWorker): Promise<CacheStatus | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_MS);
    channel.port1.onmessage = (e: MessageEvent) => {
      clearTimeout(timer);
      resolve(isCacheStatus(e.data) ? e.data : null);
    };
    worker.postMessage({ type: 'pcw:cache-status' }, [channel.port2]);
  });
}

export const offlineStatus = new OfflineStatus();
