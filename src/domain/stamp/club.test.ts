import { describe, expect, it } from 'vitest';
import { activeClub, clubUntil, decideClubSale } from './club';
import { at, DAY, eventsOf, kopiClub, stored, T0 } from '../testing/stamp';

describe('selling the club', () => {
  it('sells a period from now, recorded with its price and multiplier', () => {
    expect(decideClubSale('m1', [], kopiClub, at(T0, 'rina'))).toEqual({
      events: [
        {
          memberId: 'm1',
          type: 'club',
          stamps: 0,
          club: {
            name: 'Kopi Club',
            period: 'month',
            price: 50_000,
            multiplier: 2,
            until: clubUntil(T0, 'month'),
          },
          at: T0,
          staffId: 'rina',
        },
      ],
    });
    expect(clubUntil(T0, 'month')).toBe(Date.UTC(2026, 3, 20, 10, 0));
  });

  it('a renewal starts when the running membership ends, so no paid day is lost', () => {
    const first = stored(eventsOf(decideClubSale('m1', [], kopiClub, at(T0)))[0]!);
    const renewal = eventsOf(decideClubSale('m1', [first], kopiClub, at(T0 + 10 * DAY)))[0]!;
    expect(renewal.club!.until).toBe(clubUntil(first.club!.until, 'month'));
    // Once lapsed, a new sale starts from the day it is sold.
    const later = T0 + 40 * DAY;
    expect(activeClub([first], later)).toBeNull();
    expect(eventsOf(decideClubSale('m1', [first], kopiClub, at(later)))[0]!.club!.until).toBe(
      clubUntil(later, 'month'),
    );
  });

  it('refuses when the shop sells no club', () => {
    expect(decideClubSale('m1', [], undefined, at(T0))).toEqual({
      refused: 'club.none',
      values: {},
    });
  });
});
