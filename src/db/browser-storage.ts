/**
 * What Setia keeps in the browser besides IndexedDB: small memories of this device
 * (localStorage), never shop data. Every key is named here. Keys and formats are
 * already on customers' phones and shops' tablets: a change must still read the old ones.
 * Storage can throw (private mode, full, blocked by the browser): a read then finds
 * nothing and a write is dropped (it returns false).
 */
export const STORED = {
  /** The app's language ('en', 'id', 'ms' or 'vi'), as text. */
  language: 'setia.language',
  /** The owner PIN's wrong tries (JSON PinLock), so a reload does not reset the wait. */
  ownerLock: 'setia.ownerLock',
  /** The staff switch's wrong PIN tries (JSON PinLock). */
  staffLock: 'setia.staffLock',
  /** The camera the scanner uses ('user' or 'environment'), as text. */
  camera: 'setia.camera',
  /** The card link a phone opened last (its home-screen icon reopens it), as text. */
  myCard: 'setia.myCard',
  /** The phone's last snapshot of a member's card (JSON CardSnapshot). */
  keptCard: (memberId: string) => `setia.card.${memberId}` as const,
  /** When the visit a phone last rated took place (ms), as text. */
  ratedVisit: (memberId: string) => `setia.rated.${memberId}` as const,
} as const;

type Named<T> = T extends (id: string) => infer K ? K : T;
export type StoredKey = Named<(typeof STORED)[keyof typeof STORED]>;

export function readText(key: StoredKey): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeText(key: StoredKey, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function forget(key: StoredKey): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing kept to forget */
  }
}

/** A JSON value, or null when there is none or it is not what `isValid` expects. */
export function readJson<T>(key: StoredKey, isValid: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(readText(key) ?? 'null');
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export const writeJson = (key: StoredKey, value: unknown): boolean =>
  writeText(key, JSON.stringify(value));
