/**
 * Problems with the database itself, for a banner: another tab upgrading the
 * schema, a blocked open, a browser that refuses storage. And the i18n key for
 * a failed write, so a full disk gets a message that says nothing was lost.
 */
import { useSyncExternalStore } from 'react';
import type { SetiaDB } from './schema';

export type StorageProblem = 'blocked' | 'upgraded' | 'unavailable';

let problem: StorageProblem | null = null;
const listeners = new Set<() => void>();

export function reportStorageProblem(p: StorageProblem | null): void {
  problem = p;
  listeners.forEach((l) => l());
}

export function useStorageProblem(): StorageProblem | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => problem,
  );
}

/** Wires Dexie's events: a newer schema in another tab closes ours cleanly instead of blocking it. */
export function watchDatabase(db: SetiaDB): void {
  db.on('versionchange', () => {
    db.close();
    reportStorageProblem('upgraded');
    return false; // we handled it
  });
  db.on('blocked', () => reportStorageProblem('blocked'));
  db.on('ready', () => {
    if (problem === 'blocked') reportStorageProblem(null);
  });
}

/** i18n key for an error thrown by a write; null when it is not a storage failure. */
export function storageErrorKey(error: unknown): string | null {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'errors.storage.full';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError')
    return 'errors.storage.closed';
  return null;
}

/** Whether the error means this browser cannot store anything (private mode, disabled storage). */
export function isStorageUnavailable(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'MissingAPIError' || name === 'OpenFailedError' || name === 'SecurityError';
}
