// Alur's service worker: keeps one release of the app (its hashed wasm, JS and CSS, index.html,
// icons and manifest) in a cache of its own, so the app opens with no network. Served from the
// app's directory, so its scope is that directory at any sub-path (e.g. /alur/).
//
// scripts/service-worker.mjs fills in the two constants below for each build: CACHE is named
// after a hash of the files' names and contents, so each release gets its own cache and a new
// sw.js whenever anything changed; that is what makes the browser install the new worker.
const CACHE = 'alur-dev';
const ASSETS = [];

const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache: an unhashed file (index.html, icons) must be this
      // release's, not one the browser kept from the last.
      await cache.addAll(ASSETS.map((path) => new Request(path, { cache: 'reload' })));
      // Every file of the release is cached now, so it may take over at once. A page still open
      // on the previous release loads that release's chunks on first use: its cache is kept
      // (see activate) and `cached` finds them there.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Keys come in the order the caches were made: keep this release's and the one before.
      const older = (await caches.keys()).filter((name) => name.startsWith('alur-') && name !== CACHE);
      for (const name of older.slice(0, -1)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first, so a new release is seen as soon as there is a network; the cached
    // index.html only when there is none. A fetched page is not cached: the cache keeps
    // exactly one release, whose index.html names the hashed files beside it.
    event.respondWith(fetch(request).catch(() => cached(INDEX).then((hit) => hit ?? Response.error())));
    return;
  }
  // Hashed assets never change under their name: the cache first, the network for the rest.
  event.respondWith(cached(request).then((hit) => hit ?? fetch(request)));
});

/**
 * This release's copy of `request`, or undefined. The wasm of a release lives in a directory
 * named by it (`wasm-<hash>/`), so a file there is looked up in the previous release's cache
 * too; anything else only in this release's.
 */
async function cached(request) {
  const hit = await caches.match(request, { cacheName: CACHE });
  if (hit || !/\/wasm-[0-9a-f]+\//.test(new URL(request.url).pathname)) return hit;
  return caches.match(request);
}
