/**
 * The owner area's lock. Unlocking lives in memory only, so closing or
 * reloading the app locks it; it also locks after a few idle minutes. Wrong
 * PINs are counted on the device (db/browser-storage), so a reload does not reset
 * the growing wait.
 */
import { useCallback, useEffect, useState } from 'react';
import { STORED } from '../../db/browser-storage';
import { afterWrongPin, OPEN_LOCK, waitLeft } from '../../domain/owner-lock';
import type { PinHash } from '../../domain/shop';
import { verifyPin } from '../../shared/pin';
import { pinLockStore } from '../../ui/pin-lock-store';

export const IDLE_LOCK_MS = 5 * 60_000;
let unlockedAt: number | null = null;
/** Kept in memory while unlocked only: the sync server asks for it again (pairing a tablet). */
let unlockedPin: string | null = null;

const { read: readLock, write: writeLock } = pinLockStore(STORED.ownerLock);

export type UnlockResult = { ok: true } | { ok: false; waitMs: number };

export function useOwnerUnlock(pinHash: PinHash) {
  const [unlocked, setUnlocked] = useState(() => unlockedAt !== null);

  const lock = useCallback(() => {
    unlockedAt = null;
    unlockedPin = null;
    setUnlocked(false);
  }, []);

  // Idle for a few minutes: lock again.
  useEffect(() => {
    if (!unlocked) return;
    let timer = setTimeout(lock, IDLE_LOCK_MS);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, IDLE_LOCK_MS);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, activity);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, activity);
    };
  }, [unlocked, lock]);

  const unlock = useCallback(
    async (pin: string): Promise<UnlockResult> => {
      const now = Date.now();
      const current = readLock();
      const wait = waitLeft(current, now);
      if (wait > 0) return { ok: false, waitMs: wait };
      if (await verifyPin(pin, pinHash)) {
        writeLock(OPEN_LOCK);
        unlockedAt = now;
        unlockedPin = pin;
        setUnlocked(true);
        return { ok: true };
      }
      const next = afterWrongPin(current, now);
      writeLock(next);
      return { ok: false, waitMs: waitLeft(next, now) };
    },
    [pinHash],
  );

  return { unlocked, unlock, lock, ownerPin: unlocked ? (unlockedPin ?? '') : '' };
}
