/**
 * Where a PIN gate keeps its count of wrong tries: on this device (db/browser-storage),
 * so a reload does not reset the growing wait (domain/owner-lock.ts decides it).
 */
import { readJson, writeJson, type StoredKey } from '../db/browser-storage';
import { OPEN_LOCK, type PinLock } from '../domain/owner-lock';

const isPinLock = (v: unknown): v is PinLock =>
  typeof v === 'object' &&
  v !== null &&
  Number.isFinite((v as PinLock).fails) &&
  Number.isFinite((v as PinLock).until);

export function pinLockStore(key: StoredKey): {
  read: () => PinLock;
  write: (lock: PinLock) => void;
} {
  return {
    read: () => readJson(key, isPinLock) ?? OPEN_LOCK,
    // In private mode the count lasts for this visit only.
    write: (lock) => void writeJson(key, lock),
  };
}
