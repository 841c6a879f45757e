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

describe('dayInZone across clock changes', () => {
  it('follows a daylight-saving change to the minute', () => {
    // Sydney: clocks go back from +11 to +10 at 03:00 local on 5 April 2026 (16:00 UTC on the 4th).
    const sydney = dayInZone('Australia/Sydney');
    expect(sydney(Date.UTC(2026, 3, 4, 12, 59))).toBe('2026-04-04');
    expect(sydney(Date.UTC(2026, 3, 4, 13, 0))).toBe('2026-04-05');
    expect(sydney(Date.UTC(2026, 3, 5, 13, 59))).toBe('2026-04-05');
    expect(sydney(Date.UTC(2026, 3, 5, 14, 0))).toBe('2026-04-06');
  });

  it('agrees with Intl on the days clocks change, minute by minute', () => {
    const zones: [string, number][] = [
      ['America/New_York', Date.UTC(2026, 2, 8)],
      ['America/New_York', Date.UTC(2026, 10, 1)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4)], // half an hour back
    ];
    for (const [zone, day] of zones) {
      const mine = dayInZone(zone);
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
      for (let at = day - 86_400_000; at < day + 2 * 86_400_000; at += 60_000)
        if (mine(at) !== intl.format(at))
          expect([zone, at, mine(at)]).toEqual([zone, at, intl.format(at)]);
    }
  });

  it('agrees with Intl at any moment', () => {
    for (const zone of ['Asia/Ho_Chi_Minh', 'America/New_York', 'Australia/Lord_Howe']) {
      const mine = dayInZone(zone);
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (at) => {
          expect(mine(at)).toBe(intl.format(at));
        }),
        { numRuns: 500 },
      );
    }
  });
});
