import { describe, expect, it } from 'vitest';
import {
  cleanShopDetails,
  countryForCurrency,
  CURRENCIES,
  isPinFormat,
  validateSetup,
  validateShopDetails,
  type SetupInput,
} from './shop';

const good: SetupInput = {
  name: 'Kopi Senja',
  stampsPerCard: '10',
  rewardName: 'Free coffee',
  currency: 'IDR',
  country: 'ID',
  pin: '2468',
  pinRepeat: '2468',
};

describe('the shop’s details at their edges', () => {
  it.each<[string, Partial<SetupInput>, Record<string, string>]>([
    ['a good shop', {}, {}],
    ['a blank name', { name: '   ' }, { name: 'shopName.required' }],
    ['a 60-character name', { name: 'k'.repeat(60) }, {}],
    ['a 61-character name', { name: 'k'.repeat(61) }, { name: 'shopName.tooLong' }],
    // Characters, not UTF-16 units: 60 emoji are 60 characters.
    ['60 emoji', { name: '☕'.repeat(30) + '🍰'.repeat(30) }, {}],
    ['spaces around a 60-character name', { name: `  ${'k'.repeat(60)}  ` }, {}],
    ['2 stamps a card', { stampsPerCard: '2' }, {}],
    ['1 stamp a card', { stampsPerCard: '1' }, { stampsPerCard: 'stampsPerCard.range' }],
    ['50 stamps a card', { stampsPerCard: ' 50 ' }, {}],
    ['51 stamps a card', { stampsPerCard: '51' }, { stampsPerCard: 'stampsPerCard.range' }],
    ['10.5 stamps a card', { stampsPerCard: '10.5' }, { stampsPerCard: 'stampsPerCard.range' }],
    ['“1x0” stamps a card', { stampsPerCard: '1x0' }, { stampsPerCard: 'stampsPerCard.range' }],
    ['“x10” stamps a card', { stampsPerCard: 'x10' }, { stampsPerCard: 'stampsPerCard.range' }],
    ['“10x” stamps a card', { stampsPerCard: '10x' }, { stampsPerCard: 'stampsPerCard.range' }],
    ['a blank reward', { rewardName: ' ' }, { rewardName: 'reward.required' }],
    ['a 60-character reward', { rewardName: 'r'.repeat(60) }, {}],
    ['a 61-character reward', { rewardName: 'r'.repeat(61) }, { rewardName: 'reward.tooLong' }],
    ['an unknown currency', { currency: 'XYZ' }, { currency: 'currency.unknown' }],
    ['an unknown country', { country: 'ZZ' }, { country: 'country.unknown' }],
    ['a 3-digit PIN', { pin: '123', pinRepeat: '123' }, { pin: 'pin.format' }],
    ['an 8-digit PIN', { pin: '12345678', pinRepeat: '12345678' }, {}],
    ['a 9-digit PIN', { pin: '123456789', pinRepeat: '123456789' }, { pin: 'pin.format' }],
    ['a PIN repeated wrong', { pinRepeat: '2469' }, { pinRepeat: 'pin.mismatch' }],
  ])('%s', (_, patch, expected) => {
    expect(validateSetup({ ...good, ...patch })).toEqual(expected);
  });

  it('checks details without a PIN for the owner’s Shop form', () => {
    const { pin: _pin, pinRepeat: _repeat, ...details } = good;
    expect(validateShopDetails({ ...details, name: '' })).toEqual({ name: 'shopName.required' });
  });

  it('saves the details trimmed, the card size as a number', () => {
    expect(
      cleanShopDetails({ ...good, name: ' Kopi ', stampsPerCard: ' 12 ', rewardName: ' Cake ' }),
    ).toEqual({
      name: 'Kopi',
      stampsPerCard: 12,
      rewardName: 'Cake',
      currency: 'IDR',
      country: 'ID',
    });
  });

  it('takes PINs of 4 to 8 digits only', () => {
    expect(['1234', '12345678', '123', '123456789', '12a4', ' 1234'].map(isPinFormat)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('prefills the country of each currency, Indonesia when none fits', () => {
    expect(CURRENCIES.map(countryForCurrency)).toEqual([
      'ID',
      'MY',
      'VN',
      'SG',
      'TH',
      'PH',
      'US',
      'ID',
      'AU',
    ]);
  });
});
