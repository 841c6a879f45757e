import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScannedCode } from '../../shared/scanned-code';
import { firstName } from '../../domain/member';
import { cardLinkWithSeed, readSeed, whatsappLink } from './card-seed';

describe('card link with its seed', () => {
  it('carries shop, first name, card size and reward, and still scans as the card', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 50 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        (shopName, first, stampsPerCard, rewardName) => {
          const token = '01JH8ZQ3V0M6X1TS5Y2B7C9D4E.AAAAAAAAAAAAAAAAAAAAAA';
          const link = cardLinkWithSeed('https://kopi.example', token, {
            shopName,
            firstName: first,
            stampsPerCard,
            rewardName,
          });
          const url = new URL(link);
          expect(readSeed(url.hash)).toEqual({
            shopName,
            firstName: first,
            stampsPerCard,
            rewardName,
          });
          expect(parseScannedCode(link)).toEqual({ kind: 'static', token });
        },
      ),
    );
  });

  it('ignores a card size that makes no sense', () => {
    expect(readSeed('#k=0').stampsPerCard).toBeUndefined();
    expect(readSeed('#k=abc').stampsPerCard).toBeUndefined();
    expect(readSeed('').shopName).toBeUndefined();
  });

  it('takes the first name and builds a WhatsApp link to the member', () => {
    expect(firstName('  Siti Rahma ', 'ID')).toBe('Siti');
    expect(firstName('Nguyễn Văn Đức', 'VN')).toBe('Đức');
    expect(whatsappLink('+628123456789', 'Kartu Anda: https://x/c/a b')).toBe(
      'https://wa.me/628123456789?text=Kartu%20Anda%3A%20https%3A%2F%2Fx%2Fc%2Fa%20b',
    );
    expect(whatsappLink(null, 'hi')).toBe('https://wa.me/?text=hi');
  });
});
