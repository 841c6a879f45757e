import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger';
import { DAY, kopiClub, stored, T0 } from '../testing/stamp';
import { rewardAvailability, validateReward, type CatalogueReward } from './catalogue';
import { activeClub, clubUntil, validateClub } from './club';

const mug: CatalogueReward = { id: 'mug', name: 'Setia mug', cost: 25, kind: 'merch', limit: 2 };
describe('a catalogue reward the owner writes, at its edges', () => {
  it('takes a name of 1 to 60 characters, refuses a blank or a 61-character one', () => {
    expect(validateReward({ ...mug, name: 'a' })).toEqual([]);
    expect(validateReward({ ...mug, name: 'a'.repeat(60) })).toEqual([]);
    expect(validateReward({ ...mug, name: 'a'.repeat(61) })).toEqual(['offer.name']);
    expect(validateReward({ ...mug, name: '   ' })).toEqual(['offer.name']);
    expect(validateReward({ ...mug, name: '' })).toEqual(['offer.name']);
  });

  it('costs a whole 1 to 1,000 stamps', () => {
    expect(validateReward({ ...mug, cost: 1 })).toEqual([]);
    expect(validateReward({ ...mug, cost: 1000 })).toEqual([]);
    expect(validateReward({ ...mug, cost: 0 })).toEqual(['offer.cost']);
    expect(validateReward({ ...mug, cost: 1001 })).toEqual(['offer.cost']);
    expect(validateReward({ ...mug, cost: 2.5 })).toEqual(['offer.cost']);
    expect(validateReward({ ...mug, cost: Number.NaN })).toEqual(['offer.cost']);
  });

  it('limits an edition to a whole 1 to 100,000, or not at all', () => {
    expect(validateReward({ ...mug, limit: null })).toEqual([]);
    expect(validateReward({ ...mug, limit: 1 })).toEqual([]);
    expect(validateReward({ ...mug, limit: 100_000 })).toEqual([]);
    expect(validateReward({ ...mug, limit: 0 })).toEqual(['offer.limit']);
    expect(validateReward({ ...mug, limit: 100_001 })).toEqual(['offer.limit']);
    expect(validateReward({ ...mug, limit: 1.5 })).toEqual(['offer.limit']);
  });

  it('names every mistake at once, in the form’s order', () => {
    expect(validateReward({ ...mug, name: '', cost: 0, limit: 0 })).toEqual([
      'offer.name',
      'offer.cost',
      'offer.limit',
    ]);
  });

  it('is given once the balance reaches its cost exactly, not a stamp before', () => {
    expect(rewardAvailability(mug, 25, 0)).toBe('ok');
    expect(rewardAvailability(mug, 24, 0)).toBe('tooFewStamps');
    expect(rewardAvailability(mug, 25, 2)).toBe('soldOut');
    expect(rewardAvailability(mug, 25, 1)).toBe('ok');
    expect(rewardAvailability({ ...mug, limit: null }, 25, 500)).toBe('ok');
  });
});

describe('the club the owner writes, at its edges', () => {
  it('takes a name of 1 to 60 characters', () => {
    expect(validateClub({ ...kopiClub, name: 'a'.repeat(60) })).toEqual([]);
    expect(validateClub({ ...kopiClub, name: 'a'.repeat(61) })).toEqual(['offer.name']);
    expect(validateClub({ ...kopiClub, name: ' ' })).toEqual(['offer.name']);
  });

  it('is free or priced up to 1,000,000,000,000', () => {
    expect(validateClub({ ...kopiClub, price: 0 })).toEqual([]);
    expect(validateClub({ ...kopiClub, price: 1e12 })).toEqual([]);
    expect(validateClub({ ...kopiClub, price: 1e12 + 1 })).toEqual(['club.price']);
    expect(validateClub({ ...kopiClub, price: -1 })).toEqual(['club.price']);
    expect(validateClub({ ...kopiClub, price: Number.NaN })).toEqual(['club.price']);
  });

  it('multiplies stamps 1 to 10 times', () => {
    expect(validateClub({ ...kopiClub, multiplier: 10 })).toEqual([]);
    expect(validateClub({ ...kopiClub, multiplier: 11 })).toEqual(['club.multiplier']);
    expect(validateClub({ ...kopiClub, multiplier: 0.5 })).toEqual(['club.multiplier']);
    expect(validateClub({ ...kopiClub, multiplier: 1, perks: 'Free size upgrade' })).toEqual([]);
  });

  it('needs perks when it gives no extra stamps, and up to 200 characters of them', () => {
    expect(validateClub({ ...kopiClub, multiplier: 1, perks: '  ' })).toEqual(['club.perks']);
    expect(validateClub({ ...kopiClub, perks: 'a'.repeat(200) })).toEqual([]);
    expect(validateClub({ ...kopiClub, perks: 'a'.repeat(201) })).toEqual(['club.perks']);
  });

  it('names every mistake at once', () => {
    expect(validateClub({ name: '', price: -1, period: 'week', multiplier: 1, perks: '' })).toEqual(
      ['offer.name', 'club.price', 'club.perks'],
    );
    expect(validateClub({ ...kopiClub, multiplier: 0 })).toEqual(['club.multiplier']);
  });
});

describe('how long a membership runs', () => {
  it('a week is seven days, a month a calendar month, a year a calendar year', () => {
    expect(clubUntil(T0, 'week')).toBe(Date.UTC(2026, 2, 27, 10, 0));
    expect(clubUntil(T0, 'month')).toBe(Date.UTC(2026, 3, 20, 10, 0));
    expect(clubUntil(T0, 'year')).toBe(Date.UTC(2027, 2, 20, 10, 0));
  });

  const sale = (at: number, until: number, name = 'Kopi Club'): LedgerEvent =>
    stored({
      memberId: 'm1',
      type: 'club',
      stamps: 0,
      club: { name, period: 'month', price: 50_000, multiplier: 2, until },
      at,
      staffId: 'owner',
    });

  it('runs from the moment it is sold until the moment it lapses, not after', () => {
    const bought = sale(T0, T0 + 30 * DAY);
    expect(activeClub([bought], T0)?.name).toBe('Kopi Club');
    expect(activeClub([bought], T0 - 1)).toBeNull();
    expect(activeClub([bought], T0 + 30 * DAY - 1)?.name).toBe('Kopi Club');
    expect(activeClub([bought], T0 + 30 * DAY)).toBeNull();
  });

  it('of two running memberships, the one that lasts longer counts, whatever their order', () => {
    const short = sale(T0, T0 + 7 * DAY, 'Week pass');
    const long = sale(T0, T0 + 365 * DAY, 'Year pass');
    expect(activeClub([short, long], T0 + DAY)?.name).toBe('Year pass');
    expect(activeClub([long, short], T0 + DAY)?.name).toBe('Year pass');
  });

  it('an undone sale does not run; other lines on the card are not a membership', () => {
    const bought = sale(T0, T0 + 30 * DAY);
    const undo = stored({
      memberId: 'm1',
      type: 'reversal',
      stamps: 0,
      reverses: bought.id,
      at: T0 + 1,
      staffId: 'owner',
    });
    expect(activeClub([bought, undo], T0 + DAY)).toBeNull();
    const visit = stored({ memberId: 'm1', type: 'stamp', stamps: 1, at: T0, staffId: 'owner' });
    expect(activeClub([visit], T0 + DAY)).toBeNull();
  });
});
