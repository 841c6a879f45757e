import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLedger } from '../balance';
import { decideCatalogueReward, givenCount, type CatalogueReward } from './catalogue';
import { decideCardStamp } from './card';
import { at, eventsOf, member, stored, T0 } from '../testing/stamp';

const mug: CatalogueReward = { id: 'mug', name: 'Setia mug', cost: 25, kind: 'merch', limit: 2 };
const tree: CatalogueReward = {
  id: 'tree',
  name: 'Plant a tree',
  cost: 5,
  kind: 'donation',
  limit: null,
};
const catalogue = [mug, tree];
const withBalance = (balance: number) => ({
  ...member('m1'),
  stats: { ...member('m1').stats, balance },
});

describe('a catalogue reward', () => {
  it('spends its cost and records what it was', () => {
    const decision = decideCatalogueReward(
      withBalance(30),
      catalogue,
      { rewardId: 'mug', given: 1 },
      at(T0),
    );
    expect(decision).toEqual({
      events: [
        {
          memberId: 'm1',
          type: 'redeem',
          stamps: -25,
          rewardId: 'mug',
          rewardName: 'Setia mug',
          rewardKind: 'merch',
          at: T0,
          staffId: 'owner',
        },
      ],
    });
  });

  it('refuses an unknown reward, too few stamps, and a limited edition once it is gone', () => {
    const decide = (rewardId: string, balance: number, given = 0) =>
      decideCatalogueReward(withBalance(balance), catalogue, { rewardId, given }, at(T0));
    expect(decide('bike', 100)).toEqual({ refused: 'reward.unknown', values: {} });
    expect(decide('mug', 24)).toEqual({ refused: 'reward.tooFewStamps', values: {} });
    expect(decide('mug', 100, 2)).toEqual({ refused: 'reward.soldOut', values: {} });
    expect(
      decideCatalogueReward(withBalance(100), undefined, { rewardId: 'mug', given: 0 }, at(T0)),
    ).toEqual({
      refused: 'reward.unknown',
      values: {},
    });
  });

  it('never spends stamps the member does not have, nor gives more of an edition than its number', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constant('mug'), fc.constant('tree'), fc.integer({ min: 1, max: 20 })),
          {
            maxLength: 40,
          },
        ),
        (taps) => {
          let ledger = [] as ReturnType<typeof stored>[];
          taps.forEach((tap, i) => {
            const m = { ...member('m1'), stats: foldLedger(ledger) };
            const decision =
              typeof tap === 'number'
                ? decideCardStamp('m1', tap, at(T0 + i))
                : decideCatalogueReward(
                    m,
                    catalogue,
                    { rewardId: tap, given: givenCount(ledger, tap) },
                    at(T0 + i),
                  );
            if ('events' in decision) ledger = [...ledger, ...decision.events.map(stored)];
            expect(foldLedger(ledger).balance).toBeGreaterThanOrEqual(0);
          });
          expect(givenCount(ledger, 'mug')).toBeLessThanOrEqual(mug.limit!);
        },
      ),
    );
  });

  it('counts an undone redemption as not given', () => {
    const [redeem] = eventsOf(
      decideCatalogueReward(withBalance(30), catalogue, { rewardId: 'mug', given: 0 }, at(T0)),
    );
    const given = stored(redeem!);
    const undo = stored({ ...redeem!, type: 'reversal', stamps: 25, reverses: given.id });
    expect(givenCount([given], 'mug')).toBe(1);
    expect(givenCount([given, undo], 'mug')).toBe(0);
  });
});
