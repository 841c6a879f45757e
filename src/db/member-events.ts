/**
 * The parts of a member's ledger the counter's decisions read: recent events
 * for "Undo", about a year for the program's rules, a reward's redemptions.
 * Bounded index reads: a regular's whole history is never read at the counter.
 */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../domain/ledger';
import {
  STANDING_LOOKBACK_MS,
  UNDO_LOOKBACK_MS,
  YEAR_MS,
  type Calendar,
} from '../domain/stamp/decision';
import { yearCountsByMember } from '../domain/stamp/standing';
import type { SetiaDB } from './schema';

/** The tablet's calendar: promotions and birthdays go by the shop's local dates. */
export const tabletCalendar: Calendar = {
  day(at) {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
      weekday: d.getDay(),
    };
  },
};

/** The member's events that "Undo" may look at. */
export function recentEvents(db: SetiaDB, memberId: string, now: number): Promise<LedgerEvent[]> {
  return eventsSince(db, memberId, now - UNDO_LOOKBACK_MS);
}

/** The member's events the program's rules look at (STANDING_LOOKBACK_MS, about a year). */
export function lastYearEvents(db: SetiaDB, memberId: string, now: number) {
  return eventsSince(db, memberId, now - STANDING_LOOKBACK_MS);
}

/**
 * The shop's events of the last 12 months, counted per member for the members
 * list and CSV (the same events the counter's lastYearEvents reads, all members at once).
 */
export async function shopYearCounts(db: SetiaDB, now: number) {
  const events = await db.events
    .where('at')
    .above(now - YEAR_MS)
    .toArray();
  return yearCountsByMember(events, now);
}

function eventsSince(db: SetiaDB, memberId: string, from: number): Promise<LedgerEvent[]> {
  return db.events
    .where('[memberId+at]')
    .between([memberId, from], [memberId, Dexie.maxKey])
    .toArray();
}

/** A reward's redemptions and their reversals: how many were given (domain/stamp/catalogue.ts givenCount). */
export async function rewardRedemptions(db: SetiaDB, rewardId: string): Promise<LedgerEvent[]> {
  const redeemed = await db.events.where('rewardId').equals(rewardId).toArray();
  const reversals = await db.events
    .where('reverses')
    .anyOf(redeemed.map((e) => e.id))
    .toArray();
  return [...redeemed, ...reversals];
}
