import { describe, expect, it } from 'vitest';
import { EMPTY_STATS, foldLedger, RECENT_VISITS, type MemberStats } from './balance';
import type { LedgerEvent } from './ledger';
import { reversalDraft } from './stamp/undo';

const T = 1_750_000_000_000;
let n = 0;
function ev(type: LedgerEvent['type'], stamps: number, at: number, id?: string): LedgerEvent {
  n += 1;
  return {
    id: id ?? `e${n}`,
    memberId: 'm1',
    type,
    stamps,
    at,
    deviceId: 'd',
    staffId: 's',
    seq: n,
  };
}
function undo(target: LedgerEvent, at: number): LedgerEvent {
  n += 1;
  return { ...reversalDraft(target, 's', at), id: `u${n}`, deviceId: 'd', seq: n };
}

describe('a member’s stats at their edges', () => {
  it('counts a bonus as earned without a visit, and a message as no change at all', () => {
    const first = ev('stamp', 2, T);
    const stats = foldLedger([first, ev('bonus', 3, T + 1000), ev('message', 0, T + 5000)]);
    expect(stats).toEqual({
      ...EMPTY_STATS,
      balance: 5,
      earned: 5,
      visits: 1,
      firstVisitAt: T,
      lastVisitAt: T,
      lastEventAt: T + 1000,
      recentVisits: [{ eventId: first.id, at: T, stamps: 2 }],
      conflicts: [],
    });
  });

  it('counts a visit that earned nothing as a visit', () => {
    expect(foldLedger([ev('stamp', 0, T)]).visits).toBe(1);
  });

  it('lists new visits newest first, from the first to the last', () => {
    const a = ev('stamp', 1, T);
    const b = ev('stamp', 2, T + 1000);
    const c = ev('stamp', 3, T + 2000);
    const stats = foldLedger([b, c, a]);
    expect(stats.recentVisits.map((v) => v.eventId)).toEqual([c.id, b.id, a.id]);
    expect([stats.firstVisitAt, stats.lastVisitAt]).toEqual([T, T + 2000]);
  });

  it('keeps the base’s later visit and event when an older event arrives', () => {
    const base = foldLedger([ev('stamp', 1, T + 10_000)]);
    const late = foldLedger([ev('stamp', 1, T)], base);
    expect([late.firstVisitAt, late.lastVisitAt, late.lastEventAt]).toEqual([
      T,
      T + 10_000,
      T + 10_000,
    ]);
  });

  it('takes back a visit and its stamps when a stamp held only in the base is undone', () => {
    const stamp = ev('stamp', 2, T);
    const base = foldLedger([stamp]);
    const after = foldLedger([undo(stamp, T + 1000)], base);
    expect(after).toMatchObject({ balance: 0, earned: 0, visits: 0, recentVisits: [] });
  });

  it('clears a conflict when the overdrawn reward, held only in the base, is undone', () => {
    const redeem = ev('redeem', -10, T);
    const base = foldLedger([redeem]);
    expect(base.conflicts).toEqual([redeem.id]);
    const after = foldLedger([undo(redeem, T + 1000)], base);
    expect(after).toMatchObject({ balance: 0, spent: 0, redeemed: 0, conflicts: [] });
  });

  it('restores a base stamp whose undo was itself undone', () => {
    const stamp = ev('stamp', 2, T);
    const base: MemberStats = foldLedger([stamp]);
    const first = undo(stamp, T + 1000);
    const second = undo(first, T + 2000);
    expect(foldLedger([first, second], base)).toMatchObject({ balance: 2, visits: 1 });
  });

  it('keeps an unsettled conflict from the base when new visits are folded on top', () => {
    const redeem = ev('redeem', -10, T);
    const after = foldLedger([ev('stamp', 4, T + 1000)], foldLedger([redeem]));
    expect(after).toMatchObject({ balance: -6, conflicts: [redeem.id] });
  });

  it('clears only the undone reward’s conflict when two overdrawn rewards sit in the base', () => {
    const first = ev('redeem', -10, T);
    const second = ev('redeem', -10, T + 1000);
    const base = foldLedger([first, second]);
    expect(base.conflicts).toEqual([first.id, second.id]);
    const after = foldLedger([undo(first, T + 2000)], base);
    expect(after).toMatchObject({ balance: -10, redeemed: 1, conflicts: [second.id] });
  });

  it('leaves a member who was only sent messages as never seen', () => {
    expect(foldLedger([ev('message', 0, T), ev('message', 0, T + 1000)])).toEqual(EMPTY_STATS);
  });

  it('remembers only the newest visits', () => {
    const visits = Array.from({ length: RECENT_VISITS + 1 }, (_, i) =>
      ev('stamp', 1, T + i * 1000),
    );
    const stats = foldLedger(visits);
    expect(RECENT_VISITS).toBe(10);
    expect(stats.visits).toBe(11);
    expect(stats.recentVisits.map((v) => v.eventId)).toEqual(
      visits
        .slice(1)
        .reverse()
        .map((v) => v.id),
    );
  });

  it('changes nothing when an undo that names no event is undone and then redone', () => {
    // The sync protocol lets a reversal arrive without `reverses`; it undoes nothing.
    const stray = ev('reversal', -2, T + 1000);
    const undoStray = undo(stray, T + 2000);
    const redo = undo(undoStray, T + 3000);
    const stats = foldLedger([ev('stamp', 3, T), stray, undoStray, redo]);
    expect(stats).toMatchObject({ balance: 3, earned: 3, adjusted: 0, visits: 1 });
  });
});
