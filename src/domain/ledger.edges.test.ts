import { describe, expect, it } from 'vitest';
import { sortEvents, type LedgerEvent } from './ledger';
import { undoTarget } from './stamp/undo';

const T = Date.UTC(2026, 2, 20, 10, 0);
const event = (id: string, at: number, deviceId: string, seq: number): LedgerEvent => ({
  id,
  memberId: 'm1',
  type: 'stamp',
  stamps: 1,
  at,
  staffId: 'owner',
  deviceId,
  seq,
});

describe('the order every tablet puts the ledger in', () => {
  it('by time first, then by tablet, then by the tablet’s own count', () => {
    const late = event('late', T + 1, 'a', 1);
    const tabB = event('b1', T, 'b', 1);
    const tabA2 = event('a2', T, 'a', 2);
    const tabA1 = event('a1', T, 'a', 1);
    const ids = (events: LedgerEvent[]) => events.map((e) => e.id);
    expect(ids(sortEvents([late, tabB, tabA2, tabA1]))).toEqual(['a1', 'a2', 'b1', 'late']);
    expect(ids(sortEvents([tabA1, tabA2, tabB, late]))).toEqual(['a1', 'a2', 'b1', 'late']);
    expect(ids(sortEvents([tabB, tabA1, late, tabA2]))).toEqual(['a1', 'a2', 'b1', 'late']);
  });
});

describe('undo picks the counter’s last action', () => {
  it('of two stamps in the same millisecond, the one the tablet made later', () => {
    const first = event('first', T, 'a', 1);
    const second = event('second', T, 'a', 2);
    expect(undoTarget([second, first], T + 1000)?.id).toBe('second');
    expect(undoTarget([first, second], T + 1000)?.id).toBe('second');
  });

  it('the newest by time, whatever order the ledger arrived in', () => {
    const older = event('older', T, 'a', 9);
    const newer = event('newer', T + 1, 'b', 1);
    expect(undoTarget([newer, older], T + 1000)?.id).toBe('newer');
  });
});
