/**
 * The bundled datasets in the browser: Vite turns every `datasets/**\/*.arrow` into a hashed asset of the
 * app's own origin, fetched only when a park is opened; the build adds each park's first answers.
 */
import { answersFromJson, baselinesFromJson, type KeptAnswer, type ShippedBaseline } from './first-answers';
import type { ParkManifest, ParkSource, TableBytes } from './parks';

const ARROW_URLS = import.meta.glob('../../datasets/*/*.arrow', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const MANIFESTS = import.meta.glob('../../datasets/*/manifest.json', {
  import: 'default',
  eager: true,
}) as Record<string, ParkManifest>;

function folderOf(path: string): string {
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
function fetchFirstAnswers(folder: string): Promise<string> {
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
function fetchFolder(folder: string): Promise<TableBytes[]> {
  const started = early.get(folder);
  early.delete(folder);
  return started ?? fetchNow(folder);
}

/**
 * Starts fetching a bundled park's files (an unknown id: none) and the reference tables before the app
 * asks for them, e.g. while the app's code is still loading; the app's first fetch of each takes them.
 */
export function prefetchBundled(parkId: string): void {
  const known = bundledParks().some((p) => p.manifest.id === parkId);
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

/** The bundled parks, sample first. */
export function bundledParks(): ParkSource[] {
  return Object.entries(MANIFESTS)
    .filter(([path]) => folderOf(path) !== 'reference')
    .map(([path, manifest]) => ({
      manifest,
      tables: () => fetchFolder(folderOf(path)),
      answers: (): Promise<KeptAnswer[]> => fetchFirstAnswers(folderOf(path)).then(answersFromJson),
      baselines: (): Promise<ShippedBaseline[]> => fetchFirstAnswers(folderOf(path)).then(baselinesFromJson),
    }))
    .sort((a, b) => (a.manifest.id === 'sample' ? -1 : b.manifest.id === 'sample' ? 1 : 0));
}

/** Reference tables (factors and coefficients) as Arrow IPC bytes. */
export function fetchReferenceTables(): Promise<TableBytes[]> {
  return fetchFolder('reference');
}
