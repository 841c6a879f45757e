import { describe, expect, it } from 'vitest';
import { customRange, dayStart, lastDays, localDay } from './range';

describe('the period in calendar days', () => {
  const noon = new Date(2026, 10, 25, 12, 30).getTime();
  it('takes the last N days with today included', () => {
    const { from, to } = lastDays(7, noon);
    expect(localDay(from)).toBe('2026-11-19');
    expect(to).toBe(new Date(2026, 10, 26).getTime());
  });
  it('takes a custom period with both days included, and refuses a reversed one', () => {
    expect(customRange('2026-11-01', '2026-11-01')).toEqual({
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 10, 2).getTime(),
    });
    expect(customRange('2026-11-02', '2026-11-01')).toBeNull();
    expect(customRange('', '2026-11-01')).toBeNull();
    expect(dayStart('2026-02-30')).toBeNull();
  });
});
