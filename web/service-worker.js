// Keeps the page, the engine and the price lists after the first visit, so
// that a reload without network shows the page and computes (issue 20). The
// list of files and its version (a hash of their contents) are written in by
// scripts/service-worker.mjs at build time: a deploy that changes any file
// changes this file's bytes, so the browser installs the new worker, which
// caches the new files and deletes the old cache. Answers come from the cache
// first (the files of one version never change); anything not in it goes to
// the network as usual.

const PRECACHE = { version: 'dev', files: [] }; // replaced by scripts/service-worker.mjs
const CACHE = `plancalc-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('plancalc-') && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // A page address carries its state in the query (?vendor=…): one cached page serves them all.
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: request.mode === 'navigate' })
    .then((cached) => cached ?? fetch(request)));
});
