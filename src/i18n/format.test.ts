import { afterAll, describe, expect, it } from 'vitest';
import i18n from './index';
import { formatDate, formatMoney, formatNumber, formatRelative } from './format';

// Intl puts no-break spaces in some formats; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const NOON = Date.UTC(2026, 10, 22, 12);

describe('formats for each language', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('writes money with no decimals in rupiah and đồng, and with cents elsewhere', () => {
    expect(plain(formatMoney(25_000, 'IDR', 'id'))).toBe('Rp 25.000');
    expect(plain(formatMoney(45_000, 'VND', 'vi'))).toBe('45.000 ₫');
    expect(plain(formatMoney(12.5, 'MYR', 'ms'))).toBe('RM 12.50');
    expect(plain(formatMoney(3.5, 'USD', 'en'))).toBe('$3.50');
    expect(plain(formatMoney(25_000.4, 'IDR', 'en'))).toBe('IDR 25,000');
  });

  it.each([
    ['en', '1,234,567.5', 'Nov 22, 2026', '3 days ago'],
    ['id', '1.234.567,5', '22 Nov 2026', '3 hari yang lalu'],
    ['ms', '1,234,567.5', '22 Nov 2026', '3 hari lalu'],
    ['vi', '1.234.567,5', '22 thg 11, 2026', '3 ngày trước'],
  ])('%s: numbers, dates and relative times', async (language, number, date, relative) => {
    await i18n.changeLanguage(language);
    expect(formatNumber(1_234_567.5)).toBe(number);
    expect(plain(formatDate(NOON))).toBe(date);
    expect(formatRelative(NOON - 3 * 24 * 3600_000, NOON)).toBe(relative);
  });
});
