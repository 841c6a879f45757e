/**
 * Registers the service worker with workbox-window (loaded after the counter's
 * first paint). A new version only ever announces itself; the page switches to
 * it when the person taps "Reload" (skip waiting, then reload once it controls).
 */
import { Workbox } from 'workbox-window';
import { waitingUpdate } from './update-store';

const CHECK_EVERY_MS = 30 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');

  const offer = () =>
    waitingUpdate.set(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  wb.addEventListener('waiting', offer);

  void wb.register().then((registration) => {
    // A worker already waiting from an earlier visit: offer it too.
    if (registration?.waiting && navigator.serviceWorker.controller) offer();
    const check = () => void registration?.update().catch(() => undefined);
    setInterval(check, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
  });
}
