import { describe, expect, it } from 'vitest';
import { clubUntilOf, createInsights, type InsightsMember, type InsightsOptions } from './insights';
import type { LedgerEvent } from './ledger';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 1);
const OPTIONS: InsightsOptions = {
  from: T,
  to: T + 14 * DAY,
  now: T + 14 * DAY,
  churnDays: 60,
  stampsPerCard: 10,
  dayOf: (at) => new Date(at).toISOString().slice(0, 10),
};
let seq = 0;
function ev(memberId: string, at: number, over: Partial<LedgerEvent> = {}): LedgerEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    memberId,
    type: 'stamp',
    stamps: 1,
    at,
    deviceId: 'd',
    staffId: 'ana',
    seq,
    ...over,
  };
}
function run(events: LedgerEvent[], members?: InsightsMember[], options = OPTIONS) {
  const acc = createInsights(options);
  for (const e of events) acc.add(e);
  return acc.finish(members ?? acc.ledgerMembers());
}
const member = (id: string, lastVisitAt: number | null, clubUntil?: number): InsightsMember => ({
  id,
  stats: { balance: 0, firstVisitAt: lastVisitAt, lastVisitAt },
  ...(clubUntil === undefined ? {} : { clubUntil }),
});

describe('insights at their edges', () => {
  it('counts a visit made at the range’s first instant, not one made at its end', () => {
    const r = run([ev('a', T), ev('b', T + 14 * DAY), ev('c', T - 1)]);
    expect(r.topMembers.map((m) => m.memberId)).toEqual(['a']);
    expect(r.stampsEarned).toBe(1);
  });

  it('counts the period before from its first instant up to the range, for retention', () => {
    const r = run([
      ev('a', T - 14 * DAY),
      ev('a', T + DAY),
      ev('b', T - 14 * DAY - 1),
      ev('b', T + DAY),
    ]);
    expect([r.visitedBefore, r.retentionRate]).toEqual([1, 1]);
  });

  it('has churned a member exactly 60 days away only after the 60th day', () => {
    const now = OPTIONS.now;
    const r = run([], [member('a', now - 60 * DAY), member('b', now - 60 * DAY - 1)]);
    expect(r.churned).toBe(1);
  });

  it('counts a club member until the club’s last instant, not at it', () => {
    const now = OPTIONS.now;
    const r = run([], [member('a', null, now), member('b', null, now + 1)]);
    expect(r.clubMembers).toBe(1);
  });

  it('puts members with 3 and 4 visits in their own buckets', () => {
    const three = [1, 2, 3].map((d) => ev('a', T + d * DAY));
    const four = [1, 2, 3, 4].map((d) => ev('b', T + d * DAY));
    const r = run([...three, ...four]);
    expect(r.frequency).toEqual([
      { bucket: '1', members: 0 },
      { bucket: '2–3', members: 1 },
      { bucket: '4–6', members: 1 },
      { bucket: '7–12', members: 0 },
      { bucket: '13+', members: 0 },
    ]);
  });

  it('ranks top members by visits, then stamps, then id; staff by stamps, then id', () => {
    const r = run([
      ev('c', T + DAY, { stamps: 2, staffId: 'zed' }),
      ev('b', T + DAY, { stamps: 2, staffId: 'amy' }),
      ev('a', T + DAY, { stamps: 1, staffId: 'budi' }),
      ev('d', T + DAY, { stamps: 1, staffId: 'budi' }),
      ev('d', T + 2 * DAY, { stamps: 1, staffId: 'cita' }),
    ]);
    expect(r.topMembers).toEqual([
      { memberId: 'd', visits: 2, stamps: 2 },
      { memberId: 'b', visits: 1, stamps: 2 },
      { memberId: 'c', visits: 1, stamps: 2 },
      { memberId: 'a', visits: 1, stamps: 1 },
    ]);
    expect(r.staff.map((s) => [s.staffId, s.stamps])).toEqual([
      ['amy', 2],
      ['budi', 2],
      ['zed', 2],
      ['cita', 1],
    ]);
  });

  it('lists comments newest first', () => {
    const r = run([
      ev('a', T + DAY, { type: 'adjustment', stamps: 0, rating: 5, comment: 'first' }),
      ev('b', T + 3 * DAY, { type: 'adjustment', stamps: 0, rating: 4, comment: ' third ' }),
      ev('c', T + 2 * DAY, { type: 'adjustment', stamps: 0, rating: 1, comment: 'second' }),
    ]);
    expect(r.comments.map((c) => c.comment)).toEqual(['third', 'second', 'first']);
  });
});

describe('insights read from the ledger alone, at their edges', () => {
  const membersOf = (events: LedgerEvent[]) => {
    const acc = createInsights(OPTIONS);
    for (const e of events) acc.add(e);
    return acc.ledgerMembers();
  };
  const undo = (target: LedgerEvent, at: number) =>
    ev(target.memberId, at, {
      type: 'reversal',
      stamps: -target.stamps,
      reverses: target.id,
      reversed: { type: target.type, stamps: target.stamps },
    });

  it('finds the first and last visit whatever order the visits come in', () => {
    const inOrder = [1, 2, 3, 4, 5].map((d) => ev('a', T + d * DAY));
    const newestFirst = [3, 2, 1].map((d) => ev('c', T + d * DAY, { stamps: 2 }));
    expect(membersOf([...inOrder, ...newestFirst])).toEqual([
      { id: 'a', stats: { balance: 5, firstVisitAt: T + DAY, lastVisitAt: T + 5 * DAY } },
      { id: 'c', stats: { balance: 6, firstVisitAt: T + DAY, lastVisitAt: T + 3 * DAY } },
    ]);
  });

  it('looks past three undone visits in a row for the last visit', () => {
    const visits = [1, 2, 3, 4].map((d) => ev('b', T + d * DAY));
    const undos = visits.slice(1).map((v) => undo(v, v.at + 1));
    expect(membersOf([...visits, ...undos])).toEqual([
      { id: 'b', stats: { balance: 1, firstVisitAt: T + DAY, lastVisitAt: T + DAY } },
    ]);
  });

  it('lets a reversal that names no event undo nothing', () => {
    const events = [
      ev('a', T + DAY, { stamps: 3 }),
      ev('a', T + 2 * DAY, { type: 'reversal', stamps: -3 }),
    ];
    expect(membersOf(events)).toEqual([
      { id: 'a', stats: { balance: 3, firstVisitAt: T + DAY, lastVisitAt: T + DAY } },
    ]);
    expect(run(events).stampsEarned).toBe(3);
  });

  it('keeps the balance a number when an event of an unknown type carries no stamps', () => {
    const { stamps: _none, ...tier } = ev('a', T + 2 * DAY, { type: 'tier' as 'stamp' });
    expect(
      membersOf([ev('a', T + DAY, { stamps: 2 }), tier as LedgerEvent])[0]!.stats.balance,
    ).toBe(2);
  });
});

describe('insights of odd fields and long lists', () => {
  it('counts a visit at the range’s first instant as in the range, not in the period before', () => {
    const r = run([ev('a', T)]);
    expect([r.visitedBefore, r.retentionRate, r.newVisits]).toEqual([0, null, 1]);
  });

  it('ignores ratings that are not a number from 1 to 5, and an override left empty', () => {
    const r = run([
      ev('a', T + DAY, { type: 'adjustment', stamps: 0, rating: 0, comment: 'zero' }),
      ev('b', T + DAY, { type: 'adjustment', stamps: 0, rating: '5' as unknown as number }),
      ev('c', T + DAY, { override: null as unknown as LedgerEvent['override'] }),
    ]);
    expect(r.satisfaction).toEqual({ index: null, ratings: 0, average: null });
    expect(r.comments).toEqual([]);
    expect(r.staff).toEqual([{ staffId: 'ana', stamps: 1, visits: 1, overrides: 0 }]);
  });

  it('finds no club end in a club event without a sale or with an end that is no time', () => {
    const club = ev('a', T, { type: 'club', stamps: 0 });
    expect(clubUntilOf(club)).toBeNull();
    const sale = { name: 'Kopi Club', period: 'month' as const, price: 1, multiplier: 2 };
    expect(clubUntilOf({ ...club, club: { ...sale, until: Number.NaN } })).toBeNull();
  });

  it('lists the 20 newest comments and the top 10 members, ties in id order', () => {
    const rated = Array.from({ length: 21 }, (_, i) =>
      ev('z', T + (i + 1) * 3_600_000, {
        type: 'adjustment',
        stamps: 0,
        rating: 4,
        comment: `c${i + 1}`,
      }),
    );
    const ids = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
    const r = run([...rated, ...ids.map((id) => ev(id, T + DAY))]);
    expect(r.comments.map((c) => c.comment)).toEqual(
      Array.from({ length: 20 }, (_, i) => `c${21 - i}`),
    );
    expect(r.topMembers.map((m) => m.memberId)).toEqual(ids.slice(0, 10));
  });
});
