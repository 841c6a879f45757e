import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterWrongPin, delayAfter, FREE_TRIES, OPEN_LOCK, waitLeft } from './owner-lock';

describe('owner PIN lock-out', () => {
  it('lets five wrong tries through, then waits longer after each', () => {
    let lock = OPEN_LOCK;
    const t = 1_000_000;
    for (let i = 0; i < FREE_TRIES - 1; i++) lock = afterWrongPin(lock, t);
    expect(waitLeft(lock, t)).toBe(0);
    lock = afterWrongPin(lock, t); // the fifth
    expect(waitLeft(lock, t)).toBe(30_000);
    lock = afterWrongPin(lock, t + 30_000);
    expect(waitLeft(lock, t + 30_000)).toBe(60_000);
    expect(waitLeft(lock, t + 90_000)).toBe(0);
  });

  it('never shortens the wait as wrong tries add up, and caps it at 15 minutes', () => {
    fc.assert(
      fc.property(fc.nat(60), (n) => {
        expect(delayAfter(n + 1)).toBeGreaterThanOrEqual(delayAfter(n));
        expect(delayAfter(n)).toBeLessThanOrEqual(15 * 60_000);
      }),
    );
  });
});
