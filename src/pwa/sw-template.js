/* global __PRECACHE__ */
/**
 * The app's service worker: makes the workbench work offline once loaded (workshops without Wi-Fi).
 * The build fills in VERSION and PRECACHE (every file of the build except DuckDB's fallback `mvp` wasm,
 * which is cached the first time a browser that needs it fetches it).
 */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `pcw-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('pcw-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      // The page's own request goes out while this worker starts, instead of after it.
      .then(() => self.registration.navigationPreload?.enable())
      .then(() => self.clients.claim()),
  );
});

// The page asks how much of this build the cache holds (its "ready for offline use" indicator).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'pcw:cache-status' || !event.ports[0]) return;
  const port = event.ports[0];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.keys())
      .then((keys) => {
        const held = new Set(keys.map((r) => new URL(r.url).pathname));
        const scope = self.registration.scope;
        const missing = PRECACHE.filter((f) => !held.has(new URL(f, scope).pathname)).length;
        port.postMessage({ type: 'pcw:cache-status', version: VERSION, total: PRECACHE.length, missing });
      }),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // The portal's embedding allow-list is edited where the app is deployed: always the network's copy.
  if (url.pathname.endsWith('/embed-config.json')) return;
  if (req.mode === 'navigate') {
    // Network first for the page itself, so a new version is picked up when online.
    event.respondWith(
      Promise.resolve(event.preloadResponse)
        .then((preloaded) => preloaded || fetch(req))
        .then((res) => {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put('./', copy));
          return res;
        })
        .catch(() => caches.match('./').then((r) => r || caches.match('index.html'))),
    );
    return;
  }
  // Hashed assets never change: cache first, fill the cache on first fetch.
  event.respondWith(
    // ignoreVary: module scripts carry an Origin header that the precache requests did not.
    caches.match(req, { ignoreVary: true }).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
