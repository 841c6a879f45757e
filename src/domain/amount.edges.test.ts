import { describe, expect, it } from 'vitest';
import { formatAmountInput, readMoney, readNumber, type AmountReading } from './amount';

const ok = (value: number): AmountReading => ({ ok: true, value });
const no = (problem: string): AmountReading => ({ ok: false, problem }) as AmountReading;
const rupiah = { locale: 'id-ID', fractionDigits: 0 };

describe('money typed with a locale’s own signs', () => {
  it('reads Persian separators (٬ groups, ٫ decimals) typed with Latin digits', () => {
    expect(readNumber('1٬234٫5', { locale: 'fa', fractionDigits: 2 })).toEqual(ok(1234.5));
    expect(readNumber('12٬345', { locale: 'fa', fractionDigits: 0 })).toEqual(ok(12_345));
  });

  it('reads an apostrophe as a thousands sign, in groups of three only', () => {
    expect(readNumber("1'234", { locale: 'en', fractionDigits: 0 })).toEqual(ok(1234));
    expect(readNumber("12'34", { locale: 'en', fractionDigits: 0 })).toEqual(no('grouping'));
  });

  it('reads zero cents after a grouped rupiah amount, whichever sign the locale groups with', () => {
    expect(readMoney('Rp 50.000,00', 'IDR', 'id-ID')).toEqual(ok(50_000));
    expect(readMoney('Rp 50,000.00', 'IDR', 'id-ID')).toEqual(ok(50_000));
  });

  it('calls two separators side by side a grouping slip, not two ways of grouping', () => {
    expect(readNumber('1 .000', rupiah)).toEqual(no('grouping'));
  });
});

describe('the shop’s currency, and others, around the number', () => {
  it('says nothing was typed when only spaces were', () => {
    expect(readMoney('   ', 'IDR', 'id-ID')).toEqual(no('empty'));
  });

  it('takes the longest sign first: "đồng 50.000" is not "đ" followed by letters', () => {
    expect(readMoney('đồng 50.000', 'VND', 'vi-VN')).toEqual(ok(50_000));
    expect(readMoney('50.000 đồng', 'VND', 'vi-VN')).toEqual(ok(50_000));
  });

  it('knows the signs the locale prints, such as "$US" in French', () => {
    expect(readMoney('50 $US', 'USD', 'fr-FR')).toEqual(ok(50));
  });

  it('calls a lone "$" or "đ" another currency in a rupiah shop', () => {
    expect(readMoney('$', 'IDR', 'id-ID')).toEqual(no('otherCurrency'));
    expect(readMoney('5đ', 'IDR', 'id-ID')).toEqual(no('otherCurrency'));
  });

  it('does not call the shop’s own sign in the wrong place another currency', () => {
    expect(readMoney('5 Rp 000', 'IDR', 'id-ID')).toEqual(no('notANumber'));
    expect(readMoney('5 rupiah 000', 'IDR', 'id-ID')).toEqual(no('notANumber'));
  });
});

describe('a number shown back in a field', () => {
  it('shows no more decimals than the field takes, as the locale writes them', () => {
    expect(formatAmountInput(1234.4, 0, 'id-ID')).toBe('1.234');
    expect(formatAmountInput(29.9, 2, 'ms-MY')).toBe('29.9');
    expect(formatAmountInput(1.5, 0, 'en')).toBe('2');
  });
});
