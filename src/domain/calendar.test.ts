import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayInZone,
  daysBetween,
  isLocalDate,
  startOfWeek,
  weekdayOf,
} from './calendar';

describe('local dates', () => {
  it('adds months as people count them: a missing day becomes the month’s last', () => {
    expect(addMonths('2025-12-12', 3)).toBe('2026-03-12');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', 24)).toBe('2028-05-15');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('knows weekdays and where a week starts', () => {
    expect(weekdayOf('2026-03-12')).toBe(4); // a Thursday
    expect(startOfWeek('2026-03-12')).toBe('2026-03-09'); // Monday
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09');
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02'); // a Sunday ends the week
    expect(startOfWeek('2026-03-12', 0)).toBe('2026-03-08');
  });

  it('tells real dates from look-alikes', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-28')).toBe(false);
  });

  it('never moves a date earlier when months are added, and keeps the day where it can', () => {
    const day = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z') })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (d, n) => {
        const later = addMonths(d, n);
        expect(later >= d).toBe(true);
        expect(isLocalDate(later)).toBe(true);
        const wanted = Number(d.slice(8));
        const got = Number(later.slice(8));
        expect(got === wanted || (got < wanted && addDays(later, 1).slice(8) === '01')).toBe(true);
      }),
    );
  });
});

describe('dayInZone', () => {
  it('gives the local date of a moment in the shop’s zone', () => {
    const jakarta = dayInZone('Asia/Jakarta'); // UTC+7
    expect(jakarta(Date.UTC(2026, 2, 11, 16, 59))).toBe('2026-03-11');
    expect(jakarta(Date.UTC(2026, 2, 11, 17, 0))).toBe('2026-03-12');
    const kathmandu = dayInZone('Asia/Kathmandu'); // UTC+5:45
    expect(kathmandu(Date.UTC(2026, 2, 11, 18, 14))).toBe('2026-03-11');
    expect(kathmandu(Date.UTC(2026, 2, 11, 18, 15))).toBe('2026-03-12');
  });
});
