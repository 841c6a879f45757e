/**
 * Storage under pressure: a full quota refuses a write with a clear message and
 * loses nothing already saved; a schema upgrade in another tab closes this one
 * cleanly with a banner; two tabs stamping at once corrupt nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import { tabletPerTest } from './support/tablet';
import { addStamps, cardProgress, enroll, search, setUpShop } from './support/shop';
import { openOwner } from './support/sync';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

describe('storage', () => {
  it('says so when the storage is full and keeps what was saved', async () => {
    const tablet = await newTablet();
    const { page } = tablet;
    // Headless Chromium ignores CDP's Storage.overrideQuotaForOrigin for IndexedDB, so the
    // disk fills the way the browser reports it: writes fail with a QuotaExceededError.
    await page.addInitScript(() => {
      const full = () => (window as unknown as { diskFull?: boolean }).diskFull === true;
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (
          this: IDBObjectStore,
          ...args: [unknown, IDBValidKey?]
        ) {
          if (full()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    await setUpShop(page, baseURL);
    await enroll(page, { name: 'Agus Santoso' });
    await addStamps(page, 2);
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
    await page.getByRole('button', { name: 'Add stamp' }).click();
    await page.getByText("This device's storage is full, so that was not saved.").waitFor();
    await expect.poll(() => cardProgress(page)).toBe('2 of 10 stamps');
    await page.getByRole('button', { name: 'New member' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Bayu');
    await page.getByRole('dialog').getByRole('button', { name: 'Save member' }).click();
    await page.getByRole('dialog').getByText("This device's storage is full").waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await search(page, 'agus');
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await expect.poll(() => cardProgress(page)).toBe('2 of 10 stamps');
    await addStamps(page, 1);
    await expect.poll(() => cardProgress(page)).toBe('3 of 10 stamps');
  });

  it('closes cleanly when another tab upgrades the database, with a banner', async () => {
    const tablet = await newTablet();
    const { page, context } = tablet;
    await setUpShop(page, baseURL);
    const other = await context.newPage();
    await other.goto(`${baseURL}/favicon.svg`);
    const upgraded = await other.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.open('setia', 1000);
          request.onsuccess = () => {
            request.result.close();
            resolve(true);
          };
          request.onerror = () => resolve(false);
          request.onblocked = () => resolve(false);
        }),
    );
    expect(upgraded).toBe(true);
    await page
      .getByRole('alert')
      .getByText('Setia was updated in another tab. Reload this tab to continue')
      .waitFor();
  });

  it('lets two tabs stamp the same member at once without losing or doubling a stamp', async () => {
    const tablet = await newTablet();
    const { page, context } = tablet;
    await setUpShop(page, baseURL, { stampsPerCard: 50 });
    await enroll(page, { name: 'Putri Kusuma' });
    const second = await context.newPage();
    await second.goto(baseURL);
    await search(second, 'putri');
    await second
      .getByRole('list', { name: 'Matching members' })
      .getByRole('button')
      .first()
      .click();
    const tap = (p: typeof page) => p.getByRole('button', { name: 'Add stamp' }).click();
    for (let i = 0; i < 6; i++) await Promise.all([tap(page), tap(second)]);
    await expect.poll(() => cardProgress(page)).toBe('12 of 50 stamps');
    await expect.poll(() => cardProgress(second)).toBe('12 of 50 stamps');
    const seqs = await page.evaluate(async () => {
      const open = indexedDB.open('setia');
      const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
      const all = db.transaction('events').objectStore('events').getAll();
      return new Promise<number[]>(
        (ok) => (all.onsuccess = () => ok(all.result.map((e: { seq: number }) => e.seq))),
      );
    });
    expect(seqs).toHaveLength(12);
    expect(new Set(seqs).size).toBe(12);
  });

  it('says one consistent thing about backups, and knows a connected tablet is also on the server', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await openOwner(page, 'Shop');
    const panel = page.getByRole('region', { name: 'Storage on this device' });
    const neverExported = panel.getByText('Your members have never been exported from this device');
    const onlyHere = panel.getByText(/its data lives only in this browser/);
    await neverExported.waitFor();
    expect(await onlyHere.count()).toBe(1); // one message, not "never exported" and "over a week ago"

    // An export sixteen days ago: the reminder says when, and only that.
    await page.evaluate(
      async (at) => {
        const open = indexedDB.open('setia');
        const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ key: 'lastExportAt', value: at });
        await new Promise((ok) => (tx.oncomplete = ok));
        db.close();
      },
      Date.now() - 16 * 86_400_000,
    );
    await page.reload();
    await page.getByLabel('Owner PIN').fill('2468');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await panel.getByText(/^Your last export was 2 weeks ago\. Until this shop syncs/).waitFor();
    expect(await neverExported.count()).toBe(0);
    expect(await onlyHere.count()).toBe(1);

    // Connected to the shop's server: its data is kept there too, and no warning remains.
    await page.getByRole('link', { name: 'Tablets' }).click();
    await page.getByRole('button', { name: 'Connect this tablet' }).click();
    await page.getByText(`Connected to ${baseURL}`).waitFor();
    await page.getByRole('link', { name: 'Shop' }).click();
    const host = new URL(baseURL).host;
    await panel
      .getByText(
        new RegExp(
          `^This tablet syncs with ${host.replace(/\./g, '\\.')}: the shop's data is also kept on the server`,
        ),
      )
      .waitFor({ timeout: 20_000 });
    expect(await onlyHere.count()).toBe(0);
    expect(await panel.getByRole('alert').count()).toBe(0);
  });
});
