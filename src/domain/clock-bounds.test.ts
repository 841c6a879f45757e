import { describe, expect, it } from 'vitest';
import { CLOCK_AHEAD_MAX_MS, isClockAhead } from './clock-bounds';
import { hlcToString } from './hlc';

describe('clock bounds', () => {
  const now = 1_750_000_000_000;
  const at = (millis: number) => hlcToString({ millis, counter: 3, node: 'tab1' });
  it('accepts clocks up to five minutes ahead, and any in the past', () => {
    expect(isClockAhead(at(now - 86_400_000), now)).toBe(false);
    expect(isClockAhead(at(now + CLOCK_AHEAD_MAX_MS), now)).toBe(false);
  });
  it('refuses one further ahead, and the far-future clock that would win forever', () => {
    expect(isClockAhead(at(now + CLOCK_AHEAD_MAX_MS + 1), now)).toBe(true);
    expect(isClockAhead('zzzzzzzzzzz-zzzz-tab1', now)).toBe(true);
    expect(isClockAhead('not a clock', now)).toBe(true);
  });
});
