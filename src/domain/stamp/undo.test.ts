import { describe, expect, it } from 'vitest';
import { UNDO_WINDOW_MS } from './decision';
import { decideUndo } from './undo';
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
});
