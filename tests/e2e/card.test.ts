/**
 * The member's card: its QR shown at the counter after enrolling (with WhatsApp
 * and print), shown again for a new phone, and the customer's card page on a
 * phone — live QR the counter accepts, online and then offline, reopened from
 * the home screen.
 */
import { describe, expect, inject, it } from 'vitest';
import { checkScannedCode } from '../../src/shared/scanned-code';
import { tabletPerTest } from './support/tablet';
import { addStamps, closeCardQr, search, setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newDevice = tabletPerTest();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

describe("the member's card", () => {
  it('shows the new card to scan, share and print, and again for a lost phone', async () => {
    const { page } = await newDevice();
    await setUpShop(page, baseURL, { name: 'Kopi Kita' });
    await page.getByRole('button', { name: 'New member' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await form.getByLabel('Phone', { exact: true }).fill('0812-3456 789');
    await form.getByRole('button', { name: 'Save member' }).click();

    const card = page.getByRole('dialog', { name: "Siti Rahma's card" });
    await card.getByRole('img', { name: 'Card code for Siti Rahma' }).waitFor();
    const share = await card.getByRole('link', { name: 'Share via WhatsApp' }).getAttribute('href');
    const link = await card.getByRole('link', { name: /\/c\// }).getAttribute('href');
    expect(link).toMatch(new RegExp(`^${baseURL}/c/[0-9A-Z]{26}\\.[\\w-]{22}#`));
    expect(share).toMatch(/^https:\/\/wa\.me\/628123456789\?text=/);
    expect(decodeURIComponent(share!.split('text=')[1]!)).toContain(link!);
    expect(await card.getByRole('button', { name: 'Print card' }).isEnabled()).toBe(true);
    expect(await card.getByRole('img').getAttribute('data-code')).toBe(link);
    await closeCardQr(page);

    // Lost phone: find them by phone number and show the same card again.
    expect(await search(page, '+62 812 3456 789')).toEqual(['Siti Rahma']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Show card QR' }).click();
    expect(await closeCardQr(page)).toBe(link);
  });

  it("opens on the customer's phone with a live code the counter accepts, online and offline", async () => {
    const tablet = await newDevice();
    await setUpShop(tablet.page, baseURL, { name: 'Kopi Kita', reward: 'Free coffee' });
    await tablet.page.getByRole('button', { name: 'New member' }).click();
    await tablet.page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await tablet.page.getByRole('dialog').getByRole('button', { name: 'Save member' }).click();
    const link = await closeCardQr(tablet.page);
    await addStamps(tablet.page, 3);
    const cardKey = await tablet.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('setia');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('shop');
            get.onsuccess = () => resolve(get.result.value.cardKey);
          };
        }),
    );

    // On the shop's own tablet the card shows the real stamps.
    await tablet.page.goto(link);
    await tablet.page.getByRole('img', { name: '3 of 10 stamps' }).waitFor();
    await tablet.page.getByText('Up to date: shown from this shop tablet.').waitFor();

    const phone = await newDevice(PHONE);
    const { page, context } = phone;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Kopi Kita', level: 1 }).waitFor();
    await page.getByText('Hi Siti!').waitFor();
    await page.getByText(/Your stamps will show here once the shop's tablet is online/).waitFor();
    const qr = page.getByRole('img', { name: 'Your card code: show it at the counter' });
    const code = await qr.getAttribute('data-code');
    expect(await checkScannedCode(code!, { cardKey }, Date.now())).toMatchObject({
      ok: true,
      live: true,
      memberId: new URL(link).pathname.split('/')[2]!.split('.')[0],
    });
    expect(code).not.toContain(new URL(link).pathname); // the live code never shows the card's signature
    await page.getByText(/new code in \d+ seconds?/).waitFor();

    // Offline: the card and its live code still open, also from the home-screen icon ("/").
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
      timeout: 15_000,
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Hi Siti!').waitFor();
    await qr.waitFor();
    await page.goto(baseURL);
    await page.getByText('Hi Siti!').waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
  });

  it('says so when a card link is broken, or when a live code is opened instead of the card', async () => {
    const { page } = await newDevice(PHONE);
    await page.goto(`${baseURL}/c/not-a-card`);
    await page.getByText('This card link is not valid.', { exact: false }).waitFor();
    await page.goto(`${baseURL}/c/01JH8ZQ3V0M6X1TS5Y2B7C9D4E.58800000.AAAAAAAAAAA`);
    await page.getByText('This code is for the shop', { exact: false }).waitFor();
  });

  it("shows a friend's referral link on a phone as an invitation, not a shop to set up", async () => {
    const { page } = await newDevice(PHONE);
    await page.goto(`${baseURL}/?ref=K7QD2M9X`);
    await page.getByRole('heading', { name: "You're invited!" }).waitFor();
    await page.getByText('Invitation code: K7QD2M9X').waitFor();
    expect(await page.getByLabel('Shop name').count()).toBe(0);
    // A new shop tablet opened with such a link can still be set up.
    await page
      .getByRole('button', { name: "This is a shop's tablet: set up the shop instead" })
      .click();
    await page.getByLabel('Shop name').waitFor();
    expect(new URL(page.url()).search).toBe('');
  });
});
