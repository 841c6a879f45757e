import { describe, expect, it } from 'vitest';
import { UNDO_WINDOW_MS } from './decision';
import { decideUndo, reversalDraft, undoTarget } from './undo';
import { at, MIN, stored, T0 } from '../testing/stamp';

const stamp = (time: number, stamps = 1) =>
  stored({ memberId: 'm1', type: 'stamp', stamps, quantity: stamps, at: time, staffId: 'owner' });

describe('undo', () => {
  it('reverses the newest action still in effect, recording what it was', () => {
    const first = stamp(T0, 2);
    const second = stamp(T0 + MIN, 3);
    expect(decideUndo([first, second], at(T0 + 2 * MIN, 'rina'))).toEqual({
      events: [
        {
          memberId: 'm1',
          type: 'reversal',
          stamps: -3,
          reverses: second.id,
          reversed: { type: 'stamp', stamps: 3 },
          at: T0 + 2 * MIN,
          staffId: 'rina',
        },
      ],
    });
  });

  it('steps back one action at a time, never undoing an undo', () => {
    const first = stamp(T0, 2);
    const second = stamp(T0 + MIN, 3);
    const undo = decideUndo([first, second], at(T0 + 2 * MIN));
    if ('refused' in undo) throw new Error(undo.refused);
    const next = decideUndo([first, second, stored(undo.events[0]!)], at(T0 + 3 * MIN));
    if ('refused' in next) throw new Error(next.refused);
    expect(next.events[0]).toMatchObject({ type: 'reversal', reverses: first.id, stamps: -2 });
  });

  it('refuses when there is nothing, or only actions older than the undo window', () => {
    expect(decideUndo([], at(T0))).toEqual({ refused: 'undo.nothing', values: {} });
    expect(decideUndo([stamp(T0)], at(T0 + UNDO_WINDOW_MS + 1))).toEqual({
      refused: 'undo.nothing',
      values: {},
    });
    expect('events' in decideUndo([stamp(T0)], at(T0 + UNDO_WINDOW_MS))).toBe(true);
  });

  it('finds the newest by time, then by the tablet’s order, whatever order the list is in', () => {
    const first = stamp(T0, 2);
    const second = stamp(T0 + MIN, 3);
    expect(undoTarget([second, first], T0 + 2 * MIN)?.id).toBe(second.id);
    const a = { ...stamp(T0), seq: 2 };
    const b = { ...stamp(T0), seq: 1 };
    expect(undoTarget([a, b], T0 + MIN)?.id).toBe(a.id);
  });

  it('treats a stamp whose undo was undone as in effect again', () => {
    const s = stamp(T0);
    const undo = stored(reversalDraft(s, 'owner', T0 + MIN));
    expect(undoTarget([s, undo], T0 + 2 * MIN)).toBeNull();
    const redo = stored(reversalDraft(undo, 'owner', T0 + 2 * MIN));
    expect(undoTarget([s, undo, redo], T0 + 3 * MIN)?.id).toBe(s.id);
  });

  it('skips a message sent after the last stamp', () => {
    const s = stamp(T0);
    const message = stored({
      memberId: 'm1',
      type: 'message',
      stamps: 0,
      at: T0 + MIN,
      staffId: 'owner',
    });
    expect(undoTarget([s, message], T0 + 2 * MIN)?.id).toBe(s.id);
  });

  it('does not undo an action dated beyond the window ahead (a tablet’s clock far ahead)', () => {
    expect(undoTarget([stamp(T0 + UNDO_WINDOW_MS + 1)], T0)).toBeNull();
    expect(undoTarget([stamp(T0 + UNDO_WINDOW_MS)], T0)).not.toBeNull();
  });
});
