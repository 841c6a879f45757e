/** Steps a person takes, found by role and accessible name (PRODUCT.md's contract). */
import type { Page } from 'playwright-core';
import { waitUntil } from '../../support/wait';

export const OWNER_PIN = '2468';

export interface ShopSetup {
  name?: string;
  stampsPerCard?: number;
  reward?: string;
  currency?: string;
  country?: string;
  /**
   * Connect the shop to the server the app came from, as first-run setup does by
   * default. Off unless a test asks: most tests want a shop on one tablet.
   */
  connect?: boolean;
}

export async function setUpShop(page: Page, baseURL: string, shop: ShopSetup = {}): Promise<void> {
  await page.goto(baseURL);
  await page.getByLabel('Shop name').fill(shop.name ?? 'Kopi Kita');
  await page.getByLabel('Stamps per card').fill(String(shop.stampsPerCard ?? 10));
  await page.getByLabel('Reward', { exact: true }).fill(shop.reward ?? 'Free coffee');
  await page.getByLabel('Currency').selectOption(shop.currency ?? 'IDR');
  await page.getByLabel('Country').selectOption(shop.country ?? 'ID');
  await page.getByLabel('Owner PIN', { exact: true }).fill(OWNER_PIN);
  await page.getByLabel('Repeat the PIN').fill(OWNER_PIN);
  const localOnly = page.getByRole('checkbox', { name: 'Keep this shop on this tablet only' });
  if (!shop.connect) await localOnly.check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
}

export interface NewMember {
  name: string;
  phone?: string;
  email?: string;
  birthday?: string;
  consent?: boolean;
}

export async function enroll(page: Page, member: NewMember): Promise<void> {
  await page.getByRole('button', { name: 'New member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(member.name);
  await dialog.getByLabel('Phone', { exact: true }).fill(member.phone ?? '');
  if (member.email) await dialog.getByLabel('Email').fill(member.email);
  if (member.birthday) await dialog.getByLabel('Birthday').fill(member.birthday);
  if (member.consent) await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Save member' }).click();
  // After saving, the counter shows the new member's card QR for their phone; close it.
  await closeCardQr(page);
  await page.getByRole('heading', { name: member.name, level: 2 }).waitFor();
}

/** The card QR shown after "Save member": the link it carries, then "Done". */
export async function closeCardQr(page: Page): Promise<string> {
  const card = page.getByRole('dialog', { name: /card$/ });
  const link = await card.getByRole('link', { name: /\/c\// }).getAttribute('href');
  await card.getByRole('button', { name: 'Done' }).click();
  await card.waitFor({ state: 'hidden' });
  return link!;
}

/** Types in "Search members" and reads the results once they are for that text (no longer busy). */
export async function search(page: Page, text: string): Promise<string[]> {
  await page.getByRole('searchbox', { name: 'Search members' }).fill(text);
  await page.locator('[role="search"][aria-busy="false"]').waitFor();
  const results = page.getByRole('list', { name: 'Matching members' }).getByRole('button');
  return (await results.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
}

export async function cardProgress(page: Page): Promise<string | null> {
  return page.getByRole('img', { name: /of \d+ stamps/ }).getAttribute('aria-label');
}

export async function addStamps(page: Page, quantity = 1): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Quantity' }).fill(String(quantity));
  await page.getByRole('button', { name: 'Add stamp' }).click();
  const box = page.getByRole('spinbutton', { name: 'Quantity' });
  await waitUntil(async () => (await box.inputValue()) === '1', {
    message: 'the stamp to be saved',
  });
}
