/**
 * The installable, offline app: the service worker takes control on the first
 * visit, every route reloads offline, a stamp works offline and is still there
 * online; Chromium finds the app installable; the precache holds every chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Tablet } from '../support/chromium';
import { tabletPerTest } from './support/tablet';
import { DIST, ROOT } from '../support/serve';
import { addStamps, cardProgress, enroll, search, setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

async function controlled(tablet: Tablet): Promise<void> {
  await tablet.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 15_000,
  });
}

describe('installable offline app', () => {
  it('takes control on the first visit and keeps stamping offline; nothing is lost back online', async () => {
    const tablet = await newTablet();
    const { page, context } = tablet;
    await setUpShop(page, baseURL);
    await controlled(tablet); // clientsClaim: no reload needed
    await enroll(page, { name: 'Dewi Lestari', phone: '0812 1111 2222' });
    await addStamps(page, 2);

    await context.setOffline(true);
    for (const path of ['/', '/owner', '/c/unknown-card']) {
      await page.goto(`${baseURL}${path}`);
      await page.locator('#root > *').first().waitFor();
    }
    await page.goto(baseURL);
    expect(await search(page, 'dewi')).toEqual(['Dewi Lestari']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await addStamps(page, 3);
    await expect.poll(() => cardProgress(page)).toBe('5 of 10 stamps');
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search members' }).waitFor();

    await context.setOffline(false);
    await page.reload();
    expect(await search(page, 'dewi')).toEqual(['Dewi Lestari']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await expect.poll(() => cardProgress(page)).toBe('5 of 10 stamps');
  });

  it('says what is missing when a screen was never downloaded and the connection is gone', async () => {
    const tablet = await newTablet();
    const { page, context } = tablet;
    // No service worker yet (it had no chance to fetch the owner area's code), then offline.
    await context.route('**/sw.js', (route) => route.abort());
    await setUpShop(page, baseURL);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Owner', exact: true }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'is not on this tablet yet' });
    await problem.waitFor();
    expect(await problem.innerText()).toContain('Everything saved is safe');
  });

  it('is installable according to Chromium itself', async () => {
    const tablet = await newTablet();
    await tablet.page.goto(baseURL);
    await controlled(tablet);
    const cdp = await tablet.context.newCDPSession(tablet.page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await fetch(`${baseURL}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', short_name: 'Setia' });
    expect(
      manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`),
    ).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of [...manifest.icons, ...manifest.screenshots])
      expect((await fetch(`${baseURL}${icon.src}`)).status).toBe(200);
  });

  it('precaches index.html, the manifest and every chunk, but not the worker itself', () => {
    const dist = join(ROOT, DIST);
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
    expect(precached).toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    for (const file of readdirSync(join(dist, 'assets')))
      expect(precached).toContain(`assets/${file}`);
    expect(precached).not.toContain('sw.js');
    expect(new Set(precached).size).toBe(precached.length);
  });
});
