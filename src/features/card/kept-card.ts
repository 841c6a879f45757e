/**
 * What the customer's phone knows about its card: a snapshot kept on the phone
 * (db/browser-storage: a phone is not a shop tablet and holds no shop database), the
 * newest of which is shown, marked with when it was taken. The shop's card
 * endpoint fills it when the phone is online (GET /api/card/<token>, served by
 * the sync server); until then the card says that stamps will appear later.
 */
import { readJson, STORED, writeJson } from '../../db/browser-storage';

export interface CardVisit {
  at: number;
  stamps: number;
}

export interface CardSnapshot {
  shopName: string;
  firstName: string;
  stampsPerCard: number;
  rewardName: string;
  /** Stamp balance (may be negative after a conflict the owner has not settled). */
  balance: number;
  tier: string | null;
  recentVisits: CardVisit[];
  /** With expiry on: the next stamps to expire and their last day (YYYY-MM-DD). */
  expiring?: { stamps: number; on: string } | null;
  /** When this was true (ms). */
  updatedAt: number;
}

function isSnapshot(v: unknown): v is CardSnapshot {
  const s = v as CardSnapshot;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.shopName === 'string' &&
    typeof s.firstName === 'string' &&
    Number.isInteger(s.stampsPerCard) &&
    s.stampsPerCard >= 2 &&
    typeof s.rewardName === 'string' &&
    Number.isInteger(s.balance) &&
    (s.tier === null || typeof s.tier === 'string') &&
    Array.isArray(s.recentVisits) &&
    s.recentVisits.every((x) => typeof x?.at === 'number' && typeof x?.stamps === 'number') &&
    typeof s.updatedAt === 'number' &&
    (s.expiring === undefined ||
      s.expiring === null ||
      (Number.isInteger(s.expiring.stamps) && typeof s.expiring.on === 'string'))
  );
}

export const readSnapshot = (memberId: string): CardSnapshot | null =>
  readJson(STORED.keptCard(memberId), isSnapshot);

/** Storage full or private mode: the card still shows, just not offline next time. */
export const saveSnapshot = (memberId: string, snapshot: CardSnapshot): void =>
  void writeJson(STORED.keptCard(memberId), snapshot);

/** The card's state from the shop, when the phone is online and the shop's server has it. */
export async function fetchCard(token: string, now: number): Promise<CardSnapshot | null> {
  try {
    const res = await fetch(`/api/card/${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return null;
    const body: unknown = await res.json();
    const snapshot = { ...(body as object), updatedAt: now };
    return isSnapshot(snapshot) ? snapshot : null;
  } catch {
    return null; // offline, or no sync server: what the phone knows stays on screen
  }
}
