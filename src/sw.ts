/// <reference lib="webworker" />
/**
 * The service worker: every file of the app is precached at install (lazy
 * chunks included), so a tablet that loaded Setia once opens every screen
 * offline. A new version waits until the page says so ("Update available —
 * Reload"), so a cashier is never reloaded mid-stamp. The very first install
 * takes control at once (clientsClaim): a shop that loads the app once and then
 * loses its internet is covered.
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
