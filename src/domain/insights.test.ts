import { describe, expect, it } from 'vitest';
import { EMPTY_STATS, foldLedger } from './balance';
import { createInsights, type InsightsMember } from './insights';
import type { LedgerEvent } from './ledger';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 1); // 1 Nov 2026, 00:00 UTC
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
let seq = 0;
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

function compute() {
  const acc = createInsights({
    from: T,
    to: T + 15 * DAY,
    now: T + 15 * DAY,
    churnDays: 60,
    stampsPerCard: 10,
    dayOf,
  });
  for (const event of [...ledger].reverse()) acc.add(event);
  return acc.finish(members);
}

describe('insights on a fixed ledger', () => {
  const r = compute();
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
