import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_STATS, foldLedger } from './balance';
import {
  clubUntilOf,
  createInsights,
  daysOfRange,
  parseChurnDays,
  type InsightsMember,
  type InsightsOptions,
} from './insights';
import type { LedgerEvent } from './ledger';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 1); // 1 Nov 2026, 00:00 UTC
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
let seq = 0;
/** What a club sale records (the program's ClubSale), ending at `until`. */
const sale = (until: number) => ({
  name: 'Kopi Club',
  period: 'month' as const,
  price: 50_000,
  multiplier: 2,
  until,
});
function e(
  memberId: string,
  dayNo: number,
  partial: Partial<LedgerEvent> & Pick<LedgerEvent, 'type' | 'stamps'>,
): LedgerEvent & Record<string, unknown> {
  seq += 1;
  return {
    id: `e${seq}`,
    memberId,
    at: T + dayNo * DAY + seq,
    deviceId: 'd',
    staffId: 'ana',
    seq,
    ...partial,
  };
}

/*
 * Members a, b, c, d. Range: 1–15 Nov (days 0..14); the period before: 17–31 Oct (days -15..-1).
 * a: visits on days -10, 2, 5 (returning ×2), redeems 10 on day 6 (donation), rates 5 "Great".
 * b: visits day -5 only (not retained), then nothing.
 * c: first visit day 3 (new), visits day 4 (returning), one visit reversed, rates 3.
 * d: visited day -90 only (churned at 60 days).
 */
const ledger = [
  e('a', -10, { type: 'stamp', stamps: 8 }),
  e('a', 2, { type: 'stamp', stamps: 1 }),
  e('a', 5, { type: 'stamp', stamps: 2, staffId: 'budi', override: { reason: 'regular' } }),
  e('a', 6, { type: 'redeem', stamps: -10, rewardKind: 'donation' }),
  e('a', 6, { type: 'adjustment', stamps: 0, rating: 5, comment: 'Great' }),
  e('b', -5, { type: 'stamp', stamps: 1 }),
  e('c', 3, { type: 'stamp', stamps: 1 }),
  e('c', 4, { type: 'stamp', stamps: 1 }),
  e('d', -90, { type: 'stamp', stamps: 10 }),
];
const undone = e('c', 4, { type: 'stamp', stamps: 5 });
ledger.push(
  undone,
  e('c', 4, { type: 'reversal', stamps: -5, reverses: undone.id }),
  e('c', 4, { type: 'adjustment', stamps: 0, rating: 3 }),
);

const members: InsightsMember[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  stats: foldLedger(
    ledger.filter((x) => x.memberId === id),
    EMPTY_STATS,
  ),
  clubUntil: id === 'a' ? T + 40 * DAY : null,
}));

const RANGE: InsightsOptions = {
  from: T,
  to: T + 15 * DAY,
  now: T + 15 * DAY,
  churnDays: 60,
  stampsPerCard: 10,
  dayOf,
};

function compute(
  events: readonly LedgerEvent[] = ledger,
  who: readonly InsightsMember[] = members,
  options: Partial<InsightsOptions> = {},
) {
  const acc = createInsights({ ...RANGE, ...options });
  for (const event of [...events].reverse()) acc.add(event);
  return acc.finish(who);
}

const statsOf = (events: readonly LedgerEvent[], id: string) =>
  foldLedger(
    events.filter((x) => x.memberId === id),
    EMPTY_STATS,
  );

// Computed in beforeEach, not in the describe body: Stryker turns a mutant on for tests only.
describe('insights on a fixed ledger', () => {
  let r: ReturnType<typeof compute>;
  beforeEach(() => {
    r = compute();
  });
  it('counts visits, new against returning, and per day', () => {
    expect(r.newVisits).toBe(1); // c on day 3
    expect(r.returningVisits).toBe(3); // a ×2, c on day 4
    expect(r.days.find((d) => d.day === '2026-11-04')).toEqual({
      day: '2026-11-04',
      stamps: 1,
      redemptions: 0,
      newVisits: 1,
      returningVisits: 0,
    });
    expect(r.days.find((d) => d.day === '2026-11-05')).toEqual({
      day: '2026-11-05',
      stamps: 1,
      redemptions: 0,
      newVisits: 0,
      returningVisits: 1,
    });
    expect(r.frequency).toEqual([
      { bucket: '1', members: 0 },
      { bucket: '2–3', members: 2 },
      { bucket: '4–6', members: 0 },
      { bucket: '7–12', members: 0 },
      { bucket: '13+', members: 0 },
    ]);
  });
  it('computes retention, churn and active members', () => {
    expect(r.retentionRate).toBe(0.5); // a and b visited before; only a came back
    expect(r.churned).toBe(1); // d
    expect(r.churnRate).toBe(0.25);
    expect(r.activeMembers).toBe(3); // a (day 5), b (day -5: 20 days ago), c
  });
  it('computes stamps, redemptions, donations, liability and club members', () => {
    expect(r.stampsEarned).toBe(5); // 1 + 2 + 1 + 1 (the reversed 5 does not count)
    expect(r.redemptions).toBe(1);
    expect(r.redemptionRate).toBe(2); // 10 spent / 5 earned within the range
    expect(r.donations).toEqual({ count: 1, stamps: 10 });
    expect(r.outstandingRewards).toBe(1); // d holds 10 stamps = one full card
    expect(r.clubMembers).toBe(1);
  });
  it('computes satisfaction, comments, top members and staff figures', () => {
    expect(r.satisfaction).toEqual({ index: 0.5, ratings: 2, average: 4 });
    expect(r.comments.map((c) => c.comment)).toEqual(['Great']);
    expect(r.topMembers).toEqual([
      { memberId: 'a', visits: 2, stamps: 3 },
      { memberId: 'c', visits: 2, stamps: 2 },
    ]);
    expect(r.staff).toEqual([
      { staffId: 'ana', stamps: 3, visits: 3, overrides: 0 },
      { staffId: 'budi', stamps: 2, visits: 1, overrides: 1 },
    ]);
  });
});

/*
 * A second ledger for what the first does not touch. Range 1–15 Nov again, now = 16 Nov 00:00.
 * p: joined through packed history (stats say first visit day -200); visits day 1 (returning),
 *    gets a bonus of 3 (stamps, not a visit), redeems a mug (10, not a donation), rates 4 with
 *    a blank comment; a club sale until day 30, then a second one until day 10.
 * q: first visit day 0 (new), donation of 10 on day 1 that is undone, donation of 5 on day 2;
 *    rates 2 "Cold coffee" on day 2 and 5 "Lovely" on day 9; a club sale until day 12
 *    that is undone; an override recorded on a bonus by "cici".
 * r: visited day -31 and day -16 only (active: no; churned after 20 days: yes; after 60: no).
 * s: a club sale that ended on day 5; an event of a type this code does not know.
 * Out of range: a rating of 1 with a comment on day 20 (not counted), a rating of 9 (ignored).
 */
const second = { events: [] as LedgerEvent[], who: [] as InsightsMember[], now: 0 };

describe('insights: bonuses, catalogue redemptions, clubs, comments and tolerance', () => {
  const at = (dayNo: number) => T + dayNo * DAY + 3600_000;
  const donation = e('q', 1, { type: 'redeem', stamps: -10, rewardKind: 'donation', at: at(1) });
  const qClub = e('q', 1, { type: 'club', stamps: 0, club: sale(at(12)) });
  const events: LedgerEvent[] = [
    e('p', 1, { type: 'stamp', stamps: 2, at: at(1) }),
    e('p', 1, { type: 'bonus', stamps: 3, at: at(1) }),
    e('p', 2, { type: 'redeem', stamps: -10, rewardKind: 'merch', at: at(2) }),
    e('p', 2, { type: 'adjustment', stamps: 0, rating: 4, comment: '   ', at: at(2) }),
    e('p', 0, { type: 'club', stamps: 0, at: at(0), club: sale(at(30)) }),
    e('p', 0, { type: 'club', stamps: 0, at: at(0), club: sale(at(10)) }),
    e('q', 0, { type: 'stamp', stamps: 1, at: at(0) }),
    donation,
    e('q', 1, { type: 'reversal', stamps: 10, reverses: donation.id, at: at(1) + 1 }),
    e('q', 2, { type: 'redeem', stamps: -5, rewardKind: 'donation', at: at(2) }),
    e('q', 2, { type: 'adjustment', stamps: 0, rating: 2, comment: 'Cold coffee', at: at(2) }),
    e('q', 9, { type: 'adjustment', stamps: 0, rating: 5, comment: ' Lovely ', at: at(9) }),
    qClub,
    e('q', 1, { type: 'reversal', stamps: 0, reverses: qClub.id, at: at(1) + 2 }),
    e('q', 3, {
      type: 'bonus',
      stamps: 1,
      staffId: 'cici',
      override: { reason: 'festival' },
      at: at(3),
    }),
    e('r', -31, { type: 'stamp', stamps: 1, at: at(-31) }),
    e('r', -16, { type: 'stamp', stamps: 1, at: at(-16) }),
    e('s', 0, { type: 'club', stamps: 0, at: at(0), club: sale(at(5)) }),
    { ...e('s', 3, { type: 'stamp', stamps: 0, at: at(3) }), type: 'tier' as 'stamp' },
    e('q', 20, { type: 'adjustment', stamps: 0, rating: 1, comment: 'Late', at: at(20) }),
    e('s', 4, { type: 'adjustment', stamps: 0, rating: 9, comment: 'Nonsense', at: at(4) }),
  ];
  const who: InsightsMember[] = ['p', 'q', 'r', 's'].map((id) => ({
    id,
    stats:
      id === 'p'
        ? { ...statsOf(events, 'p'), firstVisitAt: at(-200), balance: 25 }
        : statsOf(events, id),
  }));
  const now = T + 15 * DAY;
  let r: ReturnType<typeof compute>;
  beforeEach(() => {
    r = compute(events, who, { now });
  });
  Object.assign(second, { events, who, now });

  it('counts bonuses as stamps earned but not as visits', () => {
    expect(r.stampsEarned).toBe(2 + 3 + 1 + 1); // p stamp, p bonus, q stamp, q bonus
    expect(r.newVisits).toBe(1); // q on day 0
    expect(r.returningVisits).toBe(1); // p: packed history says day -200 came first
    expect(r.topMembers).toEqual([
      { memberId: 'p', visits: 1, stamps: 2 },
      { memberId: 'q', visits: 1, stamps: 1 },
    ]);
  });
  it('counts donations only from donation redemptions not undone', () => {
    expect(r.redemptions).toBe(2); // p's mug and q's 5-stamp donation
    expect(r.stampsRedeemed).toBe(15);
    expect(r.donations).toEqual({ count: 1, stamps: 5 });
    expect(r.redemptionRate).toBeCloseTo(15 / 7);
    expect(r.outstandingRewards).toBe(2); // p holds 25 stamps; q, r, s under 10
  });
  it('counts club members from club sales, the latest end winning, undone sales not', () => {
    expect(clubUntilOf(events[4]!)).toBe(at(30));
    expect(clubUntilOf(events[0]!)).toBeNull();
    // Only a club sale sells a club, whatever else an event carries.
    expect(clubUntilOf({ ...events[0]!, club: sale(at(30)) })).toBeNull();
    expect(r.clubMembers).toBe(1); // p (until day 30); q's was undone; s's ended on day 5
    expect(compute(events, who, { now: at(31) }).clubMembers).toBe(0);
    expect(compute(events, who, { now: at(4) }).clubMembers).toBe(2); // p and s
  });
  it('keeps recent comments newest first, trimmed, and only valid ratings within the range', () => {
    expect(r.comments.map((c) => [c.memberId, c.rating, c.comment])).toEqual([
      ['q', 5, 'Lovely'],
      ['q', 2, 'Cold coffee'],
    ]);
    expect(r.satisfaction).toEqual({ index: 2 / 3, ratings: 3, average: 11 / 3 });
  });
  it('counts overrides on any event, by staff member', () => {
    expect(r.staff).toEqual([
      { staffId: 'ana', stamps: 6, visits: 2, overrides: 0 },
      { staffId: 'cici', stamps: 1, visits: 0, overrides: 1 },
    ]);
  });
  it('measures active members over 30 days and churn over the chosen number of days', () => {
    // r last visited 31 days before now: not active. p, q visited in range; s did (its 0-stamp
    // event is of an unknown type, not a visit) not.
    expect(r.activeMembers).toBe(2);
    expect(r.churned).toBe(0);
    expect(r.churnRate).toBe(0); // of p, q, r: nobody away 60 days
    const shortChurn = compute(events, who, { now, churnDays: 20 });
    expect(shortChurn.churned).toBe(1); // r: 31 days
    expect(shortChurn.churnRate).toBeCloseTo(1 / 3);
    // Exactly 30 days after a visit still counts as active.
    expect(compute(events, who, { now: at(-16) + 30 * DAY }).activeMembers).toBe(3);
  });
  it('measures retention against the period before the range', () => {
    // The 15 days before: 17–31 Oct; r visited on day -16 (16 Oct): outside; so nobody.
    expect(r.visitedBefore).toBe(0);
    expect(r.retentionRate).toBeNull();
    // A 16-day range (1–16 Nov) reaches back to 16 Oct: r visited then, and not again.
    const longer = compute(events, who, { to: T + 16 * DAY });
    expect(longer.visitedBefore).toBe(1);
    expect(longer.retentionRate).toBe(0);
  });
  it('puts each figure on its day and leaves quiet days out', () => {
    expect(r.days.map((d) => d.day)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-10',
    ]);
    expect(r.days[1]).toEqual({
      day: '2026-11-02',
      stamps: 5,
      redemptions: 0,
      newVisits: 0,
      returningVisits: 1,
    });
    expect(r.days[2]).toEqual({
      day: '2026-11-03',
      stamps: 0,
      redemptions: 2,
      newVisits: 0,
      returningVisits: 0,
    });
  });
});

describe('insights of an empty ledger', () => {
  it('has no rates rather than a division by zero', () => {
    const r = compute([], []);
    expect(r.retentionRate).toBeNull();
    expect(r.churnRate).toBeNull();
    expect(r.redemptionRate).toBeNull();
    expect(r.satisfaction).toEqual({ index: null, ratings: 0, average: null });
    expect(r.frequency.every((f) => f.members === 0)).toBe(true);
    expect(r.days).toEqual([]);
  });
});

describe('days of a range and the churn setting', () => {
  it('lists every day of the range once', () => {
    expect(daysOfRange(T, T + 3 * DAY, dayOf)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(daysOfRange(T, T, dayOf)).toEqual([]);
  });
  it('accepts a whole number of days from 7 to 365 only', () => {
    expect(parseChurnDays('60')).toBe(60);
    expect(parseChurnDays(' 7 ')).toBe(7);
    expect(parseChurnDays('365')).toBe(365);
    expect(parseChurnDays('6')).toBeNull();
    expect(parseChurnDays('366')).toBeNull();
    expect(parseChurnDays('30.5')).toBeNull();
    expect(parseChurnDays('')).toBeNull();
    expect(parseChurnDays('abc')).toBeNull();
  });
});

describe('insights with the members taken from the ledger alone', () => {
  const fromLedger = (events: readonly LedgerEvent[], options: Partial<InsightsOptions> = {}) => {
    const acc = createInsights({ ...RANGE, ...options });
    for (const event of events) acc.add(event);
    return acc.finish(acc.ledgerMembers(), 6);
  };

  it("gives the same figures as the members' cached stats on the first ledger", () => {
    // Except the club: there a's membership was on the member row, not sold in the ledger.
    expect(fromLedger(ledger)).toEqual({ ...compute(), members: 6, clubMembers: 0 });
  });

  it('gives the same figures on the second ledger, club sales included', () => {
    // With stats folded from this ledger alone (p's packed history is not in it).
    const folded = second.who.map((m) => ({ id: m.id, stats: statsOf(second.events, m.id) }));
    expect(fromLedger(second.events, { now: second.now })).toEqual({
      ...compute(second.events, folded, { now: second.now }),
      members: 6,
    });
  });

  it('leaves out an undone visit and undoes an event once, however many tablets undid it', () => {
    const only = e('x', 14, { type: 'stamp', stamps: 12 });
    const kept = e('y', 1, { type: 'stamp', stamps: 10 });
    const twice = e('y', 14, { type: 'stamp', stamps: 10 });
    const events = [
      only,
      e('x', 14, {
        type: 'reversal',
        stamps: -12,
        reverses: only.id,
        reversed: { type: 'stamp', stamps: 12 },
      }),
      kept,
      twice,
      e('y', 14, { type: 'reversal', stamps: -10, reverses: twice.id }),
      e('y', 14, { type: 'reversal', stamps: -10, reverses: twice.id }),
    ];
    const acc = createInsights(RANGE);
    for (const event of events) acc.add(event);
    const members = acc.ledgerMembers();
    expect(members).toEqual([
      { id: 'x', stats: { balance: 0, firstVisitAt: null, lastVisitAt: null } },
      { id: 'y', stats: { balance: 10, firstVisitAt: kept.at, lastVisitAt: kept.at } },
    ]);
    const r = acc.finish(members, 2);
    expect(r.members).toBe(2);
    expect(r.outstandingRewards).toBe(1); // y's 10 stamps; x has none
    expect(r.activeMembers).toBe(1); // y; x's only visit was undone
    expect(r.churnRate).toBe(0); // of y, the only one who ever visited
    expect(r.stampsEarned).toBe(10);
  });

  it('counts the visit after an undone first visit as new, in whatever order the undo arrives', () => {
    const undoneFirst = e('n', 2, { type: 'stamp', stamps: 1 });
    const undo = e('n', 2, { type: 'reversal', stamps: -1, reverses: undoneFirst.id });
    const again = e('n', 3, { type: 'stamp', stamps: 1 });
    for (const events of [
      [undoneFirst, undo, again],
      [again, undoneFirst, undo],
      [undoneFirst, again, undo],
    ]) {
      const acc = createInsights(RANGE);
      for (const event of events) acc.add(event);
      const members = acc.ledgerMembers();
      expect(members).toEqual([
        { id: 'n', stats: { balance: 1, firstVisitAt: again.at, lastVisitAt: again.at } },
      ]);
      const r = acc.finish(members, 1);
      expect(r.newVisits).toBe(1);
      expect(r.returningVisits).toBe(0);
      // The member rows' stats (folded with the undo) agree with the ledger alone.
      const folded = foldLedger(events);
      expect(folded.firstVisitAt).toBe(again.at);
      const fromRows = createInsights(RANGE);
      for (const event of events) fromRows.add(event);
      expect(fromRows.finish([{ id: 'n', stats: folded }], 1).newVisits).toBe(1);
    }
  });

  it('leaves a member whose visit before the range was undone out of retention', () => {
    const before = e('p', -3, { type: 'stamp', stamps: 1 });
    const acc = createInsights(RANGE);
    acc.add(e('p', -3, { type: 'reversal', stamps: -1, reverses: before.id }));
    acc.add(before);
    acc.add(e('q', -4, { type: 'stamp', stamps: 1 }));
    const r = acc.finish(acc.ledgerMembers(), 2);
    expect(r.visitedBefore).toBe(1); // q only
    expect(r.retentionRate).toBe(0);
  });
});
