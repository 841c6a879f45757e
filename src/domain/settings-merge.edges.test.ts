import { describe, expect, it } from 'vitest';
import {
  changesByClock,
  mergeSettings,
  mergeSettingsChanges,
  type SettingClocks,
} from './settings-merge';

type S = Record<string, unknown>;
const shop: S = { shopId: 'SHOP', cardKey: 'KEY', name: 'Kopi', rewardName: 'Coffee' };
/** Hybrid clocks in the order they were made: h(1) < h(2) < … */
const h = (n: number) => `${String(n).padStart(11, '0')}-0000-t`;
const missYou = { id: '01A', name: 'Miss you', text: 'We miss you' };
const birthday = { id: '01B', name: 'Birthday', text: 'Happy birthday' };

describe('settings merge at its edges', () => {
  it('keeps the later edit of a setting, whichever arrives first', () => {
    const later = mergeSettings(shop, { name: h(5) }, { name: 'Kopi Lama' }, h(3));
    expect(later.settings.name).toBe('Kopi');
    expect(later.clocks).toEqual({ name: h(5) });
    expect(later.changed).toEqual([]);
    const newer = mergeSettings(shop, { name: h(3) }, { name: 'Kopi Baru' }, h(5));
    expect(newer.settings.name).toBe('Kopi Baru');
    expect(newer.clocks).toEqual({ name: h(5) });
    expect(newer.changed).toEqual(['name']);
  });

  it('changes nothing when the same edit arrives twice', () => {
    const once = mergeSettings(shop, {}, { name: 'Kopi Baru' }, h(4));
    const twice = mergeSettings(once.settings, once.clocks, { name: 'Kopi Baru' }, h(4));
    expect(twice.changed).toEqual([]);
    expect(twice.clocks).toEqual({ name: h(4) });
  });

  it('leaves out a setting sent without a value', () => {
    const merged = mergeSettings(shop, {}, { name: undefined, rewardName: 'Cake' }, h(1));
    expect(merged.settings).toEqual({ ...shop, rewardName: 'Cake' });
    expect(merged.clocks).toEqual({ rewardName: h(1) });
    expect(merged.changed).toEqual(['rewardName']);
  });

  it('takes a later edit of a campaign, not an earlier one', () => {
    const first = mergeSettings(shop, {}, { campaigns: [missYou, birthday] }, h(2));
    const edited = { ...missYou, text: 'Come back for a free coffee' };
    const later = mergeSettings(first.settings, first.clocks, { campaigns: [edited] }, h(3));
    expect(later.settings.campaigns).toEqual([edited, birthday]);
    expect(later.clocks).toEqual({ campaigns: h(3) });
    expect(later.changed).toEqual(['campaigns']);
    const earlier = mergeSettings(first.settings, first.clocks, { campaigns: [edited] }, h(1));
    expect(earlier.settings.campaigns).toEqual([missYou, birthday]);
    expect(earlier.changed).toEqual([]);
  });

  it('lists campaigns by id on every tablet, whatever order they arrive in', () => {
    const c = (id: string) => ({ id, name: id, text: id });
    const first = mergeSettings(shop, {}, { campaigns: [c('01D'), c('01B')] }, h(1));
    const merged = mergeSettings(
      first.settings,
      first.clocks,
      { campaigns: [c('01E'), c('01A'), c('01C')] },
      h(2),
    );
    expect((merged.settings.campaigns as { id: string }[]).map((x) => x.id)).toEqual([
      '01A',
      '01B',
      '01C',
      '01D',
      '01E',
    ]);
  });

  it('lets the first clocked edit of a campaign replace one held without a clock', () => {
    const held = { ...shop, campaigns: [missYou] };
    const edited = { ...missYou, text: 'Come back for a free coffee' };
    const merged = mergeSettings(held, {}, { campaigns: [edited] }, h(1));
    expect(merged.settings.campaigns).toEqual([edited]);
    expect(merged.clocks).toEqual({ campaigns: h(1) });
  });

  it('adds a campaign from an earlier edit without moving the clock back', () => {
    const first = mergeSettings(shop, {}, { campaigns: [birthday] }, h(5));
    const merged = mergeSettings(first.settings, first.clocks, { campaigns: [missYou] }, h(2));
    expect(merged.settings.campaigns).toEqual([missYou, birthday]);
    expect(merged.clocks).toEqual({ campaigns: h(5) });
    expect(merged.changed).toEqual(['campaigns']);
  });

  it('lists campaigns by id, the order they were made', () => {
    const c = { id: '01C', name: 'Rainy day', text: 'Hot chocolate' };
    const merged = mergeSettings(shop, {}, { campaigns: [c, birthday, missYou] }, h(1));
    expect(merged.settings.campaigns).toEqual([missYou, birthday, c]);
  });

  it('ignores campaigns that are not a list', () => {
    const merged = mergeSettings(shop, {}, { campaigns: null, name: 'Baru' }, h(1));
    expect(merged.settings).toEqual({ ...shop, name: 'Baru' });
    expect(merged.changed).toEqual(['name']);
  });

  it('says whether a run of edits changed anything', () => {
    const clocks: SettingClocks = { name: h(5) };
    expect(
      mergeSettingsChanges(shop, clocks, [
        { hlc: h(3), fields: { name: 'Old' } },
        { hlc: h(4), fields: { name: 'Older' } },
      ]),
    ).toEqual({ settings: shop, clocks, changed: false });
    expect(
      mergeSettingsChanges(shop, clocks, [
        { hlc: h(6), fields: { name: 'New' } },
        { hlc: h(4), fields: { name: 'Older' } },
      ]),
    ).toEqual({ settings: { ...shop, name: 'New' }, clocks: { name: h(6) }, changed: true });
    expect(mergeSettingsChanges(shop, clocks, [])).toEqual({
      settings: shop,
      clocks,
      changed: false,
    });
  });

  it('sends only settings that have both an edit clock and a value', () => {
    const settings = { ...shop, name: 'A', rewardName: undefined };
    const clocks = { rewardName: h(2), stampsPerCard: h(2) };
    expect(changesByClock(settings, clocks, ['name', 'rewardName', 'stampsPerCard'])).toEqual([]);
    expect(changesByClock(settings, { name: h(1) }, ['name'])).toEqual([
      { hlc: h(1), fields: { name: 'A' } },
    ]);
  });
});
