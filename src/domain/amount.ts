/**
 * Numbers as people type them at a counter in Indonesia, Malaysia or Vietnam:
 * "50.000", "Rp 50.000", "50,000", "29,90", "RM 29.90", "1.000.000 ₫", "1 000 000".
 *
 * The reading is a person's, not a parser's: in rupiah and đồng (no decimals)
 * every separator groups thousands; elsewhere the last separator is the decimal
 * point when one or two digits follow it, and groups thousands otherwise. What
 * a person could read two ways, or would not write at all, is refused with a
 * reason, never guessed. Each locale's own signs come from Intl (formatToParts),
 * so the locale is passed in: nothing here reads a clock or a global setting.
 */
import { currencyDecimals } from './locale';
import { CURRENCIES, type Currency } from './shop';

export { COUNTRY_LOCALE, currencyDecimals } from './locale';

/** Why a text is not an amount (each has a message in the catalogues: amount.problem.*). */
export type AmountProblem =
  /** Nothing typed. */
  | 'empty'
  /** Letters or signs that are not part of a number. */
  | 'notANumber'
  /** Another currency's sign ("$" in a rupiah shop). */
  | 'otherCurrency'
  | 'negative'
  /** Separators not in groups of three ("5.00" in rupiah, "1,2345", "0.500"). */
  | 'grouping'
  /** One sign used both ways, or two signs grouping ("1.000.50", "1,000.000", "1.000 000"). */
  | 'ambiguous'
  /** Decimals where there are none (rupiah, đồng, a count of stamps). */
  | 'decimals'
  /** More than the field takes, or more digits than a number keeps exactly. */
  | 'tooLarge';

export type AmountReading = { ok: true; value: number } | { ok: false; problem: AmountProblem };

/** Beyond any sale, price or setting a café has: a typo (a key held down), not an amount. */
export const AMOUNT_MAX = 999_999_999_999;
/** Digits a double keeps exactly: more are refused rather than rounded. */
const DIGITS_MAX = 15;

/** How people write a currency besides what Intl prints ("Rp." with a dot, "đ" for đồng). */
const TYPED_SIGNS: Record<Currency, string[]> = {
  IDR: ['Rp.', 'Rp', 'rupiah'],
  MYR: ['RM', 'ringgit'],
  VND: ['₫', 'đ', 'đồng', 'dong', 'VNĐ', 'vnd'],
  SGD: ['S$', 'SG$', '$'],
  THB: ['฿', 'บาท', 'baht'],
  PHP: ['₱', 'PhP'],
  USD: ['US$', '$'],
  EUR: ['€'],
  AUD: ['A$', 'AU$', '$'],
};

export interface NumberShape {
  /** A BCP 47 locale: its signs are read (besides the usual dot, comma and spaces) and written. */
  locale: string;
  /** Decimals the number may have: 0 for rupiah, đồng and counts, 2 for ringgit or a multiplier. */
  fractionDigits: number;
  /** The largest value the field takes (AMOUNT_MAX when not given). */
  max?: number;
}

interface LocaleSigns {
  decimal: string;
  group: string;
}

const signsCache = new Map<string, LocaleSigns>();

function localeSigns(locale: string): LocaleSigns {
  let signs = signsCache.get(locale);
  if (!signs) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    signs = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    signsCache.set(locale, signs);
  }
  return signs;
}

const currencySignsCache = new Map<string, string[]>();

/** Every way of writing `currency` a person in `locale` might type, longest first. */
function currencySigns(currency: Currency, locale: string): string[] {
  const key = `${currency} ${locale}`;
  let signs = currencySignsCache.get(key);
  if (!signs) {
    const found = new Set<string>([currency, ...TYPED_SIGNS[currency]]);
    for (const l of [locale, 'en']) {
      for (const display of ['symbol', 'narrowSymbol', 'code'] as const) {
        const part = new Intl.NumberFormat(l, {
          style: 'currency',
          currency,
          currencyDisplay: display,
        })
          .formatToParts(1)
          .find((p) => p.type === 'currency');
        if (part) found.add(part.value.trim());
      }
    }
    signs = [...found].filter(Boolean).sort((a, b) => b.length - a.length);
    currencySignsCache.set(key, signs);
  }
  return signs;
}

/** Invisible marks Intl or a keyboard may put around a number. */
const MARKS = /[\u200e\u200f\u061c\u200b]/g;
/** Spaces of every width group thousands ("1 000 000", Intl's no-break spaces). */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const APOSTROPHES = /['’]/g;

/**
 * Reads an amount of money typed in the shop's currency; `locale` is the shop's
 * (its separators are read besides the usual ones, its currency signs recognised).
 */
export function readMoney(
  text: string,
  currency: Currency,
  locale: string,
  max: number = AMOUNT_MAX,
): AmountReading {
  const rest = text.replace(MARKS, '').trim();
  if (rest === '') return { ok: false, problem: 'empty' };
  const number = stripCurrency(rest, currencySigns(currency, locale));
  if (number === null) return { ok: false, problem: 'otherCurrency' };
  return readNumber(number, { locale, fractionDigits: currencyDecimals(currency), max });
}

/** Removes the shop's currency sign before or after the number; null when another currency's is there. */
function stripCurrency(text: string, own: string[]): string | null {
  let rest = text;
  const lower = (s: string) => s.toLocaleLowerCase('en');
  for (const sign of own) {
    const l = lower(sign);
    if (lower(rest).startsWith(l)) {
      rest = rest.slice(sign.length).trim();
      break;
    }
  }
  for (const sign of own) {
    const l = lower(sign);
    if (lower(rest).endsWith(l)) {
      rest = rest.slice(0, rest.length - sign.length).trim();
      break;
    }
  }
  // "Rp 50.000,-": the dash says "no cents", as on price tags.
  rest = rest.replace(/[.,]-$/, '');
  if (/[^\d.,\s\u00a0\u202f\u2009\u2007'’+\-−]/.test(rest) && otherCurrencyIn(rest, own))
    return null;
  return rest;
}

/** Every currency's signs, for telling "another currency" from "not a number". */
const ANY_SIGN = /[$€£¥₫₱฿₹]/;

function otherCurrencyIn(text: string, own: string[]): boolean {
  const lower = text.toLocaleLowerCase('en');
  const ownLower = new Set(own.map((s) => s.toLocaleLowerCase('en')));
  const others = CURRENCIES.flatMap((c) => [c, ...TYPED_SIGNS[c]])
    .map((s) => s.toLocaleLowerCase('en'))
    .filter((s) => !ownLower.has(s) && (s.length > 1 || !/[a-z]/.test(s)));
  return others.some((s) => lower.includes(s)) || ANY_SIGN.test(text);
}

/** Reads a plain number (a count of stamps, a multiplier) the way people in `locale` write it. */
export function readNumber(text: string, shape: NumberShape): AmountReading {
  const max = shape.max ?? AMOUNT_MAX;
  const { decimal, group } = localeSigns(shape.locale);
  let rest = text.replace(MARKS, '').trim();
  if (rest === '') return { ok: false, problem: 'empty' };
  if (/^[-−]/.test(rest)) return { ok: false, problem: 'negative' };
  rest = rest.replace(/^\+/, '');
  // The locale's own signs count as a dot or a comma (e.g. a locale grouping with "’").
  if (decimal !== '.' && decimal !== ',') rest = rest.split(decimal).join('.');
  if (group.trim() === '') rest = rest.split(group).join(' ');
  else if (group !== '.' && group !== ',') rest = rest.split(group).join(' ');
  rest = rest.replace(APOSTROPHES, ' ').replace(SPACES, ' ').trim();
  // A separator typed last ("1." on the way to "1.5") stands for nothing yet.
  rest = rest.replace(/[.,]$/, '');
  if (!/^[\d., ]+$/.test(rest) || !/\d/.test(rest)) return { ok: false, problem: 'notANumber' };
  if (/[., ]{2,}/.test(rest)) return { ok: false, problem: 'grouping' };

  const marks = [...rest.matchAll(/[.,]/g)];
  const last = marks.at(-1);
  let integer = rest;
  let fraction = '';
  if (last) {
    const after = rest.slice(last.index! + 1);
    const decimalHere = /^\d{1,2}$/.test(after);
    const zeroCents = /^0{1,2}$/.test(after);
    if (decimalHere) {
      const before = rest.slice(0, last.index);
      const sameSignBefore = before.includes(last[0]);
      if (shape.fractionDigits === 0) {
        if (!zeroCents) return { ok: false, problem: sameSignBefore ? 'grouping' : 'decimals' };
        // "50.000,00" in rupiah: zero cents after a whole amount are only a way of writing it;
        // "5.00" is more likely 5.000 mistyped than five rupiah.
        const grouped = /[., ]/.test(before) && !sameSignBefore;
        if (!grouped && !/^\d{4,}$/.test(before)) return { ok: false, problem: 'grouping' };
        integer = before;
      } else {
        if (sameSignBefore) return { ok: false, problem: 'ambiguous' };
        if (after.length > shape.fractionDigits) return { ok: false, problem: 'decimals' };
        integer = before;
        fraction = after;
      }
    }
  }
  // What is left groups thousands: one kind of separator, groups of three.
  const groupSigns = new Set(integer.match(/[., ]/g) ?? []);
  if (groupSigns.size > 1) return { ok: false, problem: 'ambiguous' };
  if (integer === '') integer = '0';
  else if (groupSigns.size === 1) {
    const groups = integer.split(/[., ]/);
    const [first, ...others] = groups;
    if (!/^[1-9]\d{0,2}$/.test(first!) || others.some((g) => !/^\d{3}$/.test(g)))
      return { ok: false, problem: 'grouping' };
  }
  const digits = integer.replace(/[., ]/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length + fraction.length > DIGITS_MAX) return { ok: false, problem: 'tooLarge' };
  const value = Number(fraction ? `${digits}.${fraction}` : digits);
  if (value > max) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value };
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const plainFormats = new Map<string, Intl.NumberFormat>();

function cached(
  cache: Map<string, Intl.NumberFormat>,
  key: string,
  make: () => Intl.NumberFormat,
): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** "Rp 50.000", "RM 29.90", "50.000 ₫": an amount with its currency, as `locale` writes it. */
export function formatMoney(value: number, currency: Currency, locale: string): string {
  const digits = currencyDecimals(currency);
  return cached(moneyFormats, `${currency} ${locale}`, () => {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }).format(value);
}

/** "50.000", "29,90": a number as `locale` writes it, for a field to show (no currency sign). */
export function formatAmountInput(value: number, fractionDigits: number, locale: string): string {
  return cached(plainFormats, `${fractionDigits} ${locale}`, () => {
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: 0,
      maximumFractionDigits: fractionDigits,
    });
  }).format(value);
}
