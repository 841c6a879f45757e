/** Sync steps a person takes on the owner's and a new tablet, by role and accessible name. */
import type { Page } from 'playwright-core';
import { waitUntil } from '../../support/wait';
import { OWNER_PIN } from './shop';

export const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync status' });

/** What the counter says of a member whose reward two offline tablets both gave. */
export const OWES_10 =
  'This member owes 10 stamps: two tablets redeemed the same reward. The owner can settle it.';

/** "Sync now" until the status says synced and `check` holds (other tablets may still be pushing). */
export async function syncUntil(page: Page, check: () => Promise<boolean>, message: string) {
  await waitUntil(
    async () => {
      if ((await syncStatus(page).innerText()) !== 'Synced' || !(await check())) {
        const button = page.getByRole('button', { name: 'Sync now' });
        if (await button.isEnabled()) await button.click();
        return false;
      }
      return true;
    },
    { message, timeout: 30_000, interval: 500 },
  );
}

/** Opens the owner area (unlocking it if needed) at one of its sections. */
export async function openOwner(
  page: Page,
  section: 'Members' | 'Shop' | 'Tablets' | 'Program' | 'Messages' | 'Insights' = 'Tablets',
) {
  // Exact: a shop with staff also shows "Staff: Owner".
  await page.getByRole('button', { name: 'Owner', exact: true }).click();
  const sections = page.getByRole('navigation', { name: 'Owner sections' });
  const pin = page.getByLabel('Owner PIN');
  await sections.or(pin).waitFor();
  // The area stays unlocked for a few idle minutes.
  if (await pin.isVisible()) {
    await pin.fill(OWNER_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await sections.getByRole('link', { name: section }).click();
  if (section === 'Tablets')
    await page.getByRole('heading', { name: 'Sync and tablets' }).waitFor();
}

export async function pairingCode(owner: Page): Promise<string> {
  await owner.getByRole('button', { name: 'Pair a tablet' }).click();
  // A new code replaces the last one (each works once).
  const shown = owner.getByRole('status', { name: 'Pairing code' });
  const text = await shown.innerText();
  return /^[A-Z0-9]{8}/.exec(text.trim())![0];
}

/** A new tablet joins with the owner's code; the Server field must default to this origin. */
export async function joinShop(page: Page, baseURL: string, code: string) {
  await page.goto(baseURL);
  await page.getByRole('button', { name: 'Join a shop' }).click();
  const server = await page.getByLabel('Server').inputValue();
  if (server !== baseURL) throw new Error(`"Server" shows ${server}, not this origin ${baseURL}`);
  await page.getByLabel('Pairing code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
}
