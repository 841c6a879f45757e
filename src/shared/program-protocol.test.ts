/** The program's settings and events travel between tablets: the strict schemas accept them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../domain/stamp/rules';
import { ledgerEventSchema, memberFieldsSchema, shopSettingsSchema } from './sync-protocol';
import { testShop } from './test-shop';

describe('program on the wire', () => {
  it('syncs rules, catalogue and club in the shop settings, strictly', async () => {
    const shop = await testShop({
      program: {
        ...DEFAULT_RULES,
        promotions: [
          {
            id: 'leb',
            name: 'Lebaran',
            multiplier: 2,
            from: '2026-03-18',
            to: null,
            weekdays: [5],
          },
        ],
        tiers: [{ id: 'gold', name: 'Gold', basis: 'visits', threshold: 20, multiplier: 2 }],
      },
      catalogue: [{ id: 'mug', name: 'Mug', cost: 25, kind: 'merch', limit: 100 }],
      club: { name: 'Kopi Club', price: 50_000, period: 'month', multiplier: 2, perks: '' },
    });
    expect(shopSettingsSchema.parse(shop)).toEqual(shop);
    expect(
      shopSettingsSchema.safeParse({ ...shop, club: { ...shop.club, multiplier: 0.5 } }).success,
    ).toBe(false);
    const older = await testShop();
    expect(shopSettingsSchema.parse(older)).toEqual(older); // older shops have none of it
  });

  it('takes the per-visit maximum when set, and rules saved before it existed without it', async () => {
    const withMax = await testShop({ program: { ...DEFAULT_RULES, maxStampsPerVisit: 30 } });
    expect(shopSettingsSchema.parse(withMax)).toEqual(withMax);
    const before = await testShop({ program: { ...DEFAULT_RULES } });
    expect('maxStampsPerVisit' in before.program!).toBe(false);
    expect(shopSettingsSchema.parse(before)).toEqual(before);
    const zero = await testShop({ program: { ...DEFAULT_RULES, maxStampsPerVisit: 0 } });
    expect(shopSettingsSchema.safeParse(zero).success).toBe(false);
  });

  it('syncs the rule lines, overrides, club sales and ratings on events, and the referrer', () => {
    const base = { id: 'E1', memberId: 'M1', at: 1, deviceId: 'd1', staffId: 'owner', seq: 1 };
    const events = [
      {
        ...base,
        type: 'stamp',
        stamps: 4,
        quantity: 1,
        lines: [
          { rule: 'base', stamps: 1 },
          { rule: 'tier:gold', name: 'Gold', stamps: 1, multiplier: 2 },
          { rule: 'promo:leb', name: 'Lebaran', stamps: 2, multiplier: 2 },
        ],
        override: { reason: 'Family' },
      },
      {
        ...base,
        type: 'club',
        stamps: 0,
        club: { name: 'Kopi Club', period: 'month', price: 50_000, multiplier: 2, until: 99 },
      },
      {
        ...base,
        type: 'bonus',
        stamps: 1,
        rating: 5,
        comment: 'Great',
        lines: [{ rule: 'feedback', stamps: 1 }],
      },
      {
        ...base,
        type: 'redeem',
        stamps: -25,
        rewardId: 'mug',
        rewardName: 'Mug',
        rewardKind: 'merch',
      },
    ];
    for (const e of events) expect(ledgerEventSchema.parse(e)).toEqual(e);
    expect(
      ledgerEventSchema.safeParse({ ...events[0], lines: [{ rule: 'x', stamps: -1 }] }).success,
    ).toBe(false);
    expect(memberFieldsSchema.parse({ referredBy: 'M0' })).toEqual({ referredBy: 'M0' });
  });
});
