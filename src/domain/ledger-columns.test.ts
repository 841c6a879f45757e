import { beforeEach, describe, expect, it } from 'vitest';
import { createInsights } from './insights';
import { createColumnsBuilder, eachColumnEvent } from './ledger-columns';
import type { LedgerEvent } from './ledger';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 1);
const base = { deviceId: 'd', seq: 1, staffId: 'ana' };
const events: (LedgerEvent & Record<string, unknown>)[] = [
  { ...base, id: 'a', memberId: 'm1', type: 'stamp', stamps: 3, at: T + DAY },
  {
    ...base,
    id: 'b',
    memberId: 'm1',
    type: 'stamp',
    stamps: 2,
    at: T + 2 * DAY,
    staffId: 'budi',
    override: { reason: 'x' },
  },
  {
    ...base,
    id: 'c',
    memberId: 'm2',
    type: 'redeem',
    stamps: -10,
    at: T + 3 * DAY,
    rewardKind: 'donation',
  },
  {
    ...base,
    id: 'd',
    memberId: 'm1',
    type: 'reversal',
    stamps: -2,
    at: T + 4 * DAY,
    reverses: 'b',
  },
  {
    ...base,
    id: 'e',
    memberId: 'm2',
    type: 'adjustment',
    stamps: 0,
    at: T + 5 * DAY,
    rating: 4,
    comment: 'Nice',
  },
  {
    ...base,
    id: 'f',
    memberId: 'm2',
    type: 'club',
    stamps: 0,
    at: T + 5 * DAY,
    club: { name: 'Kopi Club', period: 'month', price: 50_000, multiplier: 2, until: T + 40 * DAY },
  },
  { ...base, id: 'g', memberId: 'm3', type: 'bonus', stamps: 1.5, at: T - 90 * DAY },
];

describe('the ledger as columns', () => {
  // Built in beforeEach, not in the describe body: Stryker turns a mutant on for tests only.
  let columns: ReturnType<ReturnType<typeof createColumnsBuilder>['finish']>;
  let back: LedgerEvent[];
  beforeEach(() => {
    const builder = createColumnsBuilder();
    for (const e of events) builder.add(e);
    columns = builder.finish();
    back = [];
    eachColumnEvent(columns, (e) => back.push(e));
  });

  it('gives every event back with what insights read of it', () => {
    expect(columns.count).toBe(7);
    expect(back.map((e) => [e.id, e.memberId, e.type, e.stamps, e.at, e.staffId])).toEqual(
      events.map((e) => [e.id, e.memberId, e.type, e.stamps, e.at, e.staffId]),
    );
    expect(back[1]!.override).toBeDefined();
    expect(back[0]!.override).toBeUndefined();
    expect(back[2]!.rewardKind).toBe('donation');
    expect(back[3]!.reverses).toBe('b');
    expect(back[4]).toMatchObject({ rating: 4, comment: 'Nice' });
    expect(back[5]!.club).toEqual(events[5]!.club);
  });

  it('gives the same insights as the events themselves', () => {
    const run = (list: readonly LedgerEvent[]) => {
      const acc = createInsights({
        from: T,
        to: T + 10 * DAY,
        now: T + 10 * DAY,
        churnDays: 60,
        stampsPerCard: 10,
        dayOf: (at) => new Date(at).toISOString().slice(0, 10),
      });
      for (const e of list) acc.add(e);
      return acc.finish(acc.ledgerMembers());
    };
    const r = run(back);
    expect(r).toEqual(run(events));
    expect(r.clubMembers).toBe(1);
    expect(r.staff).toEqual([{ staffId: 'ana', stamps: 3, visits: 1, overrides: 0 }]);
  });

  it('grows past its first size', () => {
    const big = createColumnsBuilder();
    for (let i = 0; i < 5000; i++) big.add({ ...events[0]!, id: `x${i}`, at: T + i });
    const cols = big.finish();
    expect(cols.count).toBe(5000);
    expect(cols.at[4999]).toBe(T + 4999);
    expect(cols.ids.split('\n')[4999]).toBe('x4999');
  });
});
