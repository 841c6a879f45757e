/**
 * The owner's insights, computed offline from the local ledger in one pass:
 * feed every event to an accumulator (it keeps only small aggregates, so a
 * million events fit), then finish with the members' cached stats.
 *
 * Definitions (shown on screen too):
 * - active member: visited in the last 30 days;
 * - a visit is a stamp event; it is "new" when it is the member's first visit;
 * - retention: of the members who visited in the period before the range (same
 *   length), the share who visited again within the range;
 * - churned member: has visited, but not for `churnDays` days (default 60);
 *   churn rate = churned / members who have ever visited;
 * - redemption rate: stamps spent on rewards / stamps earned, within the range;
 * - outstanding rewards: full cards not yet redeemed (the shop's liability);
 * - satisfaction index: share of ratings that are 4 or 5, within the range.
 */
import { cardView, type MemberStats } from './balance';
import type { LedgerEvent } from './ledger';

const DAY = 86_400_000;

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
  days: DayFigures[];
  newVisits: number;
  returningVisits: number;
  retentionRate: number | null;
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
  comments: { at: number; memberId: string; rating: number; comment: string }[];
  topMembers: { memberId: string; visits: number; stamps: number }[];
  staff: StaffFigures[];
}

export interface InsightsMember {
  id: string;
  stats: MemberStats;
  /** Paid club membership valid until (ms), if any. */
  clubUntil?: number | null;
}

/** Extra event fields other rules record; read defensively (older events lack them). */
interface EventExtras {
  rating?: number;
  comment?: string;
  override?: { reason: string };
  rewardKind?: 'card' | 'item' | 'merch' | 'donation';
}

const BUCKETS: [string, number, number][] = [
  ['1', 1, 1],
  ['2–3', 2, 3],
  ['4–6', 4, 6],
  ['7–12', 7, 12],
  ['13+', 13, Infinity],
];

export function createInsights(options: InsightsOptions) {
  const { from, to } = options;
  const previousFrom = from - (to - from);
  const days = new Map<string, DayFigures>();
  const visitsInRange = new Map<string, { visits: number; stamps: number }>();
  const visitedBefore = new Set<string>();
  const firstVisit = new Map<string, number>();
  const staff = new Map<string, StaffFigures>();
  const reversed = new Set<string>();
  const inRange: (LedgerEvent & EventExtras)[] = [];
  let comments: Insights['comments'] = [];

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

  return {
    /** Feed every event of the ledger, in any order. */
    add(event: LedgerEvent): void {
      if (event.type === 'reversal' && event.reverses) {
        reversed.add(event.reverses);
        return;
      }
      if (event.type === 'stamp') {
        const first = firstVisit.get(event.memberId);
        if (first === undefined || event.at < first) firstVisit.set(event.memberId, event.at);
        if (event.at >= previousFrom && event.at < from) visitedBefore.add(event.memberId);
      }
      if (event.at >= from && event.at < to) inRange.push(event);
    },

    finish(members: readonly InsightsMember[]): Insights {
      let stampsEarned = 0;
      let stampsRedeemed = 0;
      let redemptions = 0;
      let newVisits = 0;
      let returningVisits = 0;
      let ratings = 0;
      let ratingSum = 0;
      let happy = 0;
      const donations = { count: 0, stamps: 0 };
      // A member's first visit: the earliest this ledger shows, or the cached stats' (packed history).
      const firstOf = new Map(firstVisit);
      for (const m of members) {
        const cached = m.stats.firstVisitAt;
        if (cached !== null && cached < (firstOf.get(m.id) ?? Infinity)) firstOf.set(m.id, cached);
      }
      // Reversals seen anywhere in the ledger cancel the events they undo.
      for (const e of inRange) {
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
          const isNew = firstOf.get(e.memberId) === e.at;
          if (isNew) {
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
          if (e.rewardKind === 'donation') {
            donations.count += 1;
            donations.stamps += -e.stamps;
          }
        }
        if (typeof e.rating === 'number') {
          ratings += 1;
          ratingSum += e.rating;
          if (e.rating >= 4) happy += 1;
          if (e.comment)
            comments.push({ at: e.at, memberId: e.memberId, rating: e.rating, comment: e.comment });
        }
      }
      comments = comments.sort((a, b) => b.at - a.at).slice(0, 20);

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
          if (options.now - last <= 30 * DAY) active += 1;
          if (options.now - last > options.churnDays * DAY) churned += 1;
        }
        outstandingRewards += cardView(m.stats.balance, options.stampsPerCard).pendingRewards;
        if (m.clubUntil && m.clubUntil > options.now) clubMembers += 1;
      }

      const frequency = BUCKETS.map(([bucket, lo, hi]) => ({
        bucket,
        members: [...visitsInRange.values()].filter((v) => v.visits >= lo && v.visits <= hi).length,
      }));
      const topMembers = [...visitsInRange.entries()]
        .map(([memberId, v]) => ({ memberId, ...v }))
        .sort(
          (a, b) =>
            b.visits - a.visits || b.stamps - a.stamps || (a.memberId < b.memberId ? -1 : 1),
        )
        .slice(0, 10);

      return {
        activeMembers: active,
        members: members.length,
        days: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
        newVisits,
        returningVisits,
        retentionRate: visitedBefore.size > 0 ? retained / visitedBefore.size : null,
        churnRate: everVisited > 0 ? churned / everVisited : null,
        churned,
        frequency,
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
        comments,
        topMembers,
        staff: [...staff.values()].sort((a, b) => b.stamps - a.stamps),
      };
    },
  };
}
