/**
 * Hash routing (`#/page?key=value`), so any view is a shareable link and works from a static host offline.
 */
import { hashHref, parseHash } from './hash';

const hashOf = (url: string): string => {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at);
};

export class Router {
  path = $state('overview');
  params = $state<Record<string, string>>({});
  /**
   * The last navigation (a link followed, an address typed or pasted, back or forward): the hashes before
   * and after. The app's own rewrites (`replace`, `merge`) are not navigations.
   */
  navigation = $state.raw<{ from: string; to: string } | null>(null);

  constructor(private readonly fallback = 'overview') {
    this.read();
    globalThis.addEventListener?.('hashchange', (e) => {
      this.read();
      const { oldURL, newURL } = e as HashChangeEvent;
      this.navigation = { from: hashOf(oldURL), to: hashOf(newURL) };
    });
  }

  private read(): void {
    const { path, params } = parseHash(globalThis.location?.hash ?? '');
    this.path = path || this.fallback;
    this.params = params;
  }

  /** The href of a page with optional parameters. */
  href(path: string, params: Record<string, string> = {}): string {
    return hashHref(path, params);
  }

  go(path: string, params: Record<string, string> = {}): void {
    globalThis.location.hash = this.href(path, params);
  }

  /**
   * Sets or removes (null) parameters of the current page in the address, without a history entry, so the
   * address always describes what is shown (exports put it in their footer).
   */
  merge(changes: Record<string, string | null>): void {
    const next: Record<string, string> = { ...this.params };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') delete next[k];
      else next[k] = v;
    }
    this.replace(this.href(this.path, next));
  }

  /** Rewrites the address (e.g. a share link that follows the view) without a history entry or a navigation. */
  replace(hash: string): void {
    if (globalThis.location.hash === hash) return;
    history.replaceState(history.state, '', hash);
    this.read();
  }
}
