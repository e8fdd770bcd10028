/**
 * The bundled datasets' files as the browser fetches them: Vite turns every `datasets/**\/*.arrow` into a
 * hashed asset of the app's own origin; the build adds each park's first answers. Imports nothing at run
 * time, so the app's entry can start these fetches before any other chunk has loaded or run.
 */
import type { TableBytes } from './parks';

const ARROW_URLS = import.meta.glob('../../datasets/*/*.arrow', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export function folderOf(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 2];
}

/** Folders fetched ahead of their first use (prefetchBundled), each handed out once. */
const early = new Map<string, Promise<TableBytes[]>>();
/** The build's first answers of a park (src/data/first-answers-node.ts) as text, fetched once per park. */
const firstAnswers = new Map<string, Promise<string>>();

/**
 * A bundled park's first answers and baselines, shipped by the build as `first-answers/<id>.json`;
 * empty text where there is no such file (the development server) or it cannot be read.
 */
export function fetchFirstAnswers(folder: string): Promise<string> {
  let text = firstAnswers.get(folder);
  if (!text) {
    text = fetch(`${import.meta.env.BASE_URL}first-answers/${encodeURIComponent(folder)}.json`).then(
      (res) => (res.ok ? res.text() : ''),
      () => '',
    );
    firstAnswers.set(folder, text);
  }
  return text;
}

/** A folder's tables: the early fetch of it if one was started (once), else a fetch now. */
export function fetchFolder(folder: string): Promise<TableBytes[]> {
  const started = early.get(folder);
  early.delete(folder);
  return started ?? fetchNow(folder);
}

/**
 * Starts fetching a bundled park's files (an unknown id: none), its first answers and the reference
 * tables before the app asks for them, e.g. while the app's code is still loading; the app's first
 * fetch of each takes them.
 */
export function prefetchBundled(parkId: string): void {
  const known = parkId !== 'reference' && Object.keys(ARROW_URLS).some((path) => folderOf(path) === parkId);
  if (known) void fetchFirstAnswers(parkId);
  const folders = ['reference', ...(known ? [parkId] : [])];
  for (const folder of folders) {
    if (early.has(folder)) continue;
    const fetching = fetchNow(folder);
    fetching.catch(() => early.delete(folder));
    early.set(folder, fetching);
  }
}

async function fetchNow(folder: string): Promise<TableBytes[]> {
  const entries = Object.entries(ARROW_URLS)
    .filter(([path]) => folderOf(path) === folder)
    .sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(
    entries.map(async ([path, url]) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`Could not load ${path.split('/').pop()}: HTTP ${res.status}`);
      const name = path
        .split('/')
        .pop()!
        .replace(/\.arrow$/, '');
      return { name, ipc: new Uint8Array(await res.arrayBuffer()) };
    }),
  );
}
