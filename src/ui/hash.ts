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

/**
 * Parameters the app applies as they change (park, language, embedding, enterprise and year); any other
 * is a page's own state (a Pathways scenario, a workshop story), which a page reads when it is shown.
 */
export const APP_KEYS: readonly string[] = ['park', 'lang', 'embed', 'enterprise', 'year'];

/**
 * Whether a navigation from hash `from` to hash `to` stays on one page but asks it for other state of its
 * own (a parameter outside APP_KEYS added, removed or changed): e.g. a share link pasted into the address
 * bar of the tab that shows that page already. The page must then be shown afresh to read it.
 */
export function pageStateChanged(from: string, to: string): boolean {
  const a = parseHash(from);
  const b = parseHash(to);
  if (a.path !== b.path) return false;
  const keys = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  for (const k of keys) if (!APP_KEYS.includes(k) && a.params[k] !== b.params[k]) return true;
  return false;
}
