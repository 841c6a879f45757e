/**
 * Where a PIN gate keeps its count of wrong tries: localStorage on this device,
 * so a reload does not reset the growing wait (domain/owner-lock.ts decides it).
 */
import { OPEN_LOCK, type PinLock } from '../domain/owner-lock';

export function pinLockStore(key: string): { read: () => PinLock; write: (lock: PinLock) => void } {
  return {
    read: () => {
      try {
        const v = JSON.parse(localStorage.getItem(key) ?? 'null') as PinLock | null;
        return v && Number.isFinite(v.fails) && Number.isFinite(v.until) ? v : OPEN_LOCK;
      } catch {
        return OPEN_LOCK;
      }
    },
    write: (lock) => {
      try {
        localStorage.setItem(key, JSON.stringify(lock));
      } catch {
        /* private mode: the count lasts for this visit */
      }
    },
  };
}
