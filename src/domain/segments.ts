/**
 * Segments for the owner's Messages: which members a message goes to. Pure
 * functions over member rows (their cached stats) and what the caller passes
 * in (today in the shop's calendar, the expiry rule, tiers, club ends), fast
 * enough for 100,000 members in a worker.
 *
 * A message only ever goes to a member who can be reached: marketing consent
 * given, a phone number, not anonymised, not merged into another member.
 */
import { cardView } from './balance';
import { addDays, daysBetween, isLeapYear, startOfWeek, type LocalDate } from './calendar';
import { expiryView, stampDaysOf, type ExpiryRule, type ExpiryView } from './expiry';
import type { Member } from './member';

const DAY = 86_400_000;

export type Segment =
  | { kind: 'everyone' }
  /** Visited before, but not for `days` days. */
  | { kind: 'lapsed'; days: number }
  /** Birthday in this week of the shop's calendar. */
  | { kind: 'birthdayWeek' }
  /** At most `stamps` stamps (1 or 2) from the card's reward. */
  | { kind: 'nearReward'; stamps: number }
  /** Stamps whose last day is within `days` days (expiry on). */
  | { kind: 'expiring'; days: number }
  | { kind: 'tier'; tierId: string }
  /** A paid club membership that ends within `days` days. */
  | { kind: 'clubEnding'; days: number };

export type SegmentKind = Segment['kind'];

/** What the Messages screen offers first. */
export const DEFAULT_SEGMENTS: readonly Segment[] = [
  { kind: 'lapsed', days: 60 },
  { kind: 'birthdayWeek' },
  { kind: 'nearReward', stamps: 2 },
  { kind: 'expiring', days: 14 },
  { kind: 'clubEnding', days: 14 },
  { kind: 'everyone' },
];

export const SEGMENT_LIMITS = {
  lapsedDays: [1, 3650],
  nearRewardStamps: [1, 5],
  expiringDays: [1, 90],
  clubEndingDays: [1, 90],
} as const satisfies Record<string, readonly [number, number]>;

export type SegmentError = 'segment.days' | 'segment.stamps' | 'segment.tier';

export function validateSegment(segment: Segment): SegmentError | null {
  const within = (n: number, [min, max]: readonly [number, number]) =>
    Number.isInteger(n) && n >= min && n <= max;
  switch (segment.kind) {
    case 'lapsed':
      return within(segment.days, SEGMENT_LIMITS.lapsedDays) ? null : 'segment.days';
    case 'nearReward':
      return within(segment.stamps, SEGMENT_LIMITS.nearRewardStamps) ? null : 'segment.stamps';
    case 'expiring':
      return within(segment.days, SEGMENT_LIMITS.expiringDays) ? null : 'segment.days';
    case 'clubEnding':
      return within(segment.days, SEGMENT_LIMITS.clubEndingDays) ? null : 'segment.days';
    case 'tier':
      return segment.tierId.trim() ? null : 'segment.tier';
    case 'everyone':
    case 'birthdayWeek':
      return null;
  }
}

export interface SegmentContext {
  now: number;
  /** Today in the shop's calendar. */
  today: LocalDate;
  /** The shop's local date of a moment. */
  dayOf: (at: number) => LocalDate;
  stampsPerCard: number;
  expiry: ExpiryRule;
  /** The member's tier id now, or null (the caller knows the program's tiers). */
  tierOf?: (member: Member) => string | null;
  /** When the member's paid club membership ends (ms), or null. */
  clubUntilOf?: (member: Member) => number | null;
  /** 1 = Monday (the default), 0 = Sunday. */
  weekStartsOn?: number;
}

/** A member in a segment, with what a message's {stamps} and {date} say for them. */
export interface SegmentMatch {
  member: Member;
  /**
   * The number the segment is about: stamps to go (near a reward), stamps
   * expiring (expiring), otherwise the stamps on the card.
   */
  stamps: number;
  /** The date it is about: expiry, club end, birthday this week, last visit (lapsed). */
  date: LocalDate | null;
}

/** Why a member gets no message, if they do not. */
export type Unreachable = 'merged' | 'anonymised' | 'noPhone' | 'noConsent';

export function unreachable(member: Member): Unreachable | null {
  if (member.mergedInto || member.placeholder) return 'merged';
  if (member.anonymised) return 'anonymised';
  if (!member.phone) return 'noPhone';
  if (!member.marketingConsent) return 'noConsent';
  return null;
}

/** The dates of this week (by month and day), for birthdays: 29 February falls on the 28th in other years. */
function birthdayWeek(today: LocalDate, weekStartsOn: number): Map<string, LocalDate> {
  const days = new Map<string, LocalDate>();
  const start = startOfWeek(today, weekStartsOn);
  for (let i = 0; i < 7; i++) {
    const day = addDays(start, i);
    days.set(day.slice(5), day);
    if (day.slice(5) === '02-28' && !isLeapYear(Number(day.slice(0, 4)))) days.set('02-29', day);
  }
  return days;
}

/** One member while segments test them: the expiry view is worked out once, only if needed. */
interface Probe {
  member: Member;
  view: ExpiryView | null | undefined;
}

function viewOf(p: Probe, ctx: SegmentContext): ExpiryView | null {
  if (p.view === undefined)
    p.view =
      ctx.expiry.mode === 'off'
        ? null
        : expiryView(stampDaysOf(p.member.stats, ctx.dayOf), ctx.expiry, ctx.today);
  return p.view;
}

/** Stamps on the card now: after expiry when it is on. */
function balanceOf(p: Probe, ctx: SegmentContext): number {
  return viewOf(p, ctx)?.balance ?? p.member.stats.balance;
}

type Values = Omit<SegmentMatch, 'member'>;
const COUNTED: Values = Object.freeze({ stamps: 0, date: null });

/** Tests a member against one segment; with `values`, also what {stamps} and {date} say. */
function matcher(segment: Segment, ctx: SegmentContext, values: boolean) {
  const week =
    segment.kind === 'birthdayWeek' ? birthdayWeek(ctx.today, ctx.weekStartsOn ?? 1) : null;
  const onCard = (p: Probe, date: LocalDate | null): Values =>
    values ? { stamps: Math.max(balanceOf(p, ctx), 0), date } : COUNTED;
  return (p: Probe): Values | null => {
    const member = p.member;
    switch (segment.kind) {
      case 'everyone':
        return onCard(p, null);
      case 'lapsed': {
        const last = member.stats.lastVisitAt;
        if (last === null || ctx.now - last < segment.days * DAY) return null;
        return values ? onCard(p, ctx.dayOf(last)) : COUNTED;
      }
      case 'birthdayWeek': {
        const date = member.birthday ? week!.get(member.birthday.slice(5)) : undefined;
        return date ? onCard(p, date) : null;
      }
      case 'nearReward': {
        const b = balanceOf(p, ctx);
        if (b < 0) return null;
        const missing = ctx.stampsPerCard - cardView(b, ctx.stampsPerCard).cardStamps;
        return missing <= segment.stamps ? { stamps: missing, date: null } : null;
      }
      case 'expiring': {
        const next = viewOf(p, ctx)?.next;
        if (!next || daysBetween(ctx.today, next.on) > segment.days) return null;
        return { stamps: next.stamps, date: next.on };
      }
      case 'tier':
        return ctx.tierOf?.(member) === segment.tierId ? onCard(p, null) : null;
      case 'clubEnding': {
        const until = ctx.clubUntilOf?.(member) ?? null;
        if (until === null || until <= ctx.now || until - ctx.now > segment.days * DAY) return null;
        return values ? onCard(p, ctx.dayOf(until)) : COUNTED;
      }
    }
  };
}

export interface SegmentSelection {
  /** Members the message can go to, in the order given. */
  matches: SegmentMatch[];
  /** Members in the segment who have a phone but gave no marketing consent (not messaged). */
  withoutConsent: number;
}

export function selectSegment(
  members: Iterable<Member>,
  segment: Segment,
  ctx: SegmentContext,
): SegmentSelection {
  const test = matcher(segment, ctx, true);
  // Members without consent are only counted: no values to work out for them.
  const count = matcher(segment, ctx, false);
  const matches: SegmentMatch[] = [];
  let withoutConsent = 0;
  for (const member of members) {
    const why = unreachable(member);
    if (why !== null && why !== 'noConsent') continue;
    const probe: Probe = { member, view: undefined };
    if (why === 'noConsent') {
      if (count(probe)) withoutConsent += 1;
      continue;
    }
    const match = test(probe);
    if (match) matches.push({ member, ...match });
  }
  return { matches, withoutConsent };
}

/** How many members each segment reaches, in one pass (the Messages screen's list). */
export function countSegments(
  members: Iterable<Member>,
  segments: readonly Segment[],
  ctx: SegmentContext,
): { reachable: number; counts: number[] } {
  const tests = segments.map((s) => matcher(s, ctx, false));
  const counts = segments.map(() => 0);
  let reachable = 0;
  for (const member of members) {
    if (unreachable(member) !== null) continue;
    reachable += 1;
    const probe: Probe = { member, view: undefined };
    for (let i = 0; i < tests.length; i++) if (tests[i]!(probe)) counts[i]! += 1;
  }
  return { reachable, counts };
}
