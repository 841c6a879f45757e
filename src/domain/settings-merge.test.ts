import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesByClock, mergeSettings } from './settings-merge';

type S = Record<string, unknown>;
const base: S = { shopId: 'SHOP', cardKey: 'KEY', name: 'Kopi', rewardName: 'Coffee' };

const change = fc.record({
  hlc: fc.integer({ min: 1, max: 50 }).map((n) => `${String(n).padStart(11, '0')}-0000-t`),
  fields: fc.dictionary(fc.constantFrom('name', 'rewardName', 'stampsPerCard'), fc.string(), {
    minKeys: 1,
  }),
});

describe('settings merge', () => {
  it('ends the same whatever order the changes arrive in, applied once or twice', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), fc.nat(), (changes, seed) => {
        // One clock, one edit: a clock is unique per device and edit.
        const unique = [...new Map(changes.map((c) => [c.hlc, c])).values()];
        const apply = (list: typeof unique) =>
          list.reduce((acc, c) => mergeSettings(acc.settings, acc.clocks, c.fields, c.hlc), {
            settings: base,
            clocks: {} as Record<string, string>,
            changed: [] as string[],
          });
        const shuffled = [...unique].sort(
          (a, b) => ((a.hlc.charCodeAt(10) * seed) % 7) - ((b.hlc.charCodeAt(10) * seed) % 7),
        );
        const once = apply(unique);
        const other = apply([...shuffled, ...unique]);
        expect(other.settings).toEqual(once.settings);
        expect(other.clocks).toEqual(once.clocks);
      }),
    );
  });

  it('keeps campaigns made on two devices offline: a union by id, in any order', () => {
    const a = { id: '01A', name: 'Miss you' };
    const b = { id: '01B', name: 'Birthday' };
    const first = mergeSettings(base, {}, { campaigns: [a] }, '00000000002-0000-x');
    const both = mergeSettings(
      first.settings,
      first.clocks,
      { campaigns: [b] },
      '00000000001-0000-y',
    );
    const reverse = mergeSettings(base, {}, { campaigns: [b] }, '00000000001-0000-y');
    const again = mergeSettings(
      reverse.settings,
      reverse.clocks,
      { campaigns: [a] },
      '00000000002-0000-x',
    );
    expect(both.settings.campaigns).toEqual([a, b]);
    expect(again.settings.campaigns).toEqual([a, b]);
    expect(again.clocks).toEqual(both.clocks);
    // The same list once more changes nothing.
    expect(mergeSettings(both.settings, both.clocks, { campaigns: [a] }, 'z').changed).toEqual([]);
  });

  it('never changes the shop id, card key or creation time', () => {
    const merged = mergeSettings(
      base,
      {},
      { shopId: 'OTHER', cardKey: 'STOLEN', createdAt: 1, name: 'Baru' },
      'z',
    );
    expect(merged.settings).toMatchObject({ shopId: 'SHOP', cardKey: 'KEY', name: 'Baru' });
    expect(merged.changed).toEqual(['name']);
  });

  it('groups pending settings by the clock of their edit', () => {
    const settings = { ...base, name: 'A', rewardName: 'B', stampsPerCard: 8 };
    const clocks = { name: 'h1', rewardName: 'h2', stampsPerCard: 'h1', cardKey: 'h1' };
    expect(
      changesByClock(settings, clocks, ['name', 'rewardName', 'stampsPerCard', 'cardKey']),
    ).toEqual([
      { hlc: 'h1', fields: { name: 'A', stampsPerCard: 8 } },
      { hlc: 'h2', fields: { rewardName: 'B' } },
    ]);
  });
});
