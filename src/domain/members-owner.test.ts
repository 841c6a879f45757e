import { describe, expect, it } from 'vitest';
import { adjustmentDraft, validateAdjustment } from './adjustment';
import { EMPTY_STATS } from './balance';
import type { Member } from './member';
import {
  ALL_MEMBERS,
  filterRows,
  memberRow,
  nextSort,
  NO_TIER,
  sortRows,
  type MemberRow,
} from './members-list';
import type { Tier } from './stamp/rules';
import { effectiveStaffId, staffName } from './staff';
import { isStaffPin, validateStaffInput } from './staff-input';

const NOW = 1_750_000_000_000;
const DAY = 86_400_000;

function member(id: string, name: string, over: Partial<Member['stats']> = {}, joined = 0): Member {
  return {
    id,
    name,
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    joinedAt: NOW - joined * DAY,
    nameWords: [],
    phoneKeys: [],
    clocks: {},
    stats: { ...EMPTY_STATS, ...over },
  };
}

const TIERS: Tier[] = [
  { id: 's', name: 'Silver', basis: 'visits', threshold: 5, multiplier: 1.5 },
  { id: 'g', name: 'Gold', basis: 'visits', threshold: 10, multiplier: 2 },
];

// Tiers come from the last 12 months' counts (as at the counter), not the lifetime stats.
const rows: MemberRow[] = [
  memberRow(member('a', 'Đức', { balance: 3, visits: 12, lastVisitAt: NOW - DAY }, 30), TIERS, {
    visits: 12,
    rewards: 0,
  }),
  memberRow(member('b', 'ana', { balance: 9, visits: 6, lastVisitAt: NOW - 2 * DAY }, 5), TIERS, {
    visits: 6,
    rewards: 0,
  }),
  memberRow(member('c', 'Budi', { balance: 0 }, 100), TIERS),
  // 40 visits in all, none in the last year.
  memberRow(
    member('d', 'Zainab', { balance: 7, visits: 40, lastVisitAt: NOW - 400 * DAY }, 500),
    TIERS,
  ),
];
rows[2] = { ...rows[2]!, phone: '+628123456789' };

const ids = (list: MemberRow[]) => list.map((r) => r.id);

describe('members list', () => {
  it("derives tiers from the last 12 months' visits; a year without visits means no tier", () => {
    expect(rows.map((r) => r.tier)).toEqual(['Gold', 'Silver', null, null]);
    const x = member('x', 'X', { visits: 99, lastVisitAt: NOW });
    expect(memberRow(x, [], { visits: 99, rewards: 0 }).tier).toBeNull();
    // Lifetime visits alone do not make a tier.
    expect(memberRow(x, TIERS, { visits: 4, rewards: 0 }).tier).toBeNull();
  });

  it('sorts each column both ways, missing values last', () => {
    expect(ids(sortRows(rows, { key: 'name', direction: 'ascending' }))).toEqual([
      'b',
      'c',
      'a',
      'd',
    ]);
    expect(ids(sortRows(rows, { key: 'name', direction: 'descending' }))).toEqual([
      'd',
      'a',
      'c',
      'b',
    ]);
    expect(ids(sortRows(rows, { key: 'stamps', direction: 'descending' }))).toEqual([
      'b',
      'd',
      'a',
      'c',
    ]);
    expect(ids(sortRows(rows, { key: 'joined', direction: 'ascending' }))).toEqual([
      'd',
      'c',
      'a',
      'b',
    ]);
    expect(ids(sortRows(rows, { key: 'lastVisit', direction: 'descending' }))).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
    expect(ids(sortRows(rows, { key: 'lastVisit', direction: 'ascending' }))).toEqual([
      'd',
      'b',
      'a',
      'c',
    ]);
    expect(ids(sortRows(rows, { key: 'tier', direction: 'descending' }))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('does not change the rows it sorts', () => {
    const before = ids(rows);
    sortRows(rows, { key: 'stamps', direction: 'ascending' });
    expect(ids(rows)).toEqual(before);
  });

  it('filters by name without diacritics, by phone digits, by tier and by stamps', () => {
    expect(ids(filterRows(rows, ALL_MEMBERS))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: 'duc' }))).toEqual(['a']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: 'AN' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '0812 345' }))).toEqual([]);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '812 345' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, tier: 'Gold' }))).toEqual(['a']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, tier: NO_TIER }))).toEqual(['c', 'd']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, minStamps: 7 }))).toEqual(['b', 'd']);
  });

  it('flips the direction on the same column and starts a new one naturally', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name').direction).toBe('descending');
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'stamps')).toEqual({
      key: 'stamps',
      direction: 'descending',
    });
  });
});

describe('manual adjustment', () => {
  it('requires a reason and a non-zero whole number of stamps', () => {
    expect(validateAdjustment({ stamps: '3', reason: '' })).toEqual({
      reason: 'adjustment.reason',
    });
    expect(validateAdjustment({ stamps: '0', reason: 'x' })).toEqual({ stamps: 'adjustment.zero' });
    expect(validateAdjustment({ stamps: '1.5', reason: 'x' }).stamps).toBe('adjustment.stamps');
    expect(validateAdjustment({ stamps: 'abc', reason: 'x' }).stamps).toBe('adjustment.stamps');
    expect(validateAdjustment({ stamps: '5000', reason: 'x' }).stamps).toBe('adjustment.stamps');
    expect(validateAdjustment({ stamps: '+2', reason: 'x'.repeat(201) }).reason).toBe(
      'adjustment.reasonTooLong',
    );
    expect(validateAdjustment({ stamps: '-4', reason: 'Paper card' })).toEqual({});
  });

  it('drafts a signed adjustment event with the tidied reason', () => {
    expect(adjustmentDraft('m', { stamps: '+2', reason: '  paper   card ' }, 'ana', NOW)).toEqual({
      memberId: 'm',
      type: 'adjustment',
      stamps: 2,
      reason: 'paper card',
      at: NOW,
      staffId: 'ana',
    });
    expect(adjustmentDraft('m', { stamps: '2', reason: '' }, 'ana', NOW)).toBe('adjustment.reason');
  });
});

describe('staff', () => {
  const pin = { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: '', hash: '' } as const;
  const staff = [
    { id: 's1', name: 'Ana', pin, active: true, createdAt: 0 },
    { id: 's2', name: 'Budi', pin, active: false, createdAt: 0 },
  ];

  it('takes a PIN of 4 to 6 digits', () => {
    expect(['1234', '123456'].map(isStaffPin)).toEqual([true, true]);
    expect(['123', '1234567', '12a4', ' 1234', ''].map(isStaffPin)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('needs a name not used by an active staff member', () => {
    expect(validateStaffInput({ name: ' ', pin: '12' }, staff)).toEqual({
      name: 'staffName.required',
      pin: 'staffPin.format',
    });
    expect(validateStaffInput({ name: 'ana', pin: '1234' }, staff)).toEqual({
      name: 'staffName.taken',
    });
    expect(validateStaffInput({ name: 'Budi', pin: '1234' }, staff)).toEqual({});
    expect(validateStaffInput({ name: 'x'.repeat(41), pin: '1234' }, staff).name).toBe(
      'staffName.tooLong',
    );
  });

  it('records the owner unless an active staff member is chosen', () => {
    expect(effectiveStaffId(undefined, 's1', 'owner')).toBe('owner');
    expect(effectiveStaffId(staff, 's1', 'owner')).toBe('s1');
    expect(effectiveStaffId(staff, 's2', 'owner')).toBe('owner');
    expect(effectiveStaffId(staff, null, 'owner')).toBe('owner');
    expect(staffName(staff, 's2')).toBe('Budi');
    expect(staffName(staff, 'owner')).toBeNull();
  });
});

describe('shop details and owner PIN change', async () => {
  const { validateShopDetails, validatePinChange, cleanShopDetails } =
    await import('./shop-details');
  const good = {
    name: ' Kopi Kita ',
    stampsPerCard: '8',
    rewardName: 'Free latte',
    currency: 'MYR',
    country: 'MY',
  };

  it('checks the details as setup does, without a PIN', () => {
    expect(validateShopDetails(good)).toEqual({});
    expect(validateShopDetails({ ...good, name: '', stampsPerCard: '1', currency: 'XXX' })).toEqual(
      {
        name: 'shopName.required',
        stampsPerCard: 'stampsPerCard.range',
        currency: 'currency.unknown',
      },
    );
    expect(cleanShopDetails(good)).toMatchObject({ name: 'Kopi Kita', stampsPerCard: 8 });
  });

  it('wants a new PIN of the right shape, typed twice, not the old one', () => {
    expect(validatePinChange('2468', '1357', '1357')).toEqual({});
    expect(validatePinChange('2468', '12', '12')).toEqual({ next: 'pin.format' });
    expect(validatePinChange('2468', '2468', '2468')).toEqual({ next: 'pin.same' });
    expect(validatePinChange('2468', '1357', '1358')).toEqual({ repeat: 'pin.mismatch' });
  });
});
