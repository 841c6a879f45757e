import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardView, EMPTY_STATS, foldLedger } from './balance';
import type { LedgerEvent } from './ledger';
import { reversalDraft, undoTarget } from './stamp/undo';

let n = 0;
function ev(partial: Partial<LedgerEvent> & Pick<LedgerEvent, 'type' | 'stamps'>): LedgerEvent {
  n += 1;
  return {
    id: `e${n}`,
    memberId: 'm1',
    at: n * 1000,
    deviceId: 'd1',
    staffId: 's',
    seq: n,
    ...partial,
  };
}
function reversal(target: LedgerEvent, at?: number): LedgerEvent {
  n += 1;
  return { ...reversalDraft(target, 's', at ?? n * 1000), id: `e${n}`, deviceId: 'd1', seq: n };
}

describe('foldLedger', () => {
  it('keeps the newest 10,000 overdrawn redemptions (the balance still shows them all)', () => {
    const overdrawn = Array.from({ length: 10_001 }, () => ev({ type: 'redeem', stamps: -10 }));
    const stats = foldLedger(overdrawn);
    expect(stats.balance).toBe(-100_010);
    expect(stats.conflicts).toHaveLength(10_000);
    expect(stats.conflicts[0]).toBe(overdrawn[1]!.id); // the oldest one gave way
    expect(stats.conflicts.at(-1)).toBe(overdrawn.at(-1)!.id);
  });

  it('sums stamps and counts visits and rewards', () => {
    const events = [
      ev({ type: 'stamp', stamps: 6 }),
      ev({ type: 'stamp', stamps: 6 }),
      ev({ type: 'redeem', stamps: -10 }),
    ];
    const stats = foldLedger(events);
    expect(stats).toMatchObject({
      balance: 2,
      earned: 12,
      spent: 10,
      redeemed: 1,
      visits: 2,
      conflicts: [],
    });
    expect(stats.recentVisits.map((v) => v.eventId)).toEqual([events[1]!.id, events[0]!.id]);
    expect(stats.lastVisitAt).toBe(events[1]!.at);
  });

  it('carries stamps beyond a full card over to the next card', () => {
    expect(cardView(23, 10)).toEqual({ cardStamps: 3, pendingRewards: 2, owed: 0 });
    expect(cardView(10, 10)).toEqual({ cardStamps: 0, pendingRewards: 1, owed: 0 });
    expect(cardView(-10, 10)).toEqual({ cardStamps: 0, pendingRewards: 0, owed: 10 });
  });

  it('undoes a stamp with a reversal, and restores it when the reversal is reversed', () => {
    const stamp = ev({ type: 'stamp', stamps: 3 });
    const undo = reversal(stamp);
    expect(foldLedger([stamp, undo])).toMatchObject({
      balance: 0,
      earned: 0,
      visits: 0,
      recentVisits: [],
    });
    const redo = reversal(undo);
    expect(foldLedger([stamp, undo, redo])).toMatchObject({ balance: 3, earned: 3, visits: 1 });
  });

  it('ignores a second reversal of the same event', () => {
    const stamp = ev({ type: 'stamp', stamps: 2 });
    const a = reversal(stamp);
    const b = reversal(stamp);
    expect(foldLedger([ev({ type: 'stamp', stamps: 1 }), stamp, a, b]).balance).toBe(1);
  });

  it('flags the redemption that overdraws, keeps both, and clears it when an adjustment settles it', () => {
    const stamps = ev({ type: 'stamp', stamps: 10 });
    const first = ev({ type: 'redeem', stamps: -10, deviceId: 'a' });
    const second = ev({ type: 'redeem', stamps: -10, deviceId: 'b' });
    const stats = foldLedger([second, stamps, first]);
    expect(stats.balance).toBe(-10);
    expect(stats.redeemed).toBe(2);
    expect(stats.conflicts).toEqual([second.id]);
    const settle = ev({
      type: 'adjustment',
      stamps: 10,
      reason: 'goodwill',
      resolves: [second.id],
    });
    expect(foldLedger([stamps, first, second, settle])).toMatchObject({
      balance: 0,
      conflicts: [],
    });
  });

  it('reverses history that only the base knows through what the reversal recorded', () => {
    const old = ev({ type: 'redeem', stamps: -10 });
    const base = foldLedger([ev({ type: 'stamp', stamps: 12 }), old]);
    const stats = foldLedger([reversal(old)], base);
    expect(stats).toMatchObject({ balance: 12, redeemed: 0, spent: 0 });
  });

  it('takes an undone visit that only the base knows off the recent visits', () => {
    const kept = ev({ type: 'stamp', stamps: 2 });
    const undone = ev({ type: 'stamp', stamps: 3 });
    const base = foldLedger([kept, undone]);
    const stats = foldLedger([reversal(undone)], base);
    expect(stats).toMatchObject({ balance: 2, visits: 1 });
    expect(stats.recentVisits.map((v) => v.eventId)).toEqual([kept.id]);
  });
});

// ---- properties ----

const STAMPS_PER_CARD = 10;
type Op = { kind: 'stamp'; q: number } | { kind: 'redeem' } | { kind: 'undo' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('stamp' as const), q: fc.integer({ min: 1, max: 20 }) }),
  fc.constant({ kind: 'redeem' as const }),
  fc.constant({ kind: 'undo' as const }),
);

/** Plays counter actions the way the app does (redeem only when a reward is pending). */
function play(ops: Op[]): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  for (const op of ops) {
    const stats = foldLedger(events);
    if (op.kind === 'stamp') events.push(ev({ type: 'stamp', stamps: op.q, quantity: op.q }));
    else if (op.kind === 'redeem') {
      if (cardView(stats.balance, STAMPS_PER_CARD).pendingRewards > 0)
        events.push(ev({ type: 'redeem', stamps: -STAMPS_PER_CARD }));
    } else {
      // "Undo" at the counter: the newest action still in effect.
      const target = undoTarget(events, n * 1000);
      if (target) events.push(reversal(target));
    }
  }
  return events;
}

describe('ledger properties', () => {
  it('stamps earned = rewards redeemed × N + current stamps, whatever the order of events', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer(), (ops, seed) => {
        const events = play(ops);
        const shuffled = fc.sample(
          fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          { seed, numRuns: 1 },
        )[0]!;
        const a = foldLedger(events);
        const b = foldLedger(shuffled);
        expect(b).toEqual(a);
        const { cardStamps, pendingRewards, owed } = cardView(a.balance, STAMPS_PER_CARD);
        expect(a.earned).toBe(
          a.redeemed * STAMPS_PER_CARD + pendingRewards * STAMPS_PER_CARD + cardStamps - owed,
        );
        expect(a.conflicts).toEqual([]);
      }),
    );
  });

  it('a reversal of a reversal restores the stats', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.nat(), (ops, pick) => {
        const events = play(ops);
        if (events.length === 0) return;
        const target = events[pick % events.length]!;
        const before = foldLedger(events);
        const undo = reversal(target);
        const redo = reversal(undo);
        const after = foldLedger([...events, undo, redo]);
        expect({ ...after, lastEventAt: null }).toEqual({ ...before, lastEventAt: null });
      }),
    );
  });

  it('folding event by event onto cached stats equals folding the whole ledger', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const events = play(ops).filter((e) => e.type !== 'reversal');
        const incremental = events.reduce((stats, e) => foldLedger([e], stats), EMPTY_STATS);
        expect(incremental).toEqual(foldLedger(events));
      }),
    );
  });
});
