import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Country } from '../domain/shop';
import i18n, { loadCatalogues, loadLanguage, type Language } from './index';
import {
  formatDate,
  formatDateTime,
  formatLocales,
  formatMoney,
  formatNumber,
  formatRelative,
  formatShortDate,
  setShopCountry,
} from './format';

// Intl puts no-break spaces in some formats; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const NOON = Date.UTC(2026, 10, 22, 12);
/** 2 December 2026, noon in the test's zone: day and month tell apart. */
const DEC_2 = new Date(2026, 11, 2, 12).getTime();

async function reader(language: string, country: Country | null) {
  await loadLanguage(language as Language);
  await i18n.changeLanguage(language);
  setShopCountry(country);
}

describe('formats for each language', () => {
  afterAll(() => i18n.changeLanguage('en'));
  afterEach(() => setShopCountry(null));

  it('writes money with no decimals in rupiah and đồng, and with cents elsewhere', async () => {
    await reader('id', 'ID');
    expect(plain(formatMoney(25_000, 'IDR'))).toBe('Rp 25.000');
    await reader('vi', 'VN');
    expect(plain(formatMoney(45_000, 'VND'))).toBe('45.000 ₫');
    await reader('ms', 'MY');
    expect(plain(formatMoney(12.5, 'MYR'))).toBe('RM 12.50');
    await reader('en', 'US');
    expect(plain(formatMoney(3.5, 'USD'))).toBe('$3.50');
    await reader('en', null);
    expect(plain(formatMoney(25_000.4, 'IDR'))).toBe('IDR 25,000');
  });

  it.each([
    ['en', '1,234,567.5', 'Nov 22, 2026', '3 days ago'],
    ['id', '1.234.567,5', '22 Nov 2026', '3 hari yang lalu'],
    ['ms', '1,234,567.5', '22 Nov 2026', '3 hari lalu'],
    ['vi', '1.234.567,5', '22 thg 11, 2026', '3 ngày trước'],
  ])('%s: numbers, dates and relative times', async (language, number, date, relative) => {
    await reader(language, null);
    expect(formatNumber(1_234_567.5)).toBe(number);
    expect(plain(formatDate(NOON))).toBe(date);
    expect(formatRelative(NOON - 3 * 24 * 3600_000, NOON)).toBe(relative);
  });

  it('says "just now" under a minute, in every language', async () => {
    for (const [language, words] of [
      ['en', 'just now'],
      ['id', 'baru saja'],
      ['ms', 'baru sahaja'],
      ['vi', 'vừa xong'],
    ]) {
      await reader(language!, 'ID');
      expect(formatRelative(NOON - 20_000, NOON)).toBe(words);
    }
  });
});

describe("dates and numbers follow the shop's country, words the language", () => {
  afterAll(() => i18n.changeLanguage('en'));
  afterEach(() => setShopCountry(null));

  it.each<[string, Country, string, string]>([
    // An English screen in a Malaysian shop: day first, as Malaysians write it.
    ['en', 'MY', '02/12/2026', '1,234,567.5'],
    ['en', 'ID', '02/12/2026', '1.234.567,5'],
    ['en', 'VN', '02/12/2026', '1.234.567,5'],
    ['en', 'US', '12/2/26', '1,234,567.5'],
    ['vi', 'MY', '2/12/26', '1,234,567.5'],
    ['id', 'VN', '02/12/26', '1.234.567,5'],
    ['ms', 'ID', '02/12/26', '1.234.567,5'],
  ])('%s in a shop in %s', async (language, country, shortDate, number) => {
    await reader(language, country);
    expect(formatShortDate(DEC_2)).toBe(shortDate);
    expect(formatNumber(1_234_567.5)).toBe(number);
  });

  it('never writes a Buddhist-era year or a 12-hour US date in a Thai shop', async () => {
    await reader('en', 'TH');
    expect(formatLocales('en', 'TH')).toEqual({ numbers: 'th-TH', dates: 'en-GB' });
    expect(plain(formatDateTime(DEC_2))).toBe('2 Dec 2026, 12:00');
  });

  it("writes the catalogues' {{count, number}} the same way", async () => {
    await loadCatalogues('owner');
    await reader('en', 'ID');
    expect(i18n.t('insights.memberCount', { count: 1995 })).toBe('1.995 members');
    setShopCountry('MY');
    expect(i18n.t('insights.memberCount', { count: 1995 })).toBe('1,995 members');
  });
});
