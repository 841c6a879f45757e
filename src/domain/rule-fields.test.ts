import { describe, expect, it } from 'vitest';
import { ruleFieldErrors } from './rule-fields';
import { DEFAULT_RULES, type ProgramRules } from './stamp/rules';

describe('rule field errors', () => {
  it('puts each problem on its own field', () => {
    expect(
      ruleFieldErrors({
        ...DEFAULT_RULES,
        welcomeStamps: -1,
        promotions: [
          { id: 'a', name: 'Ok', multiplier: 2, from: null, to: null, weekdays: [] },
          {
            id: 'b',
            name: '',
            multiplier: 0.5,
            from: '2026-05-01',
            to: '2026-04-01',
            weekdays: [],
          },
        ],
      }),
    ).toStrictEqual({
      welcomeStamps: 'rules.bonus',
      'promotions.1.name': 'rules.promotionName',
      'promotions.1.multiplier': 'rules.multiplier',
      'promotions.1.to': 'rules.promotionDates',
    });
    expect(ruleFieldErrors(DEFAULT_RULES)).toStrictEqual({});
  });
});

describe('each rule field at its edges', () => {
  const tier = { id: 't', name: 'Gold', basis: 'visits' as const, threshold: 10, multiplier: 2 };
  const promo = { id: 'p', name: 'Happy hour', multiplier: 2, from: null, to: null, weekdays: [] };
  it.each<[string, Partial<ProgramRules>, Record<string, string>]>([
    [
      'amount per stamp 0',
      { earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 0 } },
      { amountPerStamp: 'rules.amountPerStamp' },
    ],
    [
      'amount per stamp 1',
      { earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 1 } },
      {},
    ],
    // Only the field of the mode in use is checked.
    [
      'amount per stamp 0 while earning per visit',
      { earning: { mode: 'visit', stampsPerItem: 1, amountPerStamp: 0 } },
      {},
    ],
    [
      'stamps per item 0',
      { earning: { mode: 'item', stampsPerItem: 0, amountPerStamp: 25_000 } },
      { stampsPerItem: 'rules.stampsPerItem' },
    ],
    [
      'stamps per item 20',
      { earning: { mode: 'item', stampsPerItem: 20, amountPerStamp: 25_000 } },
      {},
    ],
    [
      'stamps per item 21',
      { earning: { mode: 'item', stampsPerItem: 21, amountPerStamp: 25_000 } },
      { stampsPerItem: 'rules.stampsPerItem' },
    ],
    ['welcome 50', { welcomeStamps: 50 }, {}],
    ['welcome 51', { welcomeStamps: 51 }, { welcomeStamps: 'rules.bonus' }],
    ['welcome 1.5', { welcomeStamps: 1.5 }, { welcomeStamps: 'rules.bonus' }],
    [
      'birthday 51',
      { birthday: { stamps: 51, windowDays: 7 } },
      { 'birthday.stamps': 'rules.bonus' },
    ],
    ['birthday window 31', { birthday: { stamps: 2, windowDays: 31 } }, {}],
    [
      'birthday window 32',
      { birthday: { stamps: 2, windowDays: 32 } },
      { 'birthday.windowDays': 'rules.bonus' },
    ],
    ['referral -1', { referral: { referrerStamps: -1 } }, { referral: 'rules.bonus' }],
    ['feedback 51', { feedback: { stamps: 51 } }, { feedback: 'rules.bonus' }],
    [
      'cooldown of 0 stamps',
      { cooldown: { enabled: true, maxStamps: 0, minutes: 60 } },
      { cooldown: 'rules.cooldown' },
    ],
    [
      'cooldown of 0 minutes',
      { cooldown: { enabled: true, maxStamps: 5, minutes: 0 } },
      { cooldown: 'rules.cooldown' },
    ],
    ['cooldown of a day', { cooldown: { enabled: true, maxStamps: 1000, minutes: 1440 } }, {}],
    [
      'cooldown over a day',
      { cooldown: { enabled: true, maxStamps: 5, minutes: 1441 } },
      { cooldown: 'rules.cooldown' },
    ],
    [
      'cooldown off, whatever it holds',
      { cooldown: { enabled: false, maxStamps: 0, minutes: 0 } },
      {},
    ],
    ['1,000 stamps a visit', { maxStampsPerVisit: 1000 }, {}],
    [
      '0 stamps a visit',
      { maxStampsPerVisit: 0 },
      { maxStampsPerVisit: 'rules.maxStampsPerVisit' },
    ],
    [
      '1,001 stamps a visit',
      { maxStampsPerVisit: 1001 },
      { maxStampsPerVisit: 'rules.maxStampsPerVisit' },
    ],
    [
      'a promotion ×10 on one day',
      { promotions: [{ ...promo, multiplier: 10, from: '2026-05-01', to: '2026-05-01' }] },
      {},
    ],
    [
      'a promotion ×10.5',
      { promotions: [{ ...promo, multiplier: 10.5 }] },
      { 'promotions.0.multiplier': 'rules.multiplier' },
    ],
    [
      'a tier with no name',
      { tiers: [{ ...tier, name: '  ' }] },
      { 'tiers.0.name': 'rules.tierName' },
    ],
    [
      'a tier at 0 visits',
      { tiers: [{ ...tier, threshold: 0 }] },
      { 'tiers.0.threshold': 'rules.tierThreshold' },
    ],
    ['a tier at 100,000 visits', { tiers: [{ ...tier, threshold: 100_000 }] }, {}],
    [
      'a tier at 100,001 visits',
      { tiers: [{ ...tier, threshold: 100_001 }] },
      { 'tiers.0.threshold': 'rules.tierThreshold' },
    ],
    [
      'a second tier ×0.5',
      { tiers: [tier, { ...tier, id: 'u', multiplier: 0.5 }] },
      { 'tiers.1.multiplier': 'rules.multiplier' },
    ],
  ])('%s', (_, patch, expected) => {
    expect(ruleFieldErrors({ ...DEFAULT_RULES, ...patch })).toEqual(expected);
  });
});
