import { describe, expect, it } from 'vitest';
import { createInsights, type InsightsMember, type InsightsOptions } from './insights';
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
