/**
 * Stamp expiry (off unless the owner turns it on), derived from the ledger the
 * same way on every tablet and on the server: nobody writes an "expired" event.
 *
 * Two rules, N months in the shop's calendar:
 * - `earned`: each stamp counts until the same date N months after the day it
 *   was earned; spending takes the oldest stamps first (first in, first out);
 * - `lastVisit`: stamps count until N months after the member's last visit (a
 *   stamp visit); a stamp earned after that visit (a bonus) counts N months
 *   from its own day. A visit after stamps expired does not bring them back.
 * "Expire on 12 March" means 12 March is the last day they count.
 *
 * Nothing ever expires before the rule's `since` date (the day the owner set
 * the rule): stamps earned earlier count as earned that day, so turning expiry
 * on, or shortening it, never takes stamps away at once.
 *
 * What expiry needs of a member's history is kept as a day-by-day summary,
 * `StampDay`s (stamps earned, spent and visits per local date, reversals
 * netted into the day of the event they undo). It is a sum, so it folds in any
 * order and in parts: the packed history a tablet holds as stats (Member.base)
 * and the events it holds as rows combine exactly. Within one day the order of
 * earning and spending does not matter to expiry (stamps of one day are alike
 * and the oldest are always spent first), which is why a day is enough.
 */
import { cardView, effectiveEvents, foldLedger, type MemberStats } from './balance';
import { addMonths, dayInZone, isLocalDate, type LocalDate } from './calendar';
import { sortEvents, type EventType, type LedgerEvent } from './ledger';

export const EXPIRY_MONTHS_MIN = 1;
export const EXPIRY_MONTHS_MAX = 36;

export type ExpiryMode = 'lastVisit' | 'earned';

/** A shop setting (proposed: ShopSettings.expiry). `since`: nothing expires before it. */
export type ExpiryRule = { mode: 'off' } | { mode: ExpiryMode; months: number; since: LocalDate };

export const EXPIRY_OFF: ExpiryRule = Object.freeze({ mode: 'off' });

/** One local date of a member's history: stamps earned and spent, and stamp visits, net of undos. */
export type StampDay = [day: LocalDate, earned: number, spent: number, visits: number];

/** What the member's cached stats keep for expiry (proposed: MemberStats.stampDays). */
export interface StampHistory {
  /** Days with any activity, oldest first. */
  stampDays: StampDay[];
}

export type ExpiryStats = MemberStats & StampHistory;

// ---- the rule ----

export type ExpiryRuleError = 'expiry.months' | 'expiry.since';

export function validateExpiryRule(rule: ExpiryRule): ExpiryRuleError[] {
  if (rule.mode === 'off') return [];
  const errors: ExpiryRuleError[] = [];
  if (
    !Number.isInteger(rule.months) ||
    rule.months < EXPIRY_MONTHS_MIN ||
    rule.months > EXPIRY_MONTHS_MAX
  )
    errors.push('expiry.months');
  if (!isLocalDate(rule.since)) errors.push('expiry.since');
  return errors;
}

/**
 * The rule as saved when the owner changes it: any change of mode or months
 * starts counting from `today`, so members never lose stamps without the full
 * N months' notice. An unchanged rule keeps its date.
 */
export function savedExpiryRule(
  previous: ExpiryRule | undefined,
  next: { mode: 'off' } | { mode: ExpiryMode; months: number },
  today: LocalDate,
): ExpiryRule {
  if (next.mode === 'off') return EXPIRY_OFF;
  if (previous && previous.mode === next.mode && previous.months === next.months) return previous;
  return { mode: next.mode, months: next.months, since: today };
}

// ---- the fold: events → stamp days ----

type Kind = 'earn' | 'spend';

/** Stamps and bonuses are earned, rewards spent; anything else by its sign (adjustments). */
function kindOf(type: EventType, stamps: number): Kind {
  if (type === 'stamp' || type === 'bonus') return 'earn';
  if (type === 'redeem') return 'spend';
  return stamps >= 0 ? 'earn' : 'spend';
}

/**
 * When the event a reversal undoes was made, if the reversal recorded it
 * (proposed: `reversed.at`; older reversals lack it and count on their own day).
 */
function recordedTargetAt(reversal: LedgerEvent): number | null {
  const at = (reversal.reversed as { at?: unknown } | undefined)?.at;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

/**
 * Folds a member's events (any order) onto the stamp days of the history
 * before them. The undo of an event counts on that event's day, so an undone
 * stamp leaves no trace. An event undone here but held only in `base` counts
 * on the day the reversal recorded for it (else the reversal's own day).
 */
export function foldStampDays(
  events: readonly LedgerEvent[],
  base: readonly StampDay[],
  dayOf: (at: number) => LocalDate,
  /** A legacy base holds its history on this one day: undos of it count there too. */
  baseFrom: LocalDate = '',
): StampDay[] {
  const ordered = sortEvents(events);
  const listed = new Set(ordered.map((e) => e.id));
  const baseTargetAt = new Map<string, number>();
  for (const e of ordered) {
    if (e.type !== 'reversal' || !e.reverses || listed.has(e.reverses)) continue;
    const at = recordedTargetAt(e);
    if (at !== null) baseTargetAt.set(e.reverses, at);
  }
  const days = new Map<LocalDate, [number, number, number]>();
  for (const [day, earned, spent, visits] of base) days.set(day, [earned, spent, visits]);

  for (const effect of effectiveEvents(ordered)) {
    // An effect whose id is not among these events undoes an event of the base.
    const undoing = !listed.has(effect.id);
    const at = undoing ? (baseTargetAt.get(effect.id) ?? effect.at) : effect.at;
    const day = undoing && dayOf(at) < baseFrom ? baseFrom : dayOf(at);
    let entry = days.get(day);
    if (!entry) days.set(day, (entry = [0, 0, 0]));
    const original = undoing ? -effect.stamps : effect.stamps;
    if (kindOf(effect.type, original) === 'earn') entry[0] += effect.stamps;
    else entry[1] -= effect.stamps;
    if (effect.type === 'stamp') entry[2] += undoing ? -1 : 1;
  }

  const out: StampDay[] = [];
  for (const [day, [earned, spent, visits]] of days)
    if (earned !== 0 || spent !== 0 || visits !== 0) out.push([day, earned, spent, visits]);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Stamp days for stats cached before expiry existed (no `stampDays`): the whole
 * balance as earned on the member's last event day and one visit on the last
 * visit day. Later than the truth, so nothing expires earlier than the rule
 * says; exact once the stats are rebuilt from the ledger (or the server sends them).
 */
export function legacyStampDays(stats: MemberStats, dayOf: (at: number) => LocalDate): StampDay[] {
  const lastAt = stats.lastEventAt ?? stats.lastVisitAt;
  if (lastAt === null) return [];
  const days = new Map<LocalDate, StampDay>();
  const day = dayOf(lastAt);
  days.set(day, [day, Math.max(stats.balance, 0), Math.max(-stats.balance, 0), 0]);
  if (stats.lastVisitAt !== null) {
    const visitDay = dayOf(stats.lastVisitAt);
    const entry = days.get(visitDay) ?? [visitDay, 0, 0, 0];
    entry[3] = 1;
    days.set(visitDay, entry);
  }
  return [...days.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** A member's stamp days from cached stats, whether or not they were cached with them. */
export function stampDaysOf(
  stats: MemberStats & Partial<StampHistory>,
  dayOf: (at: number) => LocalDate,
): StampDay[] {
  return stats.stampDays ?? legacyStampDays(stats, dayOf);
}

/**
 * foldLedger's stats plus the stamp days: what a member row would cache. The
 * fold of a whole history equals the fold of its later part onto the fold of
 * its earlier part, so a joined tablet's packed base and its rows combine.
 */
export function foldExpiryStats(
  events: readonly LedgerEvent[],
  base: (MemberStats & Partial<StampHistory>) | undefined,
  dayOf: (at: number) => LocalDate,
): ExpiryStats {
  const legacy = base !== undefined && base.stampDays === undefined;
  const baseDays = base ? stampDaysOf(base, dayOf) : [];
  return {
    ...foldLedger(events, base),
    stampDays: foldStampDays(
      events,
      baseDays,
      dayOf,
      legacy ? (baseDays[baseDays.length - 1]?.[0] ?? '') : '',
    ),
  };
}

// ---- expiry over the stamp days ----

export interface ExpiringStamps {
  /** The last day these stamps count. */
  on: LocalDate;
  stamps: number;
}

export interface ExpiryView {
  /** The ledger's balance, before expiry. */
  plainBalance: number;
  /** What is left after expiry: what the card shows and rewards come from. Negative = owed. */
  balance: number;
  /** Stamps expired so far. */
  expired: number;
  /** The stamps that expire next, and their last day ("3 stamps expire on 12 March"). */
  next: ExpiringStamps | null;
  /** Every stamp still counting, by its last day, soonest first. */
  schedule: ExpiringStamps[];
}

interface Lot {
  day: LocalDate;
  stamps: number;
  /** Its last day by its own date (N months after max(day, since)), worked out once. */
  own: LocalDate;
}

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);

/** The stamps of one member while the days are played (plain functions: segments run this 100,000 times). */
interface Lots {
  months: number;
  since: LocalDate;
  byVisit: boolean;
  /** Oldest first; those before `head` are gone. */
  lots: Lot[];
  head: number;
  owed: number;
  expired: number;
  lastVisit: LocalDate;
  /** By last visit, every lot from before that visit shares this last day. */
  visitLastDay: LocalDate;
}

function lastDayOf(s: Lots, lot: Lot): LocalDate {
  return s.byVisit && lot.day <= s.lastVisit ? s.visitLastDay : lot.own;
}

/** Last days grow with the lot's day, so the oldest lots are the ones to check. */
function expireBefore(s: Lots, day: LocalDate): void {
  while (s.head < s.lots.length && lastDayOf(s, s.lots[s.head]!) < day) {
    s.expired += s.lots[s.head]!.stamps;
    s.head += 1;
  }
}

/** New stamps pay what is owed first. */
function earn(s: Lots, day: LocalDate, stamps: number): void {
  const paid = Math.min(s.owed, stamps);
  s.owed -= paid;
  stamps -= paid;
  if (stamps === 0) return;
  const last = s.lots[s.lots.length - 1];
  if (s.lots.length > s.head && last!.day === day) last!.stamps += stamps;
  else s.lots.push({ day, stamps, own: addMonths(later(day, s.since), s.months) });
}

/** Spending takes the oldest stamps first; what it cannot take is owed. */
function spend(s: Lots, stamps: number): void {
  while (stamps > 0 && s.head < s.lots.length) {
    const lot = s.lots[s.head]!;
    const taken = Math.min(lot.stamps, stamps);
    lot.stamps -= taken;
    stamps -= taken;
    if (lot.stamps === 0) s.head += 1;
  }
  s.owed += stamps;
}

/** An undone earning takes the newest stamps, then expired ones back, then is owed. */
function unearn(s: Lots, stamps: number): void {
  while (stamps > 0 && s.lots.length > s.head) {
    const lot = s.lots[s.lots.length - 1]!;
    const taken = Math.min(lot.stamps, stamps);
    lot.stamps -= taken;
    stamps -= taken;
    if (lot.stamps === 0) s.lots.pop();
  }
  const restored = Math.min(s.expired, stamps);
  s.expired -= restored;
  s.owed += stamps - restored;
}

/**
 * A member's stamps after expiry, as of `today` (the shop's local date).
 * Stamps are kept as lots by the day they were earned. Day by day: lots whose
 * last day has passed expire; an undone earning takes the newest stamps (then
 * gives back expired ones, then is owed); stamps earned pay what is owed first;
 * spending takes the oldest stamps first, and what it cannot take is owed.
 * Owed stamps never expire.
 */
export function expiryView(
  stampDays: readonly StampDay[],
  rule: ExpiryRule,
  today: LocalDate,
): ExpiryView {
  let plainBalance = 0;
  for (const [, earned, spent] of stampDays) plainBalance += earned - spent;
  if (rule.mode === 'off')
    return { plainBalance, balance: plainBalance, expired: 0, next: null, schedule: [] };

  const s: Lots = {
    months: rule.months,
    since: rule.since,
    byVisit: rule.mode === 'lastVisit',
    lots: [],
    head: 0,
    owed: 0,
    expired: 0,
    lastVisit: '',
    visitLastDay: '',
  };
  const days = isSorted(stampDays) ? stampDays : [...stampDays].sort(byDay);
  for (const [day, earned, spent, visits] of days) {
    // An event dated after today (a tablet's clock ahead) must not make stamps expire early.
    expireBefore(s, day < today ? day : today);
    if (earned < 0) unearn(s, -earned);
    if (spent < 0) earn(s, day, -spent);
    if (earned > 0) earn(s, day, earned);
    if (spent > 0) spend(s, spent);
    if (visits > 0 && day > s.lastVisit) {
      s.lastVisit = day;
      s.visitLastDay = addMonths(later(day, s.since), s.months);
    }
  }
  expireBefore(s, today);

  const schedule: ExpiringStamps[] = [];
  let live = 0;
  for (let i = s.head; i < s.lots.length; i++) {
    const lot = s.lots[i]!;
    live += lot.stamps;
    const on = lastDayOf(s, lot);
    const last = schedule[schedule.length - 1];
    if (last && last.on === on) last.stamps += lot.stamps;
    else schedule.push({ on, stamps: lot.stamps });
  }
  return {
    plainBalance,
    balance: live - s.owed,
    expired: s.expired,
    next: schedule[0] ?? null,
    schedule,
  };
}

const byDay = (a: StampDay, b: StampDay) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
function isSorted(days: readonly StampDay[]): boolean {
  for (let i = 1; i < days.length; i++) if (days[i - 1]![0] > days[i]![0]) return false;
  return true;
}

/** A member's balance after expiry, from cached stats (stats without stamp days expire nothing early). */
export function balanceAfterExpiry(
  stats: MemberStats & Partial<StampHistory>,
  rule: ExpiryRule,
  today: LocalDate,
  dayOf: (at: number) => LocalDate,
): number {
  if (rule.mode === 'off') return stats.balance;
  return expiryView(stampDaysOf(stats, dayOf), rule, today).balance;
}

/**
 * Insights' outstanding rewards (the shop's liability) without expired stamps:
 * full cards the members could still exchange today.
 */
export function outstandingRewards(
  members: Iterable<{ stats: MemberStats & Partial<StampHistory> }>,
  rule: ExpiryRule,
  today: LocalDate,
  stampsPerCard: number,
  dayOf: (at: number) => LocalDate,
): { rewards: number; expiredStamps: number } {
  let rewards = 0;
  let expiredStamps = 0;
  for (const { stats } of members) {
    if (rule.mode === 'off') {
      rewards += cardView(stats.balance, stampsPerCard).pendingRewards;
      continue;
    }
    const view = expiryView(stampDaysOf(stats, dayOf), rule, today);
    rewards += cardView(view.balance, stampsPerCard).pendingRewards;
    expiredStamps += view.expired;
  }
  return { rewards, expiredStamps };
}

// ---- one member, from the ledger ----

/**
 * The local date of a moment in the shop's zone (settings.timeZone), else in
 * `fallback` (the device's own zone; UTC on the server). A zone this runtime
 * does not know counts as the fallback rather than failing the counter.
 */
export function shopDayOf(
  shop: { timeZone?: string },
  fallback: string,
): (at: number) => LocalDate {
  for (const zone of [shop.timeZone, fallback, 'UTC'])
    if (zone)
      try {
        return dayInZone(zone);
      } catch {
        // an unknown zone: try the next
      }
  return dayInZone('UTC');
}

/** Whether the shop's stamps expire at all. */
export function expiryOn(shop: { expiry?: ExpiryRule }): boolean {
  return shop.expiry !== undefined && shop.expiry.mode !== 'off';
}

/**
 * A member's stamps after expiry from their events (and the packed history a
 * joined tablet holds as `base`), as of `now`: what the counter shows, what
 * redeeming may spend and what the customer's card says. Exact, undos on
 * their own target's day; the server and every tablet get the same answer.
 */
export function memberExpiry(
  events: readonly LedgerEvent[],
  base: MemberStats | undefined,
  rule: ExpiryRule,
  now: number,
  dayOf: (at: number) => LocalDate,
): ExpiryView {
  const { stampDays } = foldExpiryStats(events, base, dayOf);
  return expiryView(stampDays, rule, dayOf(now));
}
