import { describe, expect, it } from 'vitest';
import { checkCooldown } from './cooldown';
import { yearIn } from './decision';
import { DEFAULT_RULES, largestSale, validateRules, type ProgramRules, type Tier } from './rules';
import { currentTier } from './tier';

const MINUTE = 60_000;

describe('the cooldown at its edges', () => {
  const rule = { enabled: true, maxStamps: 2, minutes: 60 };
  const now = 1_750_000_000_000;

  it('counts a stamp given exactly now, and not one given exactly 60 minutes ago', () => {
    expect(checkCooldown(rule, [{ at: now, stamps: 1 }], 1, now)).toEqual({
      allowed: true,
      given: 1,
      remaining: 1,
    });
    expect(checkCooldown(rule, [{ at: now - 60 * MINUTE, stamps: 2 }], 2, now)).toEqual({
      allowed: true,
      given: 0,
      remaining: 2,
    });
    expect(checkCooldown(rule, [{ at: now - 60 * MINUTE + 1, stamps: 2 }], 1, now)).toEqual({
      allowed: false,
      given: 2,
      remaining: 0,
    });
  });

  it('leaves out stamps older than the window and any dated after now', () => {
    const recent = [
      { at: now - 3 * 60 * MINUTE, stamps: 5 },
      { at: now + MINUTE, stamps: 5 },
      { at: now - 10 * MINUTE, stamps: 1 },
    ];
    expect(checkCooldown(rule, recent, 1, now)).toEqual({ allowed: true, given: 1, remaining: 1 });
  });
});

describe('the program rules at their edges', () => {
  const withCooldown = (maxStamps: number, minutes: number): ProgramRules => ({
    ...DEFAULT_RULES,
    cooldown: { enabled: true, maxStamps, minutes },
  });

  it('takes a cooldown of 1 stamp in 1 minute, not 0', () => {
    expect(validateRules(withCooldown(1, 1))).toEqual([]);
    expect(validateRules(withCooldown(1, 0))).toEqual(['rules.cooldown']);
    expect(validateRules(withCooldown(0, 1))).toEqual(['rules.cooldown']);
  });

  it('takes a limit of 1 stamp per visit, not 0', () => {
    expect(validateRules({ ...DEFAULT_RULES, maxStampsPerVisit: 1 })).toEqual([]);
    expect(validateRules({ ...DEFAULT_RULES, maxStampsPerVisit: 0 })).toEqual([
      'rules.maxStampsPerVisit',
    ]);
  });

  it('asks for an amount per stamp only when stamps go by amount', () => {
    const item: ProgramRules = {
      ...DEFAULT_RULES,
      earning: { mode: 'item', stampsPerItem: 1, amountPerStamp: 0 },
    };
    expect(validateRules(item)).toEqual([]);
    expect(validateRules({ ...item, earning: { ...item.earning, mode: 'amount' } })).toEqual([
      'rules.amountPerStamp',
    ]);
  });

  it('lets a promotion run from a date with no end, or to a date with no start', () => {
    const promotion = { id: 'p', name: 'Lebaran', multiplier: 2, weekdays: [] };
    for (const [from, to] of [
      ['2026-03-01', null],
      ['2026-03-01', ''],
      [null, '2026-03-01'],
      ['2026-03-01', '2026-03-01'],
    ] as const)
      expect(validateRules({ ...DEFAULT_RULES, promotions: [{ ...promotion, from, to }] })).toEqual(
        [],
      );
  });

  it('refuses a sale above 10 full visits at the amount per stamp, and only by amount', () => {
    const byAmount: ProgramRules = {
      ...DEFAULT_RULES,
      earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 25_000 },
    };
    // 25,000 per stamp × 20 stamps a visit × 10.
    expect(largestSale(byAmount)).toBe(5_000_000);
    expect(largestSale({ ...byAmount, maxStampsPerVisit: 4 })).toBe(1_000_000);
    expect(largestSale({ ...byAmount, earning: { ...byAmount.earning, amountPerStamp: 0 } })).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(largestSale(DEFAULT_RULES)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('the tier at its edges', () => {
  const silver: Tier = { id: 's', name: 'Silver', basis: 'visits', threshold: 5, multiplier: 1.5 };
  const gold: Tier = { id: 'g', name: 'Gold', basis: 'visits', threshold: 10, multiplier: 2 };

  it('is the best tier reached, whatever order the owner listed the tiers in', () => {
    expect(currentTier([gold, silver], { visits: 12, rewards: 0 })).toBe(gold);
    expect(currentTier([gold, silver], { visits: 7, rewards: 0 })).toBe(silver);
    expect(currentTier([gold, silver], { visits: 10, rewards: 0 })).toBe(gold);
  });
});

describe('the shop’s calendar year', () => {
  it('is the year of the local date, not of UTC', () => {
    // 31 December 17:30 UTC is already 1 January in Jakarta.
    const jakarta = { day: () => ({ date: '2027-01-01', weekday: 5 }) };
    expect(yearIn(jakarta)(Date.parse('2026-12-31T17:30:00Z'))).toBe(2027);
  });
});
