/** Numbers, money and times in the reader's locale (Intl). */
import i18n from './index';

const locale = () => i18n.language || 'en';

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** Currencies whose smallest coin is not used in shops (a price in rupiah or đồng has no decimals). */
const WHOLE_UNITS = new Set(['IDR', 'VND']);

/** An amount of money in the shop's currency, for the reader's locale. */
export function formatMoney(amount: number, currency: string, language = locale()): string {
  const whole = WHOLE_UNITS.has(currency);
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(amount);
}

export function formatDate(at: number | string): string {
  const date = typeof at === 'string' ? new Date(`${at}T00:00:00`) : new Date(at);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(at: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A time of day, "2:56 PM": for things that happened today. */
export function formatTime(at: number): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(at);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 days ago", "just now". */
export function formatRelative(at: number, now: number): string {
  const diff = at - now;
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, 'minute');
}

/** Today's date in the device's zone, YYYY-MM-DD. */
export function todayIso(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
