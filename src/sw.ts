/// <reference lib="webworker" />
/**
 * The service worker: every file of the app is precached at install (lazy
 * chunks included), so a tablet that loaded Setia once opens every screen
 * offline. A new version waits until the page says so ("Update available —
 * Reload"), so a cashier is never reloaded mid-stamp. The very first install
 * takes control at once (clientsClaim): a shop that loads the app once and then
 * loses its internet is covered. Where the browser has Background Sync, the
 * returning network wakes this worker, which asks the open pages to sync.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

// App routes (/, /owner, /c/…) are all the same shell; the API is never served from cache.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync: the network is back. Sync lives in the page (it owns the
// tablet's database connection), so wake every open Setia window to run it.
self.addEventListener('sync', (event: Event) => {
  const e = event as ExtendableEvent & { tag: string };
  if (e.tag !== 'setia-sync') return;
  e.waitUntil(
    self.clients
      .matchAll({ type: 'window' })
      .then((windows) => windows.forEach((w) => w.postMessage({ type: 'setia-sync' }))),
  );
});
