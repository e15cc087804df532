/*
 * The caring mother's service worker. It keeps the app shell only: the offline page
 * (/my/offline, the same for every mother, nothing personal in it) and the styles, scripts
 * and icons it needs. Pages with personal data are never stored; her children's data lives
 * encrypted in IndexedDB (see js/offline-store.js). A page that cannot be loaded for want
 * of a signal is answered with the shell.
 */
'use strict';

const CACHE = 'cm-shell-v2';
const SHELL = '/my/offline';
let wiped = false;
const STATIC = /^\/(webjars|css|js|icons)\/|^\/favicon\.svg$|^\/manifest\.webmanifest$/;

async function cacheShell() {
  const response = await fetch(SHELL, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
  if (response.status !== 200) {
    return false;
  }
  const html = await response.clone().text();
  const assets = new Set(['/favicon.svg', '/icons/icon-192.png']);
  for (const match of html.matchAll(/(?:href|src)="(\/[^"?#]+\.(?:css|js|svg|png))"/g)) {
    assets.add(match[1]);
  }
  const cache = await caches.open(CACHE);
  await cache.put(SHELL, response);
  await Promise.all([...assets].map((asset) => cache.add(asset).catch(() => undefined)));
  return true;
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => false).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const reply = (answer) => event.ports[0] && event.ports[0].postMessage(answer);
  if (event.data === 'cache-shell') {
    event.waitUntil(cacheShell().catch(() => false).then(reply));
  }
  else if (event.data === 'wipe') {
    wiped = true;
    event.waitUntil(caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name)))).then(reply));
  }
});

/**
 * Static files carry a hash of their content in their name, so a stored copy is never out
 * of date: it is answered from the cache with no request at all (nothing to pay for on a
 * weak signal), and only what is missing is fetched and kept.
 */
function cacheFirst(event) {
  return caches.match(event.request, { ignoreVary: true }).then((hit) => hit || fetch(event.request).then((response) => {
    if (response.ok && response.type === 'basic' && !wiped) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (wiped || request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(SHELL, { ignoreVary: true })
      .then((shell) => shell || Response.error())));
  }
  else if (STATIC.test(url.pathname)) {
    event.respondWith(cacheFirst(event));
  }
});
