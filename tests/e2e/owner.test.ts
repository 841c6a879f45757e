/**
 * The owner area: reached from "Owner" on the counter, behind the owner PIN
 * (wrong PINs wait longer and longer, and the wait survives a reload), locked
 * again when the app is reloaded; it shows whether the browser protects the
 * data (granted and refused).
 */
import { describe, expect, inject, it } from 'vitest';
import { tabletPerTest } from './support/tablet';
import { OWNER_PIN, setUpShop } from './support/shop';
import type { Page } from 'playwright-core';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

async function tryPin(page: Page, pin: string): Promise<void> {
  await page.getByLabel('Owner PIN').fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Owner sections' });

describe('owner area', () => {
  it('opens with the owner PIN only, and locks again on reload', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await page.getByRole('button', { name: 'Owner' }).click();
    await tryPin(page, '0000');
    await page.getByText('That PIN is not right.').waitFor();
    expect(await sections(page).count()).toBe(0);

    await tryPin(page, OWNER_PIN);
    await sections(page).waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();
    await page.getByRole('button', { name: 'Owner' }).click();
    await sections(page).waitFor(); // still unlocked

    await page.reload();
    await page.getByLabel('Owner PIN').waitFor();
    expect(await sections(page).count()).toBe(0);
  });

  it('locks again after five idle minutes, not before; the PIN is stored as 600,000 PBKDF2 rounds', async () => {
    const { page } = await newTablet();
    // The page's clock, so five minutes pass in a moment (it also runs on by itself).
    await page.clock.install();
    await setUpShop(page, baseURL);
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((done, fail) => {
          const open = indexedDB.open('setia');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('shop');
            get.onsuccess = () =>
              done((get.result as { value: { ownerPin: unknown } }).value.ownerPin);
          };
        }),
    );
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600_000 });

    await page.getByRole('button', { name: 'Owner' }).click();
    await tryPin(page, OWNER_PIN);
    await sections(page).waitFor();
    await page.clock.runFor('04:58');
    expect(await sections(page).count()).toBe(1);
    await page.clock.runFor('00:03'); // 5:01 since the last touch
    await page.getByLabel('Owner PIN').waitFor();
    expect(await sections(page).count()).toBe(0);
  });

  it('makes a guesser wait after five wrong PINs, even after a reload', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await page.goto(`${baseURL}/owner`);
    for (let i = 1; i <= 4; i++) {
      await tryPin(page, `111${i}`);
      await page.getByText('That PIN is not right.').waitFor();
    }
    await tryPin(page, '1115');
    await page.getByText('Too many wrong PINs. Try again in 30 seconds.').waitFor();
    await page.reload();
    await tryPin(page, OWNER_PIN); // the right PIN, but too soon: not even checked
    await page.getByText(/Too many wrong PINs\. Try again in \d+ seconds\./).waitFor();
    expect(await sections(page).count()).toBe(0);
  });

  it('shows that the data is protected when the browser grants persistent storage', async () => {
    const tablet = await newTablet();
    const cdp = await tablet.context.browser()!.newBrowserCDPSession();
    await cdp.send('Browser.grantPermissions', {
      origin: baseURL,
      permissions: ['durableStorage'],
    });
    await setUpShop(tablet.page, baseURL);
    await tablet.page.getByRole('button', { name: 'Owner' }).click();
    await tryPin(tablet.page, OWNER_PIN);
    await tablet.page.getByRole('link', { name: 'Shop' }).click();
    await tablet.page.getByText(/^Protected: the browser will not clear/).waitFor();
    expect(await tablet.page.evaluate(() => navigator.storage.persisted())).toBe(true);
    await tablet.page.getByText(/\d.* used of .* available/).waitFor();
  });

  it('warns when the browser refused, and when members were never exported', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
    await page.getByRole('button', { name: 'Owner' }).click();
    await tryPin(page, OWNER_PIN);
    await page.getByRole('link', { name: 'Shop' }).click();
    await page.getByText(/^Not protected: the browser may clear/).waitFor();
    // One warning that says everything: never exported, no server, so export now.
    await page
      .getByRole('alert')
      .filter({
        hasText:
          /^Your members have never been exported from this device, and this shop does not sync to a server.*Export your members now\.$/,
      })
      .waitFor();
  });
});
