/**
 * The app's URL format, `#/path?key=value`: one parser and one writer for the router and share links.
 */

/** Path and parameters of a `#/path?k=v` hash. */
export function parseHash(hash: string): { path: string; params: Record<string, string> } {
  const [p, q] = hash.replace(/^#\/?/, '').split('?');
  return { path: p ?? '', params: Object.fromEntries(new URLSearchParams(q ?? '')) };
}

/** The `#/path?…` hash of a page with parameters. */
export function hashHref(path: string, params: Readonly<Record<string, string>>): string {
  const q = new URLSearchParams(params).toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}
