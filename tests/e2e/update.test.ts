/**
 * A new version is announced, never applied by itself, held while a cashier
 * has unsaved work, and applied on "Reload".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/chromium';
import { buildApp, serveApp, type Served } from '../support/serve';
import { enroll, setUpShop } from './support/shop';

let distA = '';
let distB = '';
// Two production builds: about 10 s each on an idle machine, several times that on a loaded one.
beforeAll(() => {
  distA = buildApp('.tmp/dist-update-a', { SETIA_BUILD_ID: 'first' });
  distB = buildApp('.tmp/dist-update-b', { SETIA_BUILD_ID: 'second' });
}, 180_000);

let served: Served | undefined;
afterAll(async () => served?.close());

describe('app update', () => {
  it('shows "Update available", waits for unsaved work, and reloads into the new version on request', async () => {
    served = await serveApp(distA);
    const baseURL = served.baseURL;
    const port = Number(new URL(baseURL).port);
    const tablet = await launch();
    try {
      const { page } = tablet;
      await setUpShop(page, baseURL);
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
      expect(await page.evaluate(() => document.documentElement.dataset.appVersion)).toMatch(
        /\+first$/,
      );
      await enroll(page, { name: 'Rizky Pratama' });

      // The shop's server now has the new version.
      await served.close();
      served = await serveApp(distB, port);
      await page.evaluate(() => {
        (window as unknown as { stillHere: boolean }).stillHere = true;
        return navigator.serviceWorker.getRegistration().then((r) => r?.update());
      });
      const prompt = page.getByRole('region', { name: 'App update' });
      await prompt.getByText('Update available').waitFor({ timeout: 20_000 });
      const reload = prompt.getByRole('button', { name: 'Reload' });

      // A quantity typed but not stamped: the update waits.
      await page.getByRole('spinbutton', { name: 'Quantity' }).fill('3');
      await expect.poll(() => reload.isDisabled()).toBe(true);
      await prompt.getByText('finish the current customer first').waitFor();
      await page.getByRole('spinbutton', { name: 'Quantity' }).fill('1');
      await expect.poll(() => reload.isEnabled()).toBe(true);
      // It never reloaded by itself.
      expect(
        await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      ).toBe(true);

      await Promise.all([page.waitForEvent('load'), reload.click()]);
      await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.appVersion)).toMatch(
        /\+second$/,
      );
      expect(await page.getByRole('region', { name: 'App update' }).count()).toBe(0);
    } finally {
      await tablet.dispose();
    }
  });
});
