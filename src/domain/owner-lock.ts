/**
 * Guessing the owner PIN: after a few wrong tries, each further try waits longer
 * (30 s, 1 min, 2 min … up to 15 min). Pure: the caller keeps the count and the clock.
 */
export const FREE_TRIES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export interface PinLock {
  /** Wrong tries in a row. */
  fails: number;
  /** No try is checked before this time (ms). */
  until: number;
}

export const OPEN_LOCK: PinLock = { fails: 0, until: 0 };

export function delayAfter(fails: number): number {
  if (fails < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (fails - FREE_TRIES));
}

export function afterWrongPin(lock: PinLock, now: number): PinLock {
  const fails = lock.fails + 1;
  return { fails, until: now + delayAfter(fails) };
}

/** Milliseconds until a try may be checked; 0 = now. */
export function waitLeft(lock: PinLock, now: number): number {
  return Math.max(0, lock.until - now);
}
