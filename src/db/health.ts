/**
 * Problems with the database itself, for a banner: another tab upgrading the
 * schema, a blocked open, a browser that refuses storage. And the i18n key for
 * a failed write, so a full disk gets a message that says nothing was lost.
 */
import { createObservable } from '../shared/observable';
import type { SetiaDB } from './schema';

export type StorageProblem = 'blocked' | 'upgraded' | 'unavailable';

export const storageProblem = createObservable<StorageProblem | null>(null);

/** Wires Dexie's events: a newer schema in another tab closes ours cleanly instead of blocking it. */
export function watchDatabase(db: SetiaDB): void {
  db.on('versionchange', () => {
    db.close();
    storageProblem.set('upgraded');
    return false; // we handled it
  });
  db.on('blocked', () => storageProblem.set('blocked'));
  db.on('ready', () => {
    if (storageProblem.get() === 'blocked') storageProblem.set(null);
  });
}

/** i18n key for an error thrown by a write; null when it is not a storage failure. */
export function storageErrorKey(error: unknown): string | null {
  const name = (error as { name?: string } | null)?.name;
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
