/**
 * The counter's commands as decisions. Each takes what the tablet knows of the
 * member (their standing), the shop's rules, what the cashier entered and the
 * moment, and returns the events to write or a refusal with its reason. Nothing
 * here reads a clock, a time zone or storage: src/db/counter.ts reads what a
 * decision needs, calls it and writes its events in one transaction.
 */
import type { EventDraft } from '../ledger';

/** How long after an action the counter offers "Undo". */
export const UNDO_WINDOW_MS = 5 * 60 * 1000;
/** How far back "Undo" looks: a margin beyond the undo window. */
export const UNDO_LOOKBACK_MS = 2 * UNDO_WINDOW_MS;

export const YEAR_MS = 365 * 86_400_000;
/**
 * How far back the rules look, which is all of a member's events a decision
 * needs: tiers count a rolling 12 months, the birthday bonus this year, the
 * cooldown minutes, a club its current period. A regular's whole history is never read.
 */
export const STANDING_LOOKBACK_MS = YEAR_MS + 31 * 86_400_000;

/** Why an action is refused: an i18n key (under `errors.`) and the values its message shows. */
export interface Refusal {
  refused: string;
  values: Record<string, number | string>;
}

/** The events an action writes, its own event first (a referrer's bonus may follow a stamp). */
export interface Decided {
  events: EventDraft[];
}

export type Decision = Decided | Refusal;

export function refuse(refused: string, values: Refusal['values'] = {}): Refusal {
  return { refused, values };
}

/** A local date, YYYY-MM-DD, and its weekday (0 = Sunday). */
export interface LocalDay {
  date: string;
  weekday: number;
}

/** The shop's calendar: promotions and birthdays go by local dates (the tablet's time zone). */
export interface Calendar {
  day(at: number): LocalDay;
}

/** When, and by whom, an action is made. */
export interface Moment {
  at: number;
  staffId: string;
  calendar: Calendar;
}

/** The calendar year of a moment, by the shop's calendar. */
export function yearIn(calendar: Calendar): (at: number) => number {
  return (at) => Number(calendar.day(at).date.slice(0, 4));
}
