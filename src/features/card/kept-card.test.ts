/**
 * A customer's phone keeps its card in localStorage. What the version before
 * db/browser-storage wrote (these exact keys and strings) must still open the
 * card after the upgrade, and what this version writes must read the same.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSnapshot, saveSnapshot, type CardSnapshot } from './kept-card';
import { forgetMyCard, myCard, rememberMyCard } from './my-card';

const LINK = 'https://kopi.example/c/01JC8Z3Q4W5E6R7T8Y9U0I1O2P.abcdefghijklmnopqrstuv#n=Siti';
const SNAPSHOT: CardSnapshot = {
  shopName: 'Kopi Kita',
  firstName: 'Siti',
  stampsPerCard: 10,
  rewardName: 'Free coffee',
  balance: 7,
  tier: 'Gold',
  recentVisits: [{ at: 1_764_000_000_000, stamps: 2 }],
  updatedAt: 1_764_000_100_000,
};
/** As the previous version stored them: the link as text, the snapshot as JSON.stringify wrote it. */
const OLD_PHONE: [string, string][] = [
  ['setia.myCard', LINK],
  [
    'setia.card.01JC8Z3Q4W5E6R7T8Y9U0I1O2P',
    '{"shopName":"Kopi Kita","firstName":"Siti","stampsPerCard":10,"rewardName":"Free coffee","balance":7,"tier":"Gold","recentVisits":[{"at":1764000000000,"stamps":2}],"updatedAt":1764000100000}',
  ],
];

let kept: Map<string, string>;
beforeEach(() => {
  kept = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => kept.get(key) ?? null,
    setItem: (key: string, value: string) => void kept.set(key, value),
    removeItem: (key: string) => void kept.delete(key),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the phone's kept card", () => {
  it('opens what the previous version remembered', () => {
    for (const [key, value] of OLD_PHONE) kept.set(key, value);
    expect(myCard()).toBe(LINK);
    expect(readSnapshot('01JC8Z3Q4W5E6R7T8Y9U0I1O2P')).toEqual(SNAPSHOT);
  });

  it('writes the same keys and strings as the previous version', () => {
    rememberMyCard(LINK);
    saveSnapshot('01JC8Z3Q4W5E6R7T8Y9U0I1O2P', SNAPSHOT);
    expect([...kept]).toEqual(OLD_PHONE);
    forgetMyCard();
    expect(myCard()).toBeNull();
  });

  it('shows no snapshot from a damaged or foreign value', () => {
    kept.set('setia.card.A', '{"shopName":"Kopi Kita"');
    kept.set('setia.card.B', JSON.stringify({ ...SNAPSHOT, stampsPerCard: 'ten' }));
    expect(readSnapshot('A')).toBeNull();
    expect(readSnapshot('B')).toBeNull();
  });
});
