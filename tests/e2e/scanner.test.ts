/**
 * Scanning at the counter with a real camera stream: Chromium's fake camera
 * films a QR code made from the app's own card link. A genuine code opens the
 * member ready to stamp (even one this tablet has never seen); a tampered, an
 * expired, a foreign code and plain text each say why and write nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import { randomKey } from '../../src/shared/base64url';
import { liveToken, signCard } from '../../src/shared/card-link';
import { fakeCameraShowing } from '../support/fake-camera';
import type { Tablet } from '../support/chromium';
import { tabletPerTest } from './support/tablet';
import { addStamps, cardProgress, closeCardQr, OWNER_PIN, setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();
/**
 * What a scan shows (member or message) may take longer than the 10 s default on
 * a busy 2-core machine: the fake camera decodes at a few frames a second there.
 * How fast scanning is belongs to `npm run bench -- scanner`; this asserts what is shown.
 */
const SCANNED = { timeout: 25_000 };

interface Shop {
  profile: string;
  cardKey: string;
  /** Siti's card token, `<memberId>.<sig>`. */
  token: string;
}

/** Sets up a shop with one member, Siti, and closes the browser (the profile stays). */
async function shopWithSiti(): Promise<Shop> {
  const tablet = await newTablet();
  const { page } = tablet;
  await setUpShop(page, baseURL);
  await page.getByRole('button', { name: 'New member' }).click();
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Siti Rahma');
  await page.getByRole('dialog').getByRole('button', { name: 'Save member' }).click();
  const link = await closeCardQr(page);
  const token = new URL(link).pathname.split('/').pop()!;
  const cardKey = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('setia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('shop');
          get.onsuccess = () => resolve(get.result.value.cardKey);
        };
      }),
  );
  // The service worker installs once the counter is usable: let it finish before the browser
  // closes, so the next browser on this profile does not meet a half-written cache.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await tablet.close();
  return { profile: tablet.userDataDir, cardKey, token };
}

async function eventCount(tablet: Tablet): Promise<number> {
  return tablet.page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('setia');
        open.onsuccess = () => {
          const count = open.result.transaction('events').objectStore('events').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}

/** Reopens the shop's tablet with a camera filming `code`, and taps Scan. */
async function scanWith(shop: Shop, code: string): Promise<Tablet> {
  const tablet = await newTablet({ userDataDir: shop.profile, args: fakeCameraShowing(code) });
  await tablet.page.goto(baseURL);
  await tablet.page.getByRole('button', { name: 'Scan' }).click();
  return tablet;
}

describe('scanning a card at the counter', () => {
  it("opens the member from the live code on the customer's phone, ready to stamp", async () => {
    const shop = await shopWithSiti();
    const code = `${baseURL}/c/${await liveToken(shop.token, Date.now())}`;
    const tablet = await scanWith(shop, code);
    const { page } = tablet;
    await page.getByRole('heading', { name: 'Siti Rahma', level: 2 }).waitFor(SCANNED);
    // "Add stamp" has the focus: the cashier's next tap stamps.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Add stamp');
    await addStamps(page, 2);
    await expect.poll(() => cardProgress(page)).toBe('2 of 10 stamps');
    // The same code still in view does not open the member again or stamp on its own.
    await page.waitForTimeout(1000);
    expect(await eventCount(tablet)).toBe(1);
    await page.getByRole('button', { name: 'Stop scanning' }).click();
    await page.getByRole('button', { name: 'Scan' }).waitFor();
  });

  it('stamps a genuine card of a member enrolled on another tablet, as new to this tablet', async () => {
    const shop = await shopWithSiti();
    const stranger = await signCard('01JQ7ZSTRANGER00000000000X', shop.cardKey);
    const tablet = await scanWith(shop, `${baseURL}/c/${stranger}`);
    const { page } = tablet;
    await page.getByRole('heading', { name: 'New to this tablet', level: 2 }).waitFor(SCANNED);
    await addStamps(page, 1);
    await expect.poll(() => cardProgress(page)).toBe('1 of 10 stamps');
    expect(await eventCount(tablet)).toBe(1);
  });

  const refusals: [string, (shop: Shop) => Promise<string>, string][] = [
    [
      'a tampered signature',
      async (shop) => {
        const [id, sig] = shop.token.split('.') as [string, string];
        const flipped = sig[5] === 'A' ? 'B' : 'A';
        return `${baseURL}/c/${id}.${sig.slice(0, 5)}${flipped}${sig.slice(6)}`;
      },
      'This card is not from this shop, or it was altered.',
    ],
    [
      'a screenshot of an expired live code',
      async (shop) => `${baseURL}/c/${await liveToken(shop.token, Date.now() - 15 * 60_000)}`,
      'This code has expired — open your card again',
    ],
    [
      "another shop's card",
      async (shop) => `${baseURL}/c/${await signCard(shop.token.split('.')[0]!, randomKey())}`,
      'This card is not from this shop, or it was altered.',
    ],
    [
      'text that is not a card',
      async () => 'WIFI:S:KopiKita;T:WPA;P:rahasia;;',
      'This is not a Setia card.',
    ],
  ];

  it.each(refusals)(
    'refuses %s with a message and writes nothing',
    async (_, makeCode, message) => {
      const shop = await shopWithSiti();
      const tablet = await scanWith(shop, await makeCode(shop));
      const { page } = tablet;
      await expect
        .poll(() => page.getByRole('alert').allInnerTexts(), SCANNED)
        .toEqual([expect.stringContaining(message)]);
      expect(await page.getByRole('heading', { level: 2, name: 'Siti Rahma' }).count()).toBe(0);
      expect(await eventCount(tablet)).toBe(0);
    },
  );

  it('refuses a printed card when the owner accepts only the live code', async () => {
    const shop = await shopWithSiti();
    const owner = await newTablet({ userDataDir: shop.profile });
    await owner.page.goto(`${baseURL}/owner`);
    await owner.page.getByLabel('Owner PIN').fill(OWNER_PIN);
    await owner.page.getByRole('button', { name: 'Unlock' }).click();
    await owner.page.getByRole('link', { name: 'Shop' }).click();
    await owner.page.getByRole('checkbox', { name: 'Accept printed cards' }).uncheck();
    // The box unticks at once; the setting is saved just after. Close the browser only then.
    await expect
      .poll(() =>
        owner.page.evaluate(
          () =>
            new Promise((resolve) => {
              const open = indexedDB.open('setia');
              open.onsuccess = () => {
                const get = open.result.transaction('settings').objectStore('settings').get('shop');
                get.onsuccess = () => resolve(get.result.value.allowStaticCodes);
              };
            }),
        ),
      )
      .toBe(false);
    await owner.close();

    const tablet = await scanWith(shop, `${baseURL}/c/${shop.token}`);
    await tablet.page
      .getByText('Printed cards are not accepted here.', { exact: false })
      .waitFor(SCANNED);
    expect(await eventCount(tablet)).toBe(0);
  });

  it('says what to do when there is no camera, or camera access is refused', async () => {
    const bare = await newTablet();
    await setUpShop(bare.page, baseURL);
    await bare.page.getByRole('button', { name: 'Scan' }).click();
    await bare.page.getByText('No camera was found on this device.', { exact: false }).waitFor();
    await bare.close();

    // A camera, but the person says no to the browser's permission prompt.
    const refused = await newTablet({ args: ['--use-fake-device-for-media-stream'] });
    await setUpShop(refused.page, baseURL);
    await refused.page.getByRole('button', { name: 'Scan' }).click();
    await refused.page.getByText('Camera access was refused.', { exact: false }).waitFor();
  });
});
