/**
 * Stamp expiry, turned on by the owner: the counter and the customer's card
 * (served by the shop's server, worked out there the same way) both say when
 * the member's stamps expire.
 */
import { describe, expect, inject, it } from 'vitest';
import { waitUntil } from '../support/wait';
import { addStamps, closeCardQr, search, setUpShop } from './support/shop';
import { openOwner, syncStatus } from './support/sync';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newDevice = tabletPerTest();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

/** "12 March" a month from today, as the shop's country (Indonesia, English screen) writes it. */
function monthFromToday(): RegExp {
  const d = new Date();
  d.setMonth(d.getMonth() + 1);
  const month = d.toLocaleString('en', { month: 'long' });
  return new RegExp(`^3 stamps expire on \\d{1,2} ${month}$`);
}

/** The customer's phone does not know the shop's country: it writes the date its own way. */
function monthFromTodayAnyOrder(): RegExp {
  const d = new Date();
  d.setMonth(d.getMonth() + 1);
  const month = d.toLocaleString('en', { month: 'long' });
  return new RegExp(`^3 stamps expire on (\\d{1,2} ${month}|${month} \\d{1,2})$`);
}

describe('stamp expiry', () => {
  it('is shown at the counter and on the customer’s card once the owner turns it on', async () => {
    const { page } = await newDevice();
    await setUpShop(page, baseURL, { name: 'Kopi Kita' });
    await openOwner(page, 'Tablets');
    await page.getByRole('button', { name: 'Connect this tablet' }).click();
    await page.getByText(`Connected to ${baseURL}`).waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();

    await page.getByRole('button', { name: 'New member' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await form.getByRole('button', { name: 'Save member' }).click();
    const link = await closeCardQr(page);
    await addStamps(page, 3);
    // Off by default: nothing expires, nothing is said.
    expect(await page.getByText(/expire/).count()).toBe(0);

    await openOwner(page, 'Program');
    const expiry = page.getByRole('form', { name: 'Stamp expiry' });
    await expiry.getByLabel("Months after the member's last visit").check();
    await expiry.getByRole('textbox', { name: 'Months' }).fill('1');
    await expiry.getByRole('button', { name: 'Save expiry' }).click();
    await expiry.getByRole('status').getByText('Saved').waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();

    expect(await search(page, 'Siti')).toEqual(['Siti Rahma']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    const note = page.getByRole('note').filter({ hasText: 'expire' });
    await note.waitFor();
    expect(await note.innerText()).toMatch(monthFromToday());

    // The settings and stamps reach the server; the customer's card says the same.
    await waitUntil(
      async () => {
        if ((await syncStatus(page).innerText()) === 'Synced') return true;
        const button = page.getByRole('button', { name: 'Sync now' });
        if (await button.isEnabled()) await button.click();
        return false;
      },
      { message: 'the tablet to sync', timeout: 30_000, interval: 500 },
    );
    const phone = await newDevice(PHONE);
    await phone.page.goto(link);
    const cardNote = phone.page.getByRole('note').filter({ hasText: 'expire' });
    await cardNote.waitFor();
    expect(await cardNote.innerText()).toMatch(monthFromTodayAnyOrder());
  });
});
