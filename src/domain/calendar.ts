/**
 * Dates in the shop's calendar, as YYYY-MM-DD strings. Everything that counts
 * days or months (expiry, birthdays, segments) works on these local dates, so
 * every tablet and the server agree whatever their own clock's zone: the time
 * of an event becomes a local date once, through `dayInZone`.
 * ISO dates compare with `<` as strings.
 */

export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The digit at `i`, or NaN. */
function digit(day: string, i: number): number {
  const c = day.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

function parts(day: LocalDate): [number, number, number] {
  // Expiry works these out for every member of a segment: digits, no regex or slices.
  const y = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
  const m = digit(day, 5) * 10 + digit(day, 6);
  const d = digit(day, 8) * 10 + digit(day, 9);
  if (day.length !== 10 || day[4] !== '-' || day[7] !== '-' || !(y >= 0 && m >= 1 && d >= 1))
    throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return [y, m, d];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromUtc = (ms: number): LocalDate => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const toUtc = (day: LocalDate): number => {
  const [y, m, d] = parts(day);
  return Date.UTC(y, m - 1, d);
};

export function isLocalDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  return fromUtc(toUtc(text)) === text;
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * The same day `months` months later; a day the target month lacks becomes its
 * last day (31 January + 1 month = 28 or 29 February), as people count months.
 */
export function addMonths(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDate): number {
  return new Date(toUtc(day)).getUTCDay();
}

/** The first day of the week holding `day`; weeks start on Monday (1) unless told otherwise. */
export function startOfWeek(day: LocalDate, weekStartsOn = 1): LocalDate {
  return addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/**
 * The local date of a moment in an IANA time zone ("Asia/Jakarta"). Intl is
 * slow (microseconds a call), so the zone's offset is asked once per UTC day:
 * when it is the same at both ends of the day, it held all day (a zone never
 * changes and changes back within a day); on the day of a change, once per
 * quarter hour (every zone's offsets are whole quarter hours).
 */
export function dayInZone(timeZone: string): (at: number) => LocalDate {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  /** Local wall time minus UTC at a moment, in ms (seconds are never part of an offset). */
  const offsetAt = (at: number): number => {
    const p: Record<string, string> = {};
    for (const { type, value } of format.formatToParts(at)) p[type] = value;
    const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
    return local - Math.floor(at / 60_000) * 60_000;
  };
  const QUARTER = 15 * 60_000;
  /** Per UTC day: the offset all day, or null on a day the offset changes. */
  const byDay = new Map<number, number | null>();
  const byQuarter = new Map<number, number>();
  return (at) => {
    const utcDay = Math.floor(at / DAY_MS);
    let offset = byDay.get(utcDay);
    if (offset === undefined) {
      const start = offsetAt(utcDay * DAY_MS);
      offset = start === offsetAt((utcDay + 1) * DAY_MS) ? start : null;
      if (byDay.size > 100_000) byDay.clear();
      byDay.set(utcDay, offset);
    }
    if (offset === null) {
      const quarter = Math.floor(at / QUARTER);
      offset = byQuarter.get(quarter);
      if (offset === undefined) byQuarter.set(quarter, (offset = offsetAt(quarter * QUARTER)));
    }
    return fromUtc(at + offset);
  };
}
