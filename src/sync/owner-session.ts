/**
 * A counter tablet's owner session: the server checked the owner PIN and gave
 * a session token, kept in this page's memory only (a reload or a lock ends
 * it), sent as X-Owner-Session on owner actions while it lives. It lapses
 * after the server's idle time without an owner action, as the server's does.
 * Tiny and without zod: the engine and the owner area both read it.
 */
import { createObservable } from '../shared/observable';

interface Session {
  token: string;
  idleMs: number;
  lastUsed: number;
}

let session: Session | null = null;

/** Whether this tablet has a live owner session (the owner area shows it as unlocked). */
export const ownerSessionOpen = createObservable<boolean>(false);

export function startOwnerSession(token: string, idleMs: number, now = Date.now()): void {
  session = { token, idleMs, lastUsed: now };
  ownerSessionOpen.set(true);
}

export function endOwnerSession(): string | null {
  const token = session?.token ?? null;
  session = null;
  if (ownerSessionOpen.get()) ownerSessionOpen.set(false);
  return token;
}

/** The live session's token (each use keeps it alive), or null once it lapsed. */
export function takeOwnerSession(now = Date.now()): string | null {
  if (!session) return null;
  if (now - session.lastUsed >= session.idleMs) {
    endOwnerSession();
    return null;
  }
  session.lastUsed = now;
  return session.token;
}

/** Whether a session lives, without extending it. */
export function hasOwnerSession(now = Date.now()): boolean {
  return session !== null && now - session.lastUsed < session.idleMs;
}
