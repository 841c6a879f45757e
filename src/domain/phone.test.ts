import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneKeys } from './phone';
import { parseMemberQuery } from './search';

function keysOf(input: string, country: string): string[] {
  const r = normalisePhone(input, country);
  if (!r.ok) throw new Error(`invalid ${input}`);
  return r.phone.keys;
}

describe('phones', () => {
  it('stores the same E.164 for local and international spellings', () => {
    const a = normalisePhone('0812-3456 789', 'ID');
    const b = normalisePhone('+62 812 3456 789', 'ID');
    expect(a).toEqual(b);
    expect(a.ok && a.phone.e164).toBe('+628123456789');
    expect(normalisePhone('012-345 6789', 'MY')).toMatchObject({
      ok: true,
      phone: { e164: '+60123456789' },
    });
    expect(normalisePhone('0912 345 678', 'VN')).toMatchObject({
      ok: true,
      phone: { e164: '+84912345678' },
    });
  });

  it('rejects what is not a phone number', () => {
    expect(normalisePhone('12', 'ID')).toEqual({ ok: false, error: 'invalid' });
    expect(normalisePhone('hello', 'ID')).toEqual({ ok: false, error: 'invalid' });
  });

  it('finds a member by any prefix of either spelling', () => {
    const keys = keysOf('0812-3456 789', 'ID');
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 11 }),
        fc.constantFrom('0812-3456 789', '+62 812 3456 789', '812 3456 789'),
        (len, typed) => {
          const prefix = typed.slice(0, len);
          const q = parseMemberQuery(prefix);
          if (q.kind !== 'phone') return;
          expect(keys.some((k) => k.startsWith(q.digits))).toBe(true);
        },
      ),
    );
  });
});

describe('phones as the shop sees them', () => {
  it('reads a number with spaces around it', () => {
    expect(normalisePhone('  0812-3456-789  ', 'ID')).toEqual({
      ok: true,
      phone: { e164: '+628123456789', keys: ['8123456789', '628123456789'] },
    });
  });

  it('refuses a number of the right shape but too short for the country', () => {
    expect(normalisePhone('0812 34', 'ID')).toEqual({ ok: false, error: 'invalid' });
    expect(normalisePhone('+62 000 0000 000', 'ID')).toEqual({ ok: false, error: 'invalid' });
  });

  it('makes search keys from a stored number: national and international digits', () => {
    expect(phoneKeys('+628123456789')).toEqual(['8123456789', '628123456789']);
    expect(phoneKeys('+84912345678')).toEqual(['912345678', '84912345678']);
    // A number from an old export that libphonenumber cannot read is still searchable by its digits.
    expect(phoneKeys('12345')).toEqual(['12345']);
  });

  it('shows numbers in international format, and anything unreadable as it is', () => {
    expect(formatPhone('+628123456789')).toBe('+62 812 3456 789');
    expect(formatPhone('nope')).toBe('nope');
  });
});
