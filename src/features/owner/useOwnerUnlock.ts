/**
 * The owner area's lock. Unlocking lives in memory only, so closing or
 * reloading the app locks it; it also locks after a few idle minutes. Wrong
 * PINs are counted on the device (db/browser-storage), so a reload does not reset
 * the growing wait. On a counter tablet the PIN is checked by the server, which
 * counts wrong tries and gives a short owner session (src/sync/owner-session):
 * without the connection the owner area stays shut there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { STORED } from '../../db/browser-storage';
import { useSyncState } from '../../db/sync-hooks';
import { roleOf, type SyncState } from '../../db/sync-state';
import { loadSync } from '../../sync/load';
import { endOwnerSession, ownerSessionOpen, startOwnerSession } from '../../sync/owner-session';
import { SyncError } from '../../sync/sync-error';
import { useObservable } from '../../ui/useObservable';
import { afterWrongPin, OPEN_LOCK, waitLeft } from '../../domain/owner-lock';
import type { PinHash } from '../../domain/shop';
import { verifyPin } from '../../shared/pin';
import { pinLockStore } from '../../ui/pin-lock-store';

export const IDLE_LOCK_MS = 5 * 60_000;
let unlockedAt: number | null = null;
/** Kept in memory while unlocked only: the sync server asks for it again (pairing a tablet). */
let unlockedPin: string | null = null;

const { read: readLock, write: writeLock } = pinLockStore(STORED.ownerLock);

export type UnlockResult =
  | { ok: true }
  | { ok: false; waitMs: number }
  /** A counter tablet without the connection: the owner area needs the server. */
  | { ok: false; waitMs: 0; offline: true };

/** A counter tablet asks the server; its session token stays in this page's memory. */
async function unlockThroughServer(state: SyncState, pin: string): Promise<UnlockResult> {
  if (!navigator.onLine) return { ok: false, waitMs: 0, offline: true };
  const { syncApi } = await import('../../sync/client');
  try {
    const reply = await syncApi.openOwnerSession(state.server, state.token, pin);
    startOwnerSession(reply.session, reply.idleMs);
    return { ok: true };
  } catch (e) {
    if (e instanceof SyncError && e.status === null) return { ok: false, waitMs: 0, offline: true };
    if (e instanceof SyncError && e.code === 'too_many_tries')
      return { ok: false, waitMs: e.retryAfterMs ?? 60_000 };
    return { ok: false, waitMs: 0 };
  }
}

export function useOwnerUnlock(pinHash: PinHash | undefined) {
  const [unlocked, setUnlocked] = useState(() => unlockedAt !== null);
  const sync = useSyncState();
  const counter = roleOf(sync) === 'counter';
  const sessionOpen = useObservable(ownerSessionOpen);
  const syncRef = useRef(sync);
  syncRef.current = sync;

  const lock = useCallback(() => {
    unlockedAt = null;
    unlockedPin = null;
    setUnlocked(false);
    // The server forgets the session too (best effort: it lapses by itself anyway).
    const session = endOwnerSession();
    const state = syncRef.current;
    if (session && state)
      void import('../../sync/client').then(({ syncApi }) =>
        syncApi.closeOwnerSession(state.server, state.token, session).catch(() => undefined),
      );
  }, []);

  // A counter tablet's session lapsed (idle on the server, or refused): the area locks.
  useEffect(() => {
    if (counter && unlocked && !sessionOpen) lock();
  }, [counter, unlocked, sessionOpen, lock]);

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
      if (sync && roleOf(sync) === 'counter') {
        const result = await unlockThroughServer(sync, pin);
        if (result.ok) {
          unlockedAt = Date.now();
          unlockedPin = pin;
          setUnlocked(true);
          // Settings edits made here that waited for the owner go now.
          void loadSync().then((m) => m.syncNow());
        }
        return result;
      }
      if (!pinHash) return { ok: false, waitMs: 0 };
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
    [pinHash, sync],
  );

  return {
    unlocked,
    unlock,
    lock,
    ownerPin: unlocked ? (unlockedPin ?? '') : '',
    /** A counter tablet: the owner area opens only with the connection. */
    needsServer: counter,
  };
}
