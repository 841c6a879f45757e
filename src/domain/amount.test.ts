import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_MAX,
  COUNTRY_LOCALE,
  currencyDecimals,
  formatAmountInput,
  formatMoney,
  readMoney,
  readNumber,
  type AmountReading,
} from './amount';
import { COUNTRIES, CURRENCIES, type Currency } from './shop';

const ok = (value: number): AmountReading => ({ ok: true, value });
const no = (problem: string): AmountReading => ({ ok: false, problem }) as AmountReading;

/** The interface languages, and each country's own locale. */
const LOCALES = [...new Set(['en', 'id', 'ms', 'vi', ...COUNTRIES.map((c) => COUNTRY_LOCALE[c])])];

describe('amounts typed the local way', () => {
  it.each<[string, Currency, string, AmountReading]>([
    ['50.000', 'IDR', 'id-ID', ok(50_000)],
    ['Rp 50.000', 'IDR', 'id-ID', ok(50_000)],
    ['Rp50.000', 'IDR', 'en', ok(50_000)],
    ['Rp. 50.000,-', 'IDR', 'id-ID', ok(50_000)],
    ['Rp 50.000,00', 'IDR', 'id-ID', ok(50_000)],
    ['50,000', 'IDR', 'en', ok(50_000)],
    ['IDR 25,000', 'IDR', 'en', ok(25_000)],
    ['25.000', 'IDR', 'en', ok(25_000)],
    ['1.000.000 ₫', 'VND', 'vi-VN', ok(1_000_000)],
    ['50.000đ', 'VND', 'vi-VN', ok(50_000)],
    ['50.000', 'VND', 'vi', ok(50_000)],
    ['1 000 000', 'VND', 'vi-VN', ok(1_000_000)],
    ['1\u00a0000\u00a0000', 'IDR', 'en', ok(1_000_000)],
    ['29,90', 'MYR', 'ms-MY', ok(29.9)],
    ['RM 29.90', 'MYR', 'ms-MY', ok(29.9)],
    ['RM29.90', 'MYR', 'en', ok(29.9)],
    ['MYR 1,234.50', 'MYR', 'en', ok(1234.5)],
    ['1.234,50', 'MYR', 'en', ok(1234.5)],
    ['1,000', 'MYR', 'ms-MY', ok(1000)],
    ['1.000', 'USD', 'en', ok(1000)],
    ['$3.5', 'USD', 'en', ok(3.5)],
    ['.5', 'EUR', 'en', ok(0.5)],
    ['12', 'SGD', 'en-SG', ok(12)],
    ['50.', 'MYR', 'en', ok(50)],
    ['0', 'IDR', 'id', ok(0)],
    // Three digits after the last separator group thousands, in any currency.
    ['29.905', 'MYR', 'en', ok(29_905)],
    ['12.345', 'USD', 'en', ok(12_345)],
  ])('reads %j in %s (%s)', (text, currency, locale, expected) => {
    expect(readMoney(text, currency, locale)).toEqual(expected);
  });

  it.each<[string, Currency, string, string]>([
    ['', 'IDR', 'id', 'empty'],
    ['   ', 'MYR', 'en', 'empty'],
    ['lima puluh', 'IDR', 'id', 'notANumber'],
    ['50.000abc', 'IDR', 'id', 'notANumber'],
    ['1e5', 'USD', 'en', 'notANumber'],
    ['$50', 'IDR', 'id', 'otherCurrency'],
    ['RM 50', 'IDR', 'id', 'otherCurrency'],
    ['€ 20', 'VND', 'vi', 'otherCurrency'],
    ['-50.000', 'IDR', 'id', 'negative'],
    ['Rp -5.000', 'IDR', 'id', 'negative'],
    ['29,90', 'IDR', 'id', 'decimals'],
    ['50.5', 'VND', 'vi', 'decimals'],
    ['5.00', 'IDR', 'id', 'grouping'],
    ['50.00', 'VND', 'en', 'grouping'],
    ['1,2345', 'USD', 'en', 'grouping'],
    ['0.500', 'MYR', 'en', 'grouping'],
    ['1,00,000', 'IDR', 'en', 'grouping'],
    ['1..000', 'IDR', 'id', 'grouping'],
    ['1.000.50', 'MYR', 'en', 'ambiguous'],
    ['1,000.000', 'MYR', 'en', 'ambiguous'],
    ['1.000 000', 'IDR', 'id', 'ambiguous'],
    ['1,5', 'IDR', 'id', 'decimals'],
    ['5000000000000', 'IDR', 'id', 'tooLarge'],
    ['99999999999999999', 'USD', 'en', 'tooLarge'],
  ])('refuses %j in %s (%s): %s', (text, currency, locale, problem) => {
    expect(readMoney(text, currency, locale)).toEqual(no(problem));
  });

  it('refuses more than the field takes', () => {
    expect(readMoney('50.000', 'IDR', 'id', 10_000)).toEqual(no('tooLarge'));
    expect(readMoney('10.000', 'IDR', 'id', 10_000)).toEqual(ok(10_000));
  });

  it('reads counts and multipliers in the locale', () => {
    expect(readNumber('1.000', { locale: 'id', fractionDigits: 0 })).toEqual(ok(1000));
    expect(readNumber('1,000', { locale: 'en', fractionDigits: 0 })).toEqual(ok(1000));
    expect(readNumber('1.5', { locale: 'en', fractionDigits: 0 })).toEqual(no('decimals'));
    expect(readNumber('1,5', { locale: 'id', fractionDigits: 2 })).toEqual(ok(1.5));
    expect(readNumber('1.25', { locale: 'vi', fractionDigits: 2 })).toEqual(ok(1.25));
    expect(readNumber('2.555', { locale: 'en', fractionDigits: 2 })).toEqual(ok(2555));
    expect(readNumber('25', { locale: 'en', fractionDigits: 0, max: 20 })).toEqual(no('tooLarge'));
  });

  it('writes amounts the way the locale does', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatMoney(50_000, 'IDR', 'id-ID'))).toBe('Rp 50.000');
    expect(plain(formatMoney(1_000_000, 'VND', 'vi-VN'))).toBe('1.000.000 ₫');
    expect(plain(formatMoney(29.9, 'MYR', 'ms-MY'))).toBe('RM 29.90');
    expect(plain(formatMoney(25_000.4, 'IDR', 'en'))).toBe('IDR 25,000');
    expect(formatAmountInput(50_000, 0, 'id-ID')).toBe('50.000');
    expect(formatAmountInput(29.9, 2, 'vi')).toBe('29,9');
  });
});

/** A value the currency can hold: whole for rupiah and đồng, cents elsewhere. */
const amountIn = (currency: Currency) =>
  currencyDecimals(currency) === 0
    ? fc.integer({ min: 0, max: AMOUNT_MAX })
    : fc.integer({ min: 0, max: 99_999_999_999 }).map((cents) => cents / 100);

describe('format → read round-trips', () => {
  it.each(CURRENCIES.flatMap((currency) => LOCALES.map((locale) => [currency, locale] as const)))(
    '%s in %s',
    (currency, locale) => {
      fc.assert(
        fc.property(amountIn(currency), (value) => {
          expect(readMoney(formatMoney(value, currency, locale), currency, locale)).toEqual(
            ok(value),
          );
          const typed = formatAmountInput(value, currencyDecimals(currency), locale);
          expect(readMoney(typed, currency, locale)).toEqual(ok(value));
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each(LOCALES)('counts and multipliers in %s', (locale) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.nat(99), (whole, cents) => {
        expect(
          readNumber(formatAmountInput(whole, 0, locale), { locale, fractionDigits: 0 }),
        ).toEqual(ok(whole));
        const value = (whole * 100 + cents) / 100;
        expect(
          readNumber(formatAmountInput(value, 2, locale), { locale, fractionDigits: 2 }),
        ).toEqual(ok(value));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the reading at its edges', () => {
  const huge = { fractionDigits: 2, max: Number.MAX_SAFE_INTEGER * 10 };
  it('keeps at most 15 digits, leading zeros not counted', () => {
    expect(readNumber('123456789012345', { locale: 'en', ...huge })).toEqual(ok(123456789012345));
    expect(readNumber('1234567890123456', { locale: 'en', ...huge })).toEqual(no('tooLarge'));
    expect(readNumber('1234567890123.45', { locale: 'en', ...huge })).toEqual(ok(1234567890123.45));
    expect(readNumber('12345678901234.56', { locale: 'en', ...huge })).toEqual(no('tooLarge'));
    expect(readNumber('000123456789012345', { locale: 'en', ...huge })).toEqual(
      ok(123456789012345),
    );
  });

  it('takes a sign only in front, and a price tag dash only at the end', () => {
    expect(readMoney('+50.000', 'IDR', 'id')).toEqual(ok(50_000));
    expect(readMoney('5+0', 'IDR', 'id')).toEqual(no('notANumber'));
    expect(readMoney('50-000', 'IDR', 'id')).toEqual(no('notANumber'));
    expect(readMoney('Rp 5.-000', 'IDR', 'id')).toEqual(no('notANumber'));
  });

  it('ignores invisible marks a keyboard or Intl puts around a number', () => {
    expect(readMoney('\u200e50.000\u200f', 'IDR', 'id')).toEqual(ok(50_000));
    expect(readNumber('\u200b1.000', { locale: 'id', fractionDigits: 0 })).toEqual(ok(1000));
    expect(readNumber('', { locale: 'id', fractionDigits: 0 })).toEqual(no('empty'));
    expect(readNumber('\u200b ', { locale: 'id', fractionDigits: 0 })).toEqual(no('empty'));
  });

  it('tells cents that are not zero from a grouping slip in rupiah', () => {
    expect(readMoney('50.000,05', 'IDR', 'id')).toEqual(no('decimals'));
    expect(readMoney('1.000.05', 'IDR', 'id')).toEqual(no('grouping'));
    expect(readMoney('1234.567', 'IDR', 'id')).toEqual(no('grouping'));
    expect(readMoney('50000,00', 'IDR', 'id')).toEqual(ok(50_000));
  });

  it('refuses more decimals than the field keeps', () => {
    expect(readNumber('1.25', { locale: 'en', fractionDigits: 1 })).toEqual(no('decimals'));
    expect(readNumber('1.2', { locale: 'en', fractionDigits: 1 })).toEqual(ok(1.2));
  });
});
