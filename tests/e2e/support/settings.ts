/**
 * A shop's program written straight into the tablet's settings (as the owner's
 * forms save it), for tests about the counter rather than the owner's forms.
 * The page reloads to read them.
 */
import type { Page } from 'playwright-core';
import type { ShopSettings } from '../../../src/domain/shop';
import { DEFAULT_RULES, type ProgramRules } from '../../../src/domain/stamp/rules';

export type SettingsPatch = Partial<
  Pick<ShopSettings, 'program' | 'catalogue' | 'club' | 'campaigns'>
>;

export async function writeSettings(page: Page, patch: SettingsPatch): Promise<void> {
  await page.evaluate(async (patch) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('setia');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const get = store.get('shop');
      get.onsuccess = () => store.put({ ...get.result, value: { ...get.result.value, ...patch } });
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, patch);
  await page.reload();
  await page.getByRole('searchbox').waitFor();
}

/** Today's date in the tablet's zone, as YYYY-MM-DD, and a birthday on it. */
export async function today(page: Page): Promise<{ date: string; birthday: string }> {
  const date = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  return { date, birthday: `1990-${date.slice(5)}` };
}

/** Everything a program can show on the counter's member panel. */
export function richProgram(): Required<Omit<SettingsPatch, 'campaigns'>> & {
  program: ProgramRules;
} {
  return {
    program: {
      ...DEFAULT_RULES,
      birthday: { stamps: 1, windowDays: 7 },
      promotions: [
        {
          id: 'leb',
          name: 'Lebaran double stamps',
          multiplier: 2,
          from: null,
          to: null,
          weekdays: [],
        },
      ],
      tiers: [{ id: 'g', name: 'Gold', basis: 'visits', threshold: 1, multiplier: 1.5 }],
      // 12 an hour: a first visit of 11 passes, the next one is held up.
      cooldown: { enabled: true, maxStamps: 12, minutes: 60 },
    },
    catalogue: [
      { id: 'mug', name: 'Setia mug', cost: 5, kind: 'merch', limit: null },
      { id: 'tote', name: 'Tote bag', cost: 8, kind: 'merch', limit: 50 },
    ],
    club: {
      name: 'Kopi Club',
      price: 50_000,
      period: 'month',
      multiplier: 2,
      perks: 'Free refills',
    },
  };
}
