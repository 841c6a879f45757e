import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayInZone, daysBetween, isLeapYear, weekdayOf } from './calendar';

describe('the shop’s calendar at its edges', () => {
  it('has leap years every 4 years, but not every 100, yet every 400', () => {
    expect([2024, 2023, 1900, 2000, 2100, 2400].map(isLeapYear)).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it('refuses a date not written YYYY-MM-DD rather than guess', () => {
    for (const day of [
      '2026-1-01',
      '2026-01-1',
      '2026/01/01',
      '2026-01/01',
      '2026.01-01',
      '2026-00-01',
      '2026-01-00',
      '2026-01-011',
    ])
      expect(() => addDays(day, 1), day).toThrow(RangeError);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('reads the right day on the day a zone’s clock goes back at midnight', () => {
    // Santiago leaves summer time at 03:00 UTC on 5 April 2026: 24:00 becomes 23:00.
    const santiago = dayInZone('America/Santiago');
    expect(santiago(Date.parse('2026-04-05T02:30:00Z'))).toBe('2026-04-04');
    expect(santiago(Date.parse('2026-04-05T03:30:00Z'))).toBe('2026-04-04');
    expect(santiago(Date.parse('2026-04-05T04:30:00Z'))).toBe('2026-04-05');
  });

  it('refuses a year, month or day holding something other than digits, naming the date', () => {
    for (const day of [
      '20x6-01-01',
      '202 -01-01',
      '-026-01-01',
      '2026-0a-01',
      '2026-1/-01',
      '2026-01-0a',
      '2026-01-3/',
      '2026-O1-01',
    ])
      expect(() => weekdayOf(day), day).toThrow(new RangeError(`not a YYYY-MM-DD date: ${day}`));
  });

  it('keeps the 31st when adding months in a leap year lands on a long month', () => {
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2024-05-31', 2)).toBe('2024-07-31');
    expect(addMonths('2024-03-30', 1)).toBe('2024-04-30');
  });
});
