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

function parts(day: LocalDate): [number, number, number] {
  const m = ISO_DATE.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
 * The local date of a moment in an IANA time zone ("Asia/Jakarta"). Zone
 * offsets are whole quarter hours, so one answer per quarter hour is remembered:
 * a million events cost a few thousand calls to Intl, not a million.
 */
export function dayInZone(timeZone: string): (at: number) => LocalDate {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const QUARTER = 15 * 60_000;
  const known = new Map<number, LocalDate>();
  return (at) => {
    const bucket = Math.floor(at / QUARTER);
    let day = known.get(bucket);
    if (day === undefined) {
      const p: Record<string, string> = {};
      for (const { type, value } of format.formatToParts(bucket * QUARTER)) p[type] = value;
      day = `${p.year!.padStart(4, '0')}-${p.month}-${p.day}`;
      if (known.size > 200_000) known.clear();
      known.set(bucket, day);
    }
    return day;
  };
}
