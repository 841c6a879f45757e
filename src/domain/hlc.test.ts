import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hlcReceive, hlcSend, hlcToString, parseHlc, type Hlc } from './hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its string form, and string order is clock order', () => {
    const hlc = fc.record({
      millis: fc.integer({ min: 0, max: 2 ** 45 }),
      counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
      node: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(parseHlc(hlcToString(a))).toEqual(a);
        const byClock =
          a.millis - b.millis ||
          a.counter - b.counter ||
          (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        const byString =
          hlcToString(a) < hlcToString(b) ? -1 : hlcToString(a) > hlcToString(b) ? 1 : 0;
        expect(Math.sign(byString)).toBe(Math.sign(byClock));
      }),
    );
  });

  it('an edit made after seeing another sorts after it, even when the local clock is hours behind', () => {
    const fast: Hlc = hlcSend({ millis: 0, counter: 0, node: 'fast' }, 10_000_000 + 3 * 3600_000);
    let slow: Hlc = { millis: 0, counter: 0, node: 'slow' };
    slow = hlcReceive(slow, fast, 10_000_000);
    const edit = hlcSend(slow, 10_000_001);
    expect(hlcToString(edit) > hlcToString(fast)).toBe(true);
  });

  it('never runs backwards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        (times) => {
          let clock: Hlc = { millis: 0, counter: 0, node: 'n' };
          for (const t of times) {
            const next = hlcSend(clock, t);
            expect(hlcToString(next) > hlcToString(clock)).toBe(true);
            clock = next;
          }
        },
      ),
    );
  });
});
