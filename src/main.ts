import './ui/styles.css';
import { registerWhenSettled } from './pwa/register';
import { prefetchBundled } from './data/bundled-files';

// DuckDB starts and the addressed park's files are fetched while the app's code loads (the app opens
// that park first: the address's, else the first bundled one), so the first chart waits for neither.
// All three are asked for at once, each its own chunk: this entry stays small, so nothing waits for it.
const requested = new URLSearchParams(location.hash.split('?')[1] ?? '').get('park');
prefetchBundled(requested ?? 'sample');
void import('./data/duckdb-browser').then((m) => m.appDb()).catch(() => undefined);

void Promise.all([import('svelte'), import('./ui/App.svelte')]).then(([{ mount }, { default: App }]) =>
  mount(App, { target: document.getElementById('app')! }),
);

// The built app caches itself for offline use (workshops), once the first park is in; the dev server does
// not.
if (import.meta.env.PROD) registerWhenSettled('./sw.js');
