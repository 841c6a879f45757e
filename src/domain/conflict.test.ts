import { describe, expect, it } from 'vitest';
import { foldLedger } from './balance';
import type { EventDraft, LedgerEvent } from './ledger';
import { conflictShortfall, resolveConflictDraft } from './conflict';

const at = (i: number) => 1_700_000_000_000 + i * 60_000;
let n = 0;
const ev = (draft: EventDraft, deviceId = 'a'): LedgerEvent => {
  n += 1;
  return { ...draft, id: `e${String(n).padStart(4, '0')}`, deviceId, seq: n };
};
const stamp = (stamps: number, i: number) =>
  ev({ memberId: 'm', type: 'stamp', stamps, at: at(i), staffId: 's' });
const redeem = (i: number, device: string) =>
  ev({ memberId: 'm', type: 'redeem', stamps: -10, at: at(i), staffId: 's' }, device);

describe('resolving a double redemption', () => {
  // Ten stamps, then the same reward given on two offline tablets.
  const ledger = [stamp(10, 1), redeem(2, 'a'), redeem(3, 'b')];
  const stats = foldLedger(ledger);

  it('starts from a conflict that keeps both redemptions', () => {
    expect(stats).toMatchObject({ balance: -10, redeemed: 2 });
    expect(stats.conflicts).toHaveLength(1);
  });

  it('"forgive" gives back exactly the stamps owed and clears the conflict', () => {
    const draft = resolveConflictDraft('m', stats, true, 'why', 'owner', at(4));
    if (typeof draft === 'string') throw new Error(draft);
    const after = foldLedger([...ledger, ev(draft)]);
    expect(after).toMatchObject({ balance: 0, redeemed: 2, adjusted: 10, conflicts: [] });
    expect(draft).toMatchObject({ type: 'adjustment', reason: 'why', resolves: stats.conflicts });
  });

  it('"keep" leaves the stamps owed, repaid by the next visits, and clears the conflict', () => {
    const draft = resolveConflictDraft('m', stats, false, 'why', 'owner', at(4));
    if (typeof draft === 'string') throw new Error(draft);
    const after = foldLedger([...ledger, ev(draft), stamp(4, 5)]);
    expect(after).toMatchObject({ balance: -6, conflicts: [] });
  });

  it('refuses when there is nothing to resolve', () => {
    const calm = foldLedger([stamp(10, 1), redeem(2, 'a')]);
    expect(resolveConflictDraft('m', calm, true, 'why', 'owner', at(3))).toBe('conflict.none');
  });

  it('is short of nothing once later visits covered the double reward, and forgiving then gives nothing', () => {
    const covered = foldLedger([...ledger, stamp(3, 4), stamp(9, 5)]);
    expect(covered.conflicts).toHaveLength(1);
    expect(conflictShortfall(covered)).toBe(0);
    expect(conflictShortfall(stats)).toBe(10);
    expect(conflictShortfall(foldLedger([...ledger, stamp(3, 4)]))).toBe(7);
    const forgive = resolveConflictDraft('m', covered, true, 'why', 'owner', at(6));
    const keep = resolveConflictDraft('m', covered, false, 'why', 'owner', at(6));
    expect(forgive).toEqual(keep);
    expect(forgive).toMatchObject({ stamps: 0, resolves: covered.conflicts });
  });
});
