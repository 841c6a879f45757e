import { describe, expect, it } from 'vitest';
import { expiryView, type ExpiryRule, type StampDay } from './expiry';

/** Stamps count three months from the day they were earned (the rule set long before). */
const threeMonths: ExpiryRule = { mode: 'earned', months: 3, since: '2020-01-01' };

/**
 * Five stamps in January (their last day 1 April), a visit in March and one
 * stamp in June: by 2 June the January stamps are gone and the June one counts
 * until 1 September, whatever order the days are handed over in.
 */
const afterJanuaryExpired = {
  plainBalance: 6,
  balance: 1,
  expired: 5,
  next: { on: '2026-09-01', stamps: 1 },
  schedule: [{ on: '2026-09-01', stamps: 1 }],
};

describe('expiry over stamp days handed over out of order', () => {
  it('plays shuffled days in date order, so January’s stamps still expire before June', () => {
    const days: StampDay[] = [
      ['2026-01-01', 5, 0, 1],
      ['2026-06-01', 1, 0, 1],
      ['2026-03-01', 0, 0, 1],
    ];
    expect(expiryView(days, threeMonths, '2026-06-02')).toEqual(afterJanuaryExpired);
  });

  it('plays days given newest first in date order too', () => {
    const days: StampDay[] = [
      ['2026-06-01', 1, 0, 1],
      ['2026-01-01', 5, 0, 1],
    ];
    expect(expiryView(days, threeMonths, '2026-06-02')).toEqual(afterJanuaryExpired);
  });
});
