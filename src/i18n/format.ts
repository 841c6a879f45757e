/**
 * Numbers, money and times for the reader. The words follow the interface
 * language; the conventions (separators, day before month, 24-hour clock)
 * follow the shop's country, whatever the language: an English screen in a
 * Malaysian shop writes 2/12/2026 and RM 29.90, in an Indonesian one Rp 50.000.
 * Formatters are made once per locale and options (a members list formats
 * thousands of cells).
 */
import { COUNTRY_LOCALE, currencyDecimals } from '../domain/locale';
import type { Country, Currency } from '../domain/shop';
import i18n from './index';

let shopCountry: Country | null = null;

/** The shop's country, set when the shop is known (null on a customer's phone: the language decides). */
export function setShopCountry(country: Country | null): void {
  shopCountry = country;
}

export interface FormatLocales {
  /** Numbers and money. */
  numbers: string;
  /** Dates, times and relative times ("3 days ago"). */
  dates: string;
}

const localesCache = new Map<string, FormatLocales>();

/**
 * The locales that write numbers and dates for a reader of `language` in a shop
 * in `country`: "en-MY" where Intl knows the pair; otherwise the country's own
 * locale for numbers, and for dates the language itself when it orders day and
 * month as the country does (else English of the country's order).
 */
export function formatLocales(language: string, country: Country | null): FormatLocales {
  const key = `${language} ${country}`;
  let found = localesCache.get(key);
  if (!found) {
    found = pickLocales(language, country);
    localesCache.set(key, found);
  }
  return found;
}

function pickLocales(language: string, country: Country | null): FormatLocales {
  if (country === null) return { numbers: language, dates: language };
  const pair = `${language}-${country}`;
  if (new Intl.DateTimeFormat(pair).resolvedOptions().locale === pair)
    return { numbers: pair, dates: pair };
  const local = COUNTRY_LOCALE[country];
  const countryDayFirst = dayFirst(local);
  const dates =
    dayFirst(language) === countryDayFirst || language !== 'en'
      ? language
      : countryDayFirst
        ? 'en-GB'
        : 'en-US';
  return { numbers: local, dates };
}

function dayFirst(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).formatToParts(0);
  return parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month');
}

/** The locales for the current language and the shop's country. */
export function readerLocales(): FormatLocales {
  return formatLocales(i18n.language || 'en', shopCountry);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A number formatter for the reader, made once per locale and options (`name` names the options). */
export function numberFormat(
  options: Intl.NumberFormatOptions = {},
  name = JSON.stringify(options),
): Intl.NumberFormat {
  const locale = readerLocales().numbers;
  const key = `${locale} ${name}`;
  let f = numberFormats.get(key);
  if (!f)
    numberFormats.set(
      key,
      (f = new Intl.NumberFormat(locale, { numberingSystem: 'latn', ...options })),
    );
  return f;
}

function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = readerLocales().dates;
  const key = `${locale} ${name}`;
  let f = dateFormats.get(key);
  if (!f)
    dateFormats.set(
      key,
      (f = new Intl.DateTimeFormat(locale, {
        calendar: 'gregory',
        numberingSystem: 'latn',
        ...options,
      })),
    );
  return f;
}

export function formatNumber(n: number): string {
  return numberFormat({}, 'plain').format(n);
}

/** An amount of money in the shop's currency (no decimals in rupiah and đồng). */
export function formatMoney(amount: number, currency: Currency): string {
  const digits = currencyDecimals(currency);
  return numberFormat({
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

const asDate = (at: number | string) =>
  typeof at === 'string' ? new Date(`${at}T00:00:00`) : new Date(at);

/** "2 Dec 2026". A YYYY-MM-DD string is that day in the device's zone. */
export function formatDate(at: number | string): string {
  return dateFormat('date', { dateStyle: 'medium' }).format(asDate(at));
}

/** "02/12/2026": for tables, where columns of dates are read down. */
export function formatShortDate(at: number | string): string {
  return dateFormat('short', { dateStyle: 'short' }).format(asDate(at));
}

/** "12 Nov": a chart axis has little room. */
export function formatDayMonth(at: number | string): string {
  return dateFormat('dayMonth', { day: 'numeric', month: 'short' }).format(asDate(at));
}

/** "12 March": when stamps expire (within a year or so, the year goes without saying). */
export function formatDayLongMonth(at: number | string): string {
  return dateFormat('dayLongMonth', { day: 'numeric', month: 'long' }).format(asDate(at));
}

export function formatDateTime(at: number): string {
  return dateFormat('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A time of day, "2:56 PM": for things that happened today. */
export function formatTime(at: number): string {
  return dateFormat('time', { timeStyle: 'short' }).format(at);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 days ago"; under a minute, "just now" (Intl would say "this minute"). */
export function formatRelative(at: number, now: number): string {
  const diff = at - now;
  const locale = readerLocales().dates;
  let rtf = relativeFormats.get(locale);
  if (!rtf)
    relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return i18n.t('common.justNow');
}

/** Today's date in the device's zone, YYYY-MM-DD. */
export function todayIso(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// "{{count, number}}" in the catalogues writes numbers as formatNumber does (the catalogues pass no options).
i18n.services.formatter?.add('number', (value: unknown) =>
  typeof value === 'number' ? formatNumber(value) : String(value),
);
