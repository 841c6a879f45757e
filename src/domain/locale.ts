/**
 * Which conventions a shop's country writes numbers and dates in, and which
 * currencies have no decimals. Kept apart from amount.ts (the reader): the
 * counter's first load formats dates and needs only this.
 */
import type { Country, Currency } from './shop';

/** The locale whose conventions (separators, date order) a shop's country uses. */
export const COUNTRY_LOCALE: Record<Country, string> = {
  ID: 'id-ID',
  MY: 'ms-MY',
  VN: 'vi-VN',
  SG: 'en-SG',
  TH: 'th-TH',
  PH: 'en-PH',
  US: 'en-US',
  AU: 'en-AU',
  GB: 'en-GB',
};

/** Rupiah and đồng: prices carry no decimals in shops. */
export function currencyDecimals(currency: Currency): 0 | 2 {
  return currency === 'IDR' || currency === 'VND' ? 0 : 2;
}
