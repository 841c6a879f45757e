import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLedger } from '../balance';
import { CARD_REWARD_ID } from '../shop';
import { decideCardReward, decideCardStamp, QUANTITY_MAX, QUANTITY_MIN } from './card';
import { at, eventsOf, member, stored, T0 } from '../testing/stamp';

describe('a stamp without a program', () => {
  it('writes the quantity entered as stamps, by whoever works the counter', () => {
    expect(decideCardStamp('m1', 3, at(T0, 'rina'))).toEqual({
      events: [{ memberId: 'm1', type: 'stamp', stamps: 3, quantity: 3, at: T0, staffId: 'rina' }],
    });
  });

  it('refuses a quantity outside 1..20, saying the range', () => {
    for (const quantity of [0, -1, 21, 1.5, NaN, Infinity])
      expect(decideCardStamp('m1', quantity, at(T0))).toEqual({
        refused: 'quantity.range',
        values: { min: QUANTITY_MIN, max: QUANTITY_MAX },
      });
  });
});

describe("the card's reward", () => {
  const shop = { stampsPerCard: 10, rewardName: 'Free coffee' };

  it('spends one full card for the reward, and keeps what is carried over', () => {
    const ledger = [stored(eventsOf(decideCardStamp('m1', 13, at(T0)))[0]!)];
    const siti = { ...member('m1'), stats: foldLedger(ledger) };
    const [redeem] = eventsOf(decideCardReward(siti, shop, at(T0 + 1)));
    expect(redeem).toEqual({
      memberId: 'm1',
      type: 'redeem',
      stamps: -10,
      rewardId: CARD_REWARD_ID,
      rewardName: 'Free coffee',
      at: T0 + 1,
      staffId: 'owner',
    });
    expect(foldLedger([...ledger, stored(redeem!)]).balance).toBe(3);
  });

  it('refuses when no card is full', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 9 }), (balance) => {
        const m = { ...member('m1'), stats: { ...member('m1').stats, balance } };
        expect(decideCardReward(m, shop, at(T0))).toEqual({
          refused: 'redeem.nothingPending',
          values: {},
        });
      }),
    );
  });

  it('never takes a balance below zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 20 }), (stamps) => {
        let ledger = stamps.map((n, i) =>
          stored(eventsOf(decideCardStamp('m1', n, at(T0 + i)))[0]!),
        );
        // Redeem for as long as the counter offers it.
        for (let i = 0; i < 50; i++) {
          const decision = decideCardReward(
            { ...member('m1'), stats: foldLedger(ledger) },
            shop,
            at(T0 + 100 + i),
          );
          if ('refused' in decision) break;
          ledger = [...ledger, stored(decision.events[0]!)];
        }
        expect(foldLedger(ledger).balance).toBeGreaterThanOrEqual(0);
        expect(foldLedger(ledger).balance).toBeLessThan(shop.stampsPerCard);
      }),
    );
  });
});
