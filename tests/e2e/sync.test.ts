/**
 * Three tablets of one shop, each a Chromium with its own IndexedDB, syncing
 * through the real server: the owner connects the first and pairs the others
 * with codes; stamps made while the internet is down converge when it returns;
 * a reward given twice offline shows in the owner's conflict inbox.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitUntil } from '../support/wait';
import { addStamps, cardProgress, enroll, search, setUpShop } from './support/shop';
import { joinShop, openOwner, pairingCode, syncStatus as status } from './support/sync';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

const OWES_10 =
  'This member owes 10 stamps: two tablets redeemed the same reward. The owner can settle it.';
/** "Sync now" until the status says synced and `check` holds (other tablets may still be pushing). */
async function syncUntil(page: Page, check: () => Promise<boolean>, message: string) {
  await waitUntil(
    async () => {
      if ((await status(page).innerText()) !== 'Synced' || !(await check())) {
        const button = page.getByRole('button', { name: 'Sync now' });
        if (await button.isEnabled()) await button.click();
        return false;
      }
      return true;
    },
    { message, timeout: 30_000, interval: 500 },
  );
}

async function openMember(page: Page, name: string) {
  await search(page, name);
  await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

describe('sync between tablets', () => {
  it('pairs three tablets, converges offline stamps, and shows a double redemption as a conflict', async () => {
    const owner = await newTablet();
    const a = owner.page;
    await setUpShop(a, baseURL, { name: 'Kopi Sync' });
    expect(await status(a).innerText()).toBe('Not connected to a server');

    // The owner connects the first tablet, then pairs two more.
    await openOwner(a);
    expect(await a.getByLabel('Server').inputValue()).toBe(baseURL);
    await a.getByRole('button', { name: 'Connect this tablet' }).click();
    await a.getByText(`Connected to ${baseURL}`).waitFor();
    const second = await newTablet();
    await joinShop(second.page, baseURL, await pairingCode(a));
    const third = await newTablet();
    await joinShop(third.page, baseURL, await pairingCode(a));
    await a.getByText(/\(this tablet\)/).waitFor();
    await a.getByRole('button', { name: 'Back to the counter' }).click();
    const [b, c] = [second.page, third.page];

    // A used pairing code does not work twice.
    const late = await newTablet();
    await late.page.goto(baseURL);
    await late.page.getByRole('button', { name: 'Join a shop' }).click();
    await late.page.getByLabel('Pairing code').fill('ZZZZ9999');
    await late.page.getByRole('button', { name: 'Join', exact: true }).click();
    await late.page
      .getByText('This pairing code is wrong or has expired. Ask the owner for a new one.')
      .waitFor();

    // A member enrolled on the owner's tablet reaches the others.
    await enroll(a, { name: 'Ana Wijaya', phone: '0812 3456 7890' });
    await addStamps(a, 1);
    await syncUntil(a, async () => true, 'the first tablet to push');
    for (const page of [b, c])
      await syncUntil(
        page,
        async () => (await search(page, '0812 3456')).includes('Ana Wijaya'),
        'Ana to reach the other tablets',
      );

    // The internet drops; each tablet stamps Ana on its own.
    for (const t of [owner, second, third]) await t.context.setOffline(true);
    const stamps: [Page, number][] = [
      [a, 1],
      [b, 2],
      [c, 3],
    ];
    for (const [page, n] of stamps) {
      await openMember(page, 'Ana Wijaya');
      await addStamps(page, n);
      await waitUntil(
        async () =>
          (await status(page).innerText()) === 'Offline — 1 change saved here, will sync later',
        { message: 'the offline status with one change waiting' },
      );
    }
    // The internet is back: the tablets converge on 1 + 1 + 2 + 3 = 7 stamps.
    for (const t of [owner, second, third]) await t.context.setOffline(false);
    for (const page of [a, b, c, a, b])
      await syncUntil(
        page,
        async () => (await cardProgress(page)) === '7 of 10 stamps',
        'every stamp on every tablet',
      );

    // Three more stamps make a reward; two tablets give it while offline.
    await addStamps(a, 3);
    await syncUntil(
      b,
      async () => (await b.getByRole('button', { name: 'Redeem reward' }).isEnabled()) === true,
      'the reward to reach the second tablet',
    );
    for (const t of [owner, second]) await t.context.setOffline(true);
    for (const page of [a, b]) await page.getByRole('button', { name: 'Redeem reward' }).click();
    for (const t of [owner, second]) await t.context.setOffline(false);
    for (const page of [a, b, a, b])
      await syncUntil(
        page,
        async () => (await page.getByText(OWES_10).count()) > 0,
        'both redemptions on both tablets',
      );

    // The owner sees the conflict and forgives it; the card is square again everywhere.
    await openOwner(a, 'Members');
    await a.getByText('Ana Wijaya: short by 10 stamps').waitFor();
    await a.getByRole('button', { name: 'Forgive Ana Wijaya' }).click();
    await a.getByText('No conflicts. Every reward was earned before it was given.').waitFor();
    await a.getByRole('button', { name: 'Back to the counter' }).click();
    await openMember(a, 'Ana Wijaya');
    for (const page of [a, b, c])
      await syncUntil(
        page,
        async () =>
          (await cardProgress(page)) === '0 of 10 stamps' &&
          (await page.getByText(OWES_10).count()) === 0,
        'the settled card everywhere',
      );
  });
});
