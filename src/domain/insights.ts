/**
 * The owner's insights, computed offline from the local ledger in one pass:
 * feed every event to an accumulator (it keeps small aggregates and a compact
 * note of the events inside the range, so a million events fit), then finish
 * with the members' cached stats.
 *
 * Definitions (shown on screen too):
 * - a visit is a stamp event; it is "new" when it is the member's first visit;
 * - active member: visited in the 30 days up to now;
 * - retention: of the members who visited in the period before the range (same
 *   length), the share who visited again within the range;
 * - churned member: has visited, but not for `churnDays` days (default 60);
 *   churn rate = churned / members who have ever visited;
 * - redemption rate: stamps spent on rewards / stamps earned, within the range;
 * - outstanding rewards: full cards not yet redeemed (the shop's liability);
 * - donations: redemptions of a reward of kind "donation", within the range;
 * - club members: members whose paid club membership runs past now;
 * - satisfaction index: share of ratings that are 4 or 5, within the range.
 * Reversed events count nowhere. Fields added by later rules are read
 * defensively: older events lack them, event types unknown here are ignored.
 */
import { cardView, type MemberStats } from './balance';
import type { LedgerEvent } from './ledger';

const DAY = 86_400_000;
export const DEFAULT_CHURN_DAYS = 60;
export const CHURN_DAYS_MIN = 7;
export const CHURN_DAYS_MAX = 365;
export const ACTIVE_DAYS = 30;
export const TOP_MEMBERS = 10;
export const RECENT_COMMENTS = 20;

export interface InsightsOptions {
  /** Range [from, to) in ms; days are counted in the shop's zone via `dayOf`. */
  from: number;
  to: number;
  now: number;
  churnDays: number;
  stampsPerCard: number;
  /** Local calendar day of a timestamp, YYYY-MM-DD (the caller knows the zone). */
  dayOf: (at: number) => string;
}

export interface DayFigures {
  day: string;
  stamps: number;
  redemptions: number;
  newVisits: number;
  returningVisits: number;
}

export interface StaffFigures {
  staffId: string;
  stamps: number;
  visits: number;
  overrides: number;
}

export interface Insights {
  activeMembers: number;
  members: number;
  /** Only days with activity, in order. */
  days: DayFigures[];
  newVisits: number;
  returningVisits: number;
  retentionRate: number | null;
  /** Members who visited in the period before the range (retention's base). */
  visitedBefore: number;
  churnRate: number | null;
  churned: number;
  /** Members by visits in the range: buckets "1", "2–3", "4–6", "7–12", "13+". */
  frequency: { bucket: string; members: number }[];
  stampsEarned: number;
  stampsRedeemed: number;
  redemptions: number;
  redemptionRate: number | null;
  outstandingRewards: number;
  donations: { count: number; stamps: number };
  clubMembers: number;
  satisfaction: { index: number | null; ratings: number; average: number | null };
  /** Newest first, at most RECENT_COMMENTS. */
  comments: { at: number; memberId: string; rating: number; comment: string }[];
  topMembers: { memberId: string; visits: number; stamps: number }[];
  staff: StaffFigures[];
}

/** What finish() needs of a member: a few cached stats (kept small for 100,000 members). */
export interface InsightsMember {
  id: string;
  stats: Pick<MemberStats, 'balance' | 'firstVisitAt' | 'lastVisitAt'>;
  /** Paid club membership valid until (ms), if the member row knows it. */
  clubUntil?: number | null;
}

/** Extra event fields other rules record; read defensively (older events lack them). */
interface EventExtras {
  rating?: unknown;
  comment?: unknown;
  override?: unknown;
  rewardKind?: unknown;
}

/** What the accumulator keeps of an event inside the range (not the whole event). */
interface Note {
  id: string;
  memberId: string;
  staffId: string;
  type: string;
  stamps: number;
  at: number;
  override: boolean;
  donation: boolean;
  rating: number | null;
  comment: string | null;
}

const BUCKETS: [string, number, number][] = [
  ['1', 1, 1],
  ['2–3', 2, 3],
  ['4–6', 4, 6],
  ['7–12', 7, 12],
  ['13+', 13, Infinity],
];

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** When the paid club membership sold by this event ends, if it is a club sale. */
export function clubUntilOf(event: LedgerEvent): number | null {
  const until: unknown = event.type === 'club' ? event.club?.until : undefined;
  return isTime(until) ? until : null;
}

function ratingOf(e: EventExtras): number | null {
  return typeof e.rating === 'number' && e.rating >= 1 && e.rating <= 5 ? e.rating : null;
}

/**
 * A member as the ledger alone shows it, for when reading 100,000 member rows
 * would cost more than the whole pass: the balance, and the latest few visits
 * (an undone visit is skipped at the end; a few undos in a row are plenty).
 */
interface LedgerMember {
  balance: number;
  latest: { at: number; id: string }[];
  /** The earliest few visits, oldest first: the first one not undone is the member's first visit. */
  earliest: { at: number; id: string }[];
}
const LATEST_KEPT = 4;

/** Keep `visit` if it is among the LATEST_KEPT that sort first by `before` (a short list: a sort is cheap). */
function keepFirst(
  list: { at: number; id: string }[],
  visit: { at: number; id: string },
  before: (a: number, b: number) => number,
): void {
  if (list.length >= LATEST_KEPT && before(visit.at, list[list.length - 1]!.at) >= 0) return;
  list.push(visit);
  list.sort((a, b) => before(a.at, b.at));
  if (list.length > LATEST_KEPT) list.pop();
}

export function createInsights(options: InsightsOptions) {
  const { from, to } = options;
  const previousFrom = from - (to - from);
  /** Visits in the period before the range, by member (an undone one is dropped at the end). */
  const visitsBefore: { id: string; memberId: string }[] = [];
  const ledgerMembers = new Map<string, LedgerMember>();
  /** Stamps each undone event had, once per event (two tablets may undo the same one). */
  const undone = new Map<string, { memberId: string; stamps: number }>();
  const ledgerMember = (id: string) => {
    let m = ledgerMembers.get(id);
    if (!m) ledgerMembers.set(id, (m = { balance: 0, latest: [], earliest: [] }));
    return m;
  };
  const clubSales: { id: string; memberId: string; until: number }[] = [];
  const reversed = new Set<string>();
  const notes: Note[] = [];
  /** A member's first visit as the ledger shows it: the earliest not undone (reversals arrive in any order). */
  const firstVisitOf = (m: LedgerMember) => m.earliest.find((v) => !reversed.has(v.id))?.at ?? null;

  return {
    /** Feed every event of the ledger, in any order. */
    add(event: LedgerEvent): void {
      const e = event as LedgerEvent & EventExtras;
      if (e.type === 'reversal') {
        if (e.reverses) {
          reversed.add(e.reverses);
          ledgerMember(e.memberId);
          if (e.reversed?.type !== 'reversal' && !undone.has(e.reverses))
            undone.set(e.reverses, {
              memberId: e.memberId,
              stamps: e.reversed?.stamps ?? -e.stamps,
            });
        }
        return;
      }
      const lm = ledgerMember(e.memberId);
      if (typeof e.stamps === 'number') lm.balance += e.stamps;
      if (e.type === 'stamp') {
        const visit = { at: e.at, id: e.id };
        keepFirst(lm.latest, visit, (a, b) => b - a);
        keepFirst(lm.earliest, visit, (a, b) => a - b);
        if (e.at >= previousFrom && e.at < from)
          visitsBefore.push({ id: e.id, memberId: e.memberId });
      }
      const until = clubUntilOf(e);
      if (until !== null) clubSales.push({ id: e.id, memberId: e.memberId, until });
      if (e.at >= from && e.at < to)
        notes.push({
          id: e.id,
          memberId: e.memberId,
          staffId: e.staffId,
          type: e.type,
          stamps: e.stamps,
          at: e.at,
          override: typeof e.override === 'object' && e.override !== null,
          donation: e.rewardKind === 'donation',
          rating: ratingOf(e),
          comment: typeof e.comment === 'string' && e.comment.trim() ? e.comment.trim() : null,
        });
    },

    /** The members the ledger mentions, as it shows them (for when their rows are not read). */
    ledgerMembers(): InsightsMember[] {
      const undoneStamps = new Map<string, number>();
      for (const u of undone.values())
        undoneStamps.set(u.memberId, (undoneStamps.get(u.memberId) ?? 0) + u.stamps);
      return [...ledgerMembers.entries()].map(([id, m]) => ({
        id,
        stats: {
          balance: m.balance - (undoneStamps.get(id) ?? 0),
          firstVisitAt: firstVisitOf(m),
          lastVisitAt: m.latest.find((v) => !reversed.has(v.id))?.at ?? null,
        },
      }));
    },

    /** `memberCount`: how many members the shop has, when more than `members` lists. */
    finish(members: readonly InsightsMember[], memberCount = members.length): Insights {
      const days = new Map<string, DayFigures>();
      const staff = new Map<string, StaffFigures>();
      const visitsInRange = new Map<string, { visits: number; stamps: number }>();
      const day = (key: string) => {
        let d = days.get(key);
        if (!d)
          days.set(
            key,
            (d = { day: key, stamps: 0, redemptions: 0, newVisits: 0, returningVisits: 0 }),
          );
        return d;
      };
      const staffOf = (id: string) => {
        let s = staff.get(id);
        if (!s) staff.set(id, (s = { staffId: id, stamps: 0, visits: 0, overrides: 0 }));
        return s;
      };
      let stampsEarned = 0;
      let stampsRedeemed = 0;
      let redemptions = 0;
      let newVisits = 0;
      let returningVisits = 0;
      let ratings = 0;
      let ratingSum = 0;
      let happy = 0;
      const donations = { count: 0, stamps: 0 };
      const comments: Insights['comments'] = [];
      // A member's first visit: the earliest this ledger shows, or the cached stats' (packed history).
      const firstOf = new Map<string, number>();
      for (const [id, m] of ledgerMembers) {
        const first = firstVisitOf(m);
        if (first !== null) firstOf.set(id, first);
      }
      for (const m of members) {
        const cached = m.stats.firstVisitAt;
        if (cached !== null && cached < (firstOf.get(m.id) ?? Infinity)) firstOf.set(m.id, cached);
      }
      // Reversals seen anywhere in the ledger cancel the events they undo.
      for (const e of notes) {
        if (reversed.has(e.id)) continue;
        const figures = day(options.dayOf(e.at));
        const who = staffOf(e.staffId);
        if (e.override) who.overrides += 1;
        if (e.type === 'stamp' || e.type === 'bonus') {
          stampsEarned += e.stamps;
          figures.stamps += e.stamps;
          who.stamps += e.stamps;
        }
        if (e.type === 'stamp') {
          who.visits += 1;
          if (firstOf.get(e.memberId) === e.at) {
            newVisits += 1;
            figures.newVisits += 1;
          } else {
            returningVisits += 1;
            figures.returningVisits += 1;
          }
          const m = visitsInRange.get(e.memberId) ?? { visits: 0, stamps: 0 };
          m.visits += 1;
          m.stamps += e.stamps;
          visitsInRange.set(e.memberId, m);
        } else if (e.type === 'redeem') {
          redemptions += 1;
          figures.redemptions += 1;
          stampsRedeemed += -e.stamps;
          if (e.donation) {
            donations.count += 1;
            donations.stamps += -e.stamps;
          }
        }
        if (e.rating !== null) {
          ratings += 1;
          ratingSum += e.rating;
          if (e.rating >= 4) happy += 1;
          if (e.comment)
            comments.push({ at: e.at, memberId: e.memberId, rating: e.rating, comment: e.comment });
        }
      }

      // A member's club runs until the latest end of the sales not undone.
      const clubUntil = new Map<string, number>();
      for (const sale of clubSales)
        if (!reversed.has(sale.id) && sale.until > (clubUntil.get(sale.memberId) ?? -Infinity))
          clubUntil.set(sale.memberId, sale.until);
      const visitedBefore = new Set(
        visitsBefore.filter((v) => !reversed.has(v.id)).map((v) => v.memberId),
      );
      const retained = [...visitedBefore].filter((id) => visitsInRange.has(id)).length;
      let active = 0;
      let everVisited = 0;
      let churned = 0;
      let outstandingRewards = 0;
      let clubMembers = 0;
      for (const m of members) {
        const last = m.stats.lastVisitAt;
        if (last !== null) {
          everVisited += 1;
          if (options.now - last <= ACTIVE_DAYS * DAY) active += 1;
          if (options.now - last > options.churnDays * DAY) churned += 1;
        }
        outstandingRewards += cardView(m.stats.balance, options.stampsPerCard).pendingRewards;
        const until = Math.max(m.clubUntil ?? -Infinity, clubUntil.get(m.id) ?? -Infinity);
        if (until > options.now) clubMembers += 1;
      }

      const visitCounts = [...visitsInRange.values()];
      return {
        activeMembers: active,
        members: Math.max(memberCount, members.length),
        days: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
        newVisits,
        returningVisits,
        retentionRate: visitedBefore.size > 0 ? retained / visitedBefore.size : null,
        visitedBefore: visitedBefore.size,
        churnRate: everVisited > 0 ? churned / everVisited : null,
        churned,
        frequency: BUCKETS.map(([bucket, lo, hi]) => ({
          bucket,
          members: visitCounts.filter((v) => v.visits >= lo && v.visits <= hi).length,
        })),
        stampsEarned,
        stampsRedeemed,
        redemptions,
        redemptionRate: stampsEarned > 0 ? stampsRedeemed / stampsEarned : null,
        outstandingRewards,
        donations,
        clubMembers,
        satisfaction: {
          index: ratings > 0 ? happy / ratings : null,
          ratings,
          average: ratings > 0 ? ratingSum / ratings : null,
        },
        comments: comments.sort((a, b) => b.at - a.at).slice(0, RECENT_COMMENTS),
        topMembers: [...visitsInRange.entries()]
          .map(([memberId, v]) => ({ memberId, ...v }))
          .sort(
            (a, b) =>
              b.visits - a.visits || b.stamps - a.stamps || (a.memberId < b.memberId ? -1 : 1),
          )
          .slice(0, TOP_MEMBERS),
        staff: [...staff.values()].sort(
          (a, b) => b.stamps - a.stamps || (a.staffId < b.staffId ? -1 : 1),
        ),
      };
    },
  };
}

/** Every calendar day of [from, to), YYYY-MM-DD, for a chart's continuous axis. */
export function daysOfRange(from: number, to: number, dayOf: (at: number) => string): string[] {
  const out: string[] = [];
  // Step by 6 hours so a short or long day (a zone change) never skips a date.
  for (let at = from; at < to; at += DAY / 4) {
    const d = dayOf(at);
    if (out[out.length - 1] !== d) out.push(d);
  }
  return out;
}

/** Churn days as the owner typed them: a whole number of days in range, else null. */
export function parseChurnDays(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= CHURN_DAYS_MIN && n <= CHURN_DAYS_MAX ? n : null;
}
