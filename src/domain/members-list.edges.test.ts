import { describe, expect, it } from 'vitest';
import { EMPTY_STATS } from './balance';
import type { Member } from './member';
import {
  ALL_MEMBERS,
  filterRows,
  memberRow,
  memberTier,
  nextSort,
  NO_TIER,
  sortRows,
  type MemberRow,
} from './members-list';
import type { Tier } from './stamp/rules';

const NOW = 1_750_000_000_000;
const DAY = 86_400_000;

function member(id: string, name: string, over: Partial<Member> = {}): Member {
  return {
    id,
    name,
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    joinedAt: NOW,
    nameWords: [],
    phoneKeys: [],
    clocks: {},
    stats: EMPTY_STATS,
    ...over,
  };
}

const BRONZE: Tier = { id: 'b', name: 'Bronze', basis: 'visits', threshold: 0, multiplier: 1 };
const GOLD: Tier = { id: 'g', name: 'Gold', basis: 'rewards', threshold: 2, multiplier: 2 };

const row = (id: string, name: string, over: Partial<MemberRow> = {}): MemberRow => ({
  ...memberRow(member(id, name), []),
  ...over,
});
const ids = (list: MemberRow[]) => list.map((r) => r.id);

describe('owner members list rows', () => {
  it('shows a member as one row: name, folded name, phone, dates, stamps, tier', () => {
    const m = member('m1', 'Đặng Thị Hà', {
      phone: '+628123456789',
      joinedAt: NOW - 30 * DAY,
      anonymised: true,
      stats: { ...EMPTY_STATS, balance: 7, lastVisitAt: NOW - DAY },
    });
    expect(memberRow(m, [BRONZE, GOLD], { visits: 1, rewards: 2 })).toEqual({
      id: 'm1',
      name: 'Đặng Thị Hà',
      folded: 'dang thi ha',
      phone: '+628123456789',
      joinedAt: NOW - 30 * DAY,
      lastVisitAt: NOW - DAY,
      stamps: 7,
      tier: 'Gold',
      tierRank: 2,
      anonymised: true,
    });
  });

  it('gives a tier with no threshold to every member, counts or not', () => {
    expect(memberRow(member('m1', 'Siti'), [BRONZE, GOLD]).tier).toBe('Bronze');
    expect(memberRow(member('m1', 'Siti'), [BRONZE, GOLD]).tierRank).toBe(1);
    expect(memberTier([BRONZE, GOLD])).toEqual(BRONZE);
    expect(memberTier([], { visits: 50, rewards: 50 })).toBeNull();
  });

  it('has no tier and rank 0 when the program has no tiers', () => {
    const r = memberRow(member('m1', 'Siti'), [], { visits: 50, rewards: 50 });
    expect([r.tier, r.tierRank]).toEqual([null, 0]);
  });
});

describe('filtering the members list', () => {
  const rows = [
    row('a', 'Siti Rahma', { phone: '+628123456789', stamps: 5, tier: 'Gold' }),
    row('b', 'Budi', { phone: null, stamps: 4, tier: null }),
    row('c', 'Dewi 0812', { phone: '+6281299990000', stamps: 0, tier: 'Silver' }),
  ];

  it('shows every member, as a new list, when nothing is filtered', () => {
    const all = filterRows(rows, { text: '   ', tier: '', minStamps: null });
    expect(ids(all)).toEqual(['a', 'b', 'c']);
    expect(all).not.toBe(rows);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, minStamps: Number.NaN }))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('matches part of a name, ignoring spaces around what was typed', () => {
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '  rahm ' }))).toEqual(['a']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: 'x' }))).toEqual([]);
  });

  it('matches phone digits however they are spaced, and digits in names too', () => {
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '(62) 812-99' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '0812' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '8123' }))).toEqual(['a']);
    // Letters with the digits: a name search, not a phone one.
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: 'a 812' }))).toEqual([]);
  });

  it('keeps members with at least the minimum stamps', () => {
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, minStamps: 4 }))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, minStamps: 0 }))).toEqual(['a', 'b', 'c']);
  });

  it('combines the filters', () => {
    expect(ids(filterRows(rows, { text: 'i', tier: NO_TIER, minStamps: null }))).toEqual(['b']);
    expect(ids(filterRows(rows, { text: 'i', tier: 'Gold', minStamps: 6 }))).toEqual([]);
    expect(ids(filterRows(rows, { text: '', tier: 'Silver', minStamps: null }))).toEqual(['c']);
  });
});

describe('sorting the members list', () => {
  it('breaks ties by name, then by id', () => {
    const rows = [
      row('z', 'Ana', { stamps: 3 }),
      row('y', 'ana', { stamps: 3 }),
      row('x', 'Ana', { stamps: 3 }),
      row('w', 'Budi', { stamps: 3 }),
    ];
    expect(ids(sortRows(rows, { key: 'stamps', direction: 'descending' }))).toEqual([
      'x',
      'z',
      'y',
      'w',
    ]);
    expect(ids(sortRows(rows, { key: 'name', direction: 'ascending' }))).toEqual([
      'x',
      'z',
      'y',
      'w',
    ]);
    // Members of one name stay in id order whichever way the names go.
    expect(ids(sortRows(rows, { key: 'name', direction: 'descending' }))).toEqual([
      'w',
      'y',
      'x',
      'z',
    ]);
  });

  it('sorts tiers by rank, members without a tier last either way', () => {
    const rows = [
      row('a', 'A', { tier: null, tierRank: 0 }),
      row('b', 'B', { tier: 'Silver', tierRank: 1.5 }),
      row('c', 'C', { tier: 'Gold', tierRank: 2 }),
      row('d', 'D', { tier: 'Bronze', tierRank: 1 }),
    ];
    expect(ids(sortRows(rows, { key: 'tier', direction: 'ascending' }))).toEqual([
      'd',
      'b',
      'c',
      'a',
    ]);
    expect(ids(sortRows(rows, { key: 'tier', direction: 'descending' }))).toEqual([
      'c',
      'b',
      'd',
      'a',
    ]);
  });

  it('puts members never seen last, both ways, in name order', () => {
    const rows = [
      row('a', 'Cici', { lastVisitAt: null }),
      row('b', 'Budi', { lastVisitAt: NOW }),
      row('c', 'Ani', { lastVisitAt: null }),
      row('d', 'Dewi', { lastVisitAt: NOW - DAY }),
    ];
    expect(ids(sortRows(rows, { key: 'lastVisit', direction: 'ascending' }))).toEqual([
      'd',
      'b',
      'c',
      'a',
    ]);
    expect(ids(sortRows(rows, { key: 'lastVisit', direction: 'descending' }))).toEqual([
      'b',
      'd',
      'c',
      'a',
    ]);
  });

  it('starts name ascending and numbers descending, and flips back', () => {
    expect(nextSort({ key: 'stamps', direction: 'descending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'joined')).toEqual({
      key: 'joined',
      direction: 'descending',
    });
    expect(nextSort({ key: 'joined', direction: 'descending' }, 'joined')).toEqual({
      key: 'joined',
      direction: 'ascending',
    });
  });
});

describe('the members list at its edges', () => {
  const rows = [
    row('a', 'Siti Rahma', { phone: '+628123456789', stamps: 5 }),
    row('b', 'Budi 12', { phone: '+6281200001111', stamps: 4 }),
  ];

  it('searches phones only when all that was typed is phone-like', () => {
    // "12ab" is a name search: Budi's phone has 12 in it, his name has no "12ab".
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '12ab' }))).toEqual([]);
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, text: '120000' }))).toEqual(['b']);
  });

  it('filters nothing by a minimum that is not a finite number', () => {
    expect(ids(filterRows(rows, { ...ALL_MEMBERS, minStamps: Number.POSITIVE_INFINITY }))).toEqual([
      'a',
      'b',
    ]);
  });

  it('sorts names as folded, so capitals and accents do not jump the queue', () => {
    const list = [row('1', 'Budi'), row('2', 'adi'), row('3', 'Ánh'), row('4', 'citra')];
    expect(ids(sortRows(list, { key: 'name', direction: 'ascending' }))).toEqual([
      '2',
      '3',
      '1',
      '4',
    ]);
  });

  it('sorts members alike in every way by id', () => {
    const list = [row('c', 'Ana'), row('a', 'Ana'), row('b', 'Ana')];
    expect(ids(sortRows(list, { key: 'stamps', direction: 'descending' }))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(sortRows(list, { key: 'name', direction: 'descending' }))).toEqual(['a', 'b', 'c']);
  });

  it('starts a new column in its own direction, whatever the old one was', () => {
    expect(nextSort({ key: 'name', direction: 'descending' }, 'stamps')).toEqual({
      key: 'stamps',
      direction: 'descending',
    });
    expect(nextSort({ key: 'stamps', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
  });
});
