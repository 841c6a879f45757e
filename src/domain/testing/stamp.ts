/** Helpers for the decisions' unit tests: a UTC calendar, members and events as a tablet holds them. */
import { EMPTY_STATS, foldLedger, type MemberStats } from '../balance';
import type { EventDraft, LedgerEvent } from '../ledger';
import type { ClubOffer } from '../stamp/club';
import type { Calendar, Decision, Moment } from '../stamp/decision';

/** The shop's calendar in UTC, so tests do not depend on the machine's time zone. */
export const utcCalendar: Calendar = {
  day(at) {
    const d = new Date(at);
    return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
  },
};

export const MIN = 60_000;
export const DAY = 86_400_000;
/** Friday 20 March 2026, 10:00 UTC. */
export const T0 = Date.UTC(2026, 2, 20, 10, 0);

export const at = (time: number, staffId = 'owner'): Moment => ({
  at: time,
  staffId,
  calendar: utcCalendar,
});

let seq = 0;
/** A decided event as a tablet stores it (its id, device and sequence number filled in). */
export function stored(draft: EventDraft): LedgerEvent {
  seq += 1;
  return { ...draft, id: `E${String(seq).padStart(6, '0')}`, deviceId: 'tab', seq };
}

export interface TestMember {
  id: string;
  birthday: string | null;
  referredBy?: string | null;
  selfJoined?: boolean;
  stats: MemberStats;
}

export const member = (id: string, patch: Partial<TestMember> = {}): TestMember => ({
  id,
  birthday: null,
  stats: EMPTY_STATS,
  ...patch,
});

/** The member after these events (stats folded from the ledger, as db/ledger.ts keeps them). */
export const withEvents = (m: TestMember, events: readonly LedgerEvent[]): TestMember => ({
  ...m,
  stats: foldLedger(events.filter((e) => e.memberId === m.id)),
});

/** The decision's events, or a failure naming the refusal. */
export function eventsOf(decision: Decision): EventDraft[] {
  if ('refused' in decision) throw new Error(`refused: ${decision.refused}`);
  return decision.events;
}

/** The shop's club as the stamp tests sell it. */
export const kopiClub: ClubOffer = {
  name: 'Kopi Club',
  price: 50_000,
  period: 'month',
  multiplier: 2,
  perks: '',
};
