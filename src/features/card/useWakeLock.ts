/** Keeps the phone's screen on while the card's QR is shown (where the browser allows). */
import { useEffect } from 'react';

export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let active = true;
    const acquire = async () => {
      if (document.hidden || !active) return;
      try {
        sentinel = await navigator.wakeLock.request('screen');
      } catch {
        /* refused (battery saver, no user gesture yet): the card still works */
      }
    };
    // The browser releases the lock when the page is hidden: take it again on return.
    const onVisible = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release().catch(() => undefined);
    };
  }, []);
}
