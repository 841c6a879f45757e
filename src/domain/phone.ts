/**
 * Phone numbers are stored in E.164 and searched by two keys, so that
 * "0812-3456 789", "812 3456 789" and "+62 812 3456 789" all find one member.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export interface NormalisedPhone {
  e164: string;
  /** The national significant number and the international digits, both prefix-searchable. */
  keys: string[];
}

export type PhoneResult = { ok: true; phone: NormalisedPhone } | { ok: false; error: 'invalid' };

export function normalisePhone(input: string, country: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(input.trim(), country as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, error: 'invalid' };
  return { ok: true, phone: { e164: parsed.number, keys: phoneKeys(parsed.number) } };
}

/** Search keys of an E.164 number, without needing the phone metadata (for imports and sync). */
export function phoneKeys(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const international = e164.replace(/\D/g, '');
  if (!parsed) return [international];
  return [...new Set([parsed.nationalNumber as string, international])];
}

/** International format for display, e.g. "+62 812-3456-789". */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
