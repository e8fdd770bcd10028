/**
 * Hash routing (`#/page?key=value`), so any view is a shareable link and works from a static host offline.
 */
export class Router {
  path = $state('overview');
  params = $state<Record<string, string>>({});

  constructor(private readonly fallback = 'overview') {
    this.read();
    globalThis.addEventListener?.('hashchange', () => this.read());
  }

  private read(): void {
    const hash = globalThis.location?.hash ?? '';
    const [p, q] = hash.replace(/^#\/?/, '').split('?');
    this.path = p || this.fallback;
    // Parsed once into plain state; the URLSearchParams object itself is never kept.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.params = Object.fromEntries(new URLSearchParams(q ?? ''));
  }

  /** The href of a page with optional parameters. */
  href(path: string, params: Record<string, string> = {}): string {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const q = new URLSearchParams(params).toString();
    return `#/${path}${q ? `?${q}` : ''}`;
  }

  go(path: string, params: Record<string, string> = {}): void {
    globalThis.location.hash = this.href(path, params);
  }
}
