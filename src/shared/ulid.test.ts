import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTime, encodeTime, monotonicFactory } from './ulid';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('ULIDs', () => {
  it('encode their time so that ids sort by it, and decode it back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        (a, b) => {
          expect(decodeTime(encodeTime(a))).toBe(a);
          expect(Math.sign(encodeTime(a).localeCompare(encodeTime(b)))).toBe(Math.sign(a - b));
        },
      ),
    );
    expect(encodeTime(1_469_918_176_385)).toBe('01ARYZ6S41'); // the spec's example
  });

  it('are well formed and strictly increasing, within a millisecond and when the clock steps back', () => {
    const next = monotonicFactory();
    const times = [1000, 1000, 1000, 999, 2000, 1500, 2000, 3000];
    const ids = times.map((t) => next(t));
    for (const id of ids) expect(id).toMatch(ULID);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(decodeTime(ids[3]!)).toBe(1000); // an earlier clock keeps the last time
  });

  it('carry over in base 32 when the random part ends in Z', () => {
    const next = monotonicFactory((b) => b.fill(31));
    const first = next(5);
    expect(first.slice(10)).toBe('Z'.repeat(16));
    expect(() => next(5)).toThrow(/overflowed/);
    const other = monotonicFactory((b) => b.fill(0).fill(31, 15));
    expect(other(5).slice(-2)).toBe('0Z');
    expect(other(5).slice(-2)).toBe('10');
  });

  it('refuse a time a ULID cannot hold', () => {
    expect(() => encodeTime(-1)).toThrow(RangeError);
    expect(() => encodeTime(2 ** 48)).toThrow(RangeError);
  });

  it('refuse a bad time from the factory too, and go on from the last good one', () => {
    const next = monotonicFactory();
    expect(() => next(-1)).toThrow(new RangeError('bad ULID time'));
    const first = next(1_500_000_000_000);
    for (const bad of [2 ** 48, 1_500_000_000_000.5, Number.NaN])
      expect(() => next(bad)).toThrow(new RangeError('bad ULID time'));
    const second = next(1_500_000_000_001);
    expect(decodeTime(second)).toBe(1_500_000_000_001);
    expect(second > first).toBe(true);
  });
});
