import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCooldown } from './cooldown';
import { earn, inBirthdayWindow, type EarnContext } from './earn';
import {
  DEFAULT_RULES,
  validateRules,
  type ProgramRules,
  type Promotion,
  type Tier,
} from './rules';
import { currentTier } from './tier';

const gold: Tier = { id: 'gold', name: 'Gold', basis: 'visits', threshold: 20, multiplier: 2 };
const lebaran: Promotion = {
  id: 'lebaran',
  name: 'Lebaran double stamps',
  multiplier: 2,
  from: '2026-03-18',
  to: '2026-03-24',
  weekdays: [],
};
const ctx: EarnContext = {
  date: '2026-03-20',
  weekday: 5,
  birthday: null,
  birthdayBonusYears: [],
  tier: null,
  clubActive: false,
  clubMultiplier: 1,
};

describe('earning rules', () => {
  it('explains each stamp: base, tier, promotion and birthday', () => {
    const rules: ProgramRules = {
      ...DEFAULT_RULES,
      promotions: [lebaran],
      birthday: { stamps: 1, windowDays: 7 },
    };
    const r = earn(rules, { quantity: 1 }, { ...ctx, tier: gold, birthday: '1990-03-22' });
    expect(r.lines).toEqual([
      { rule: 'base', stamps: 1 },
      { rule: 'tier:gold', name: 'Gold', stamps: 1, multiplier: 2 },
      { rule: 'promo:lebaran', name: 'Lebaran double stamps', stamps: 2, multiplier: 2 },
      { rule: 'birthday', stamps: 1 },
    ]);
    expect(r.stamps).toBe(5);
    // The birthday bonus comes once a year.
    expect(
      earn(rules, { quantity: 1 }, { ...ctx, birthday: '1990-03-22', birthdayBonusYears: [2026] })
        .stamps,
    ).toBe(2);
  });

  it('earns per item and per amount spent', () => {
    const perItem = {
      ...DEFAULT_RULES,
      earning: { mode: 'item' as const, stampsPerItem: 2, amountPerStamp: 1 },
    };
    expect(earn(perItem, { quantity: 3 }, ctx).stamps).toBe(6);
    const perAmount = {
      ...DEFAULT_RULES,
      earning: { mode: 'amount' as const, stampsPerItem: 1, amountPerStamp: 25_000 },
    };
    expect(earn(perAmount, { quantity: 1, amount: 74_000 }, ctx).stamps).toBe(2);
    expect(earn(perAmount, { quantity: 1, amount: 10_000 }, ctx).stamps).toBe(0);
  });

  it('knows the birthday week, across new year and on 29 February', () => {
    expect(inBirthdayWindow('2026-12-31', '1990-01-02', 7)).toBe(true);
    expect(inBirthdayWindow('2026-01-06', '1990-01-02', 7)).toBe(false);
    expect(inBirthdayWindow('2027-02-28', '2000-02-29', 7)).toBe(true);
    expect(inBirthdayWindow('2026-05-01', null, 7)).toBe(false);
  });

  it('picks the best tier reached in the last 12 months', () => {
    const silver: Tier = {
      id: 'silver',
      name: 'Silver',
      basis: 'visits',
      threshold: 10,
      multiplier: 1.5,
    };
    const vip: Tier = { id: 'vip', name: 'VIP', basis: 'rewards', threshold: 3, multiplier: 3 };
    expect(currentTier([silver, gold, vip], { visits: 12, rewards: 1 })).toBe(silver);
    expect(currentTier([silver, gold, vip], { visits: 25, rewards: 1 })).toBe(gold);
    expect(currentTier([silver, gold, vip], { visits: 25, rewards: 3 })).toBe(vip);
    expect(currentTier([silver, gold, vip], { visits: 2, rewards: 0 })).toBeNull();
  });

  it('refuses rules that make no sense', () => {
    expect(validateRules(DEFAULT_RULES)).toEqual([]);
    expect(
      validateRules({
        ...DEFAULT_RULES,
        promotions: [
          { ...lebaran, multiplier: 0.5, from: '2026-04-01', to: '2026-03-01', name: ' ' },
        ],
        cooldown: { enabled: true, maxStamps: 0, minutes: 60 },
      }).sort(),
    ).toEqual([
      'rules.cooldown',
      'rules.multiplier',
      'rules.promotionDates',
      'rules.promotionName',
    ]);
  });
});

const date = fc
  .date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const multiplier = fc.double({ min: 1, max: 5, noNaN: true });
const promotion = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  name: fc.constant('Promo'),
  multiplier,
  from: fc.option(date, { nil: null }),
  to: fc.option(date, { nil: null }),
  weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
});
const rulesArb = fc.record({
  promotions: fc.array(promotion, { maxLength: 3 }),
  tierMultiplier: fc.option(multiplier, { nil: null }),
  club: fc.option(multiplier, { nil: null }),
});

describe('rule properties', () => {
  it('a multiplier never lowers stamps, and the lines add up to the total', () => {
    fc.assert(
      fc.property(rulesArb, fc.integer({ min: 0, max: 20 }), date, (r, quantity, day) => {
        const rules = { ...DEFAULT_RULES, promotions: r.promotions };
        const tier = r.tierMultiplier ? { ...gold, multiplier: r.tierMultiplier } : null;
        const c = {
          ...ctx,
          date: day,
          tier,
          clubActive: r.club !== null,
          clubMultiplier: r.club ?? 1,
        };
        const result = earn(rules, { quantity }, c);
        expect(result.stamps).toBeGreaterThanOrEqual(quantity);
        expect(result.lines.reduce((s, l) => s + l.stamps, 0)).toBe(result.stamps);
        expect(result.lines.every((l) => l.stamps >= 0)).toBe(true);
      }),
    );
  });

  it('a promotion outside its dates or weekdays changes nothing', () => {
    fc.assert(
      fc.property(promotion, date, fc.integer({ min: 1, max: 20 }), (promo, day, quantity) => {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        const outside =
          (promo.from !== null && day < promo.from) ||
          (promo.to !== null && day > promo.to) ||
          (promo.weekdays.length > 0 && !promo.weekdays.includes(weekday));
        fc.pre(outside);
        const c = { ...ctx, date: day, weekday };
        expect(earn({ ...DEFAULT_RULES, promotions: [promo] }, { quantity }, c)).toEqual(
          earn(DEFAULT_RULES, { quantity }, c),
        );
      }),
    );
  });

  it('the cooldown never lets more than K stamps through in M minutes', () => {
    const grant = fc.record({
      dt: fc.integer({ min: 0, max: 120 * 60_000 }),
      stamps: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 5, max: 90 }),
        (grants, k, minutes) => {
          const rule = { enabled: true, maxStamps: k, minutes };
          const accepted: { at: number; stamps: number }[] = [];
          for (const g of [...grants].sort((a, b) => a.dt - b.dt)) {
            if (checkCooldown(rule, accepted, g.stamps, g.dt).allowed)
              accepted.push({ at: g.dt, stamps: g.stamps });
          }
          for (const a of accepted) {
            const inWindow = accepted.filter((b) => b.at > a.at - minutes * 60_000 && b.at <= a.at);
            expect(inWindow.reduce((s, b) => s + b.stamps, 0)).toBeLessThanOrEqual(k);
          }
        },
      ),
    );
  });
});
