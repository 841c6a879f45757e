/**
 * Three tablets of one shop, each a Chromium with its own IndexedDB, syncing
 * through the real server: the owner connects the first and pairs the others
 * with codes; stamps made while the internet is down converge when it returns;
 * a reward given twice offline shows in the owner's conflict inbox; the same
 * customer enrolled on two offline tablets shows as a possible duplicate that
 * the owner merges, after which every tablet shows one member with every stamp;
 * an owner's setting changed on one tablet reaches the others.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitUntil } from '../support/wait';
import { addStamps, cardProgress, enroll, search, setUpShop } from './support/shop';
import {
  joinShop,
  openOwner,
  OWES_10,
  pairingCode,
  syncStatus as status,
  syncUntil,
} from './support/sync';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

const SITI = { name: 'Siti Rahma', phone: '0813 1111 2222' };
const DUPLICATE_HINT = 'Possible duplicate';

/** The full text of each search result (name, phone, card, hints). */
async function matches(page: Page, text: string): Promise<string[]> {
  await search(page, text);
  return page.getByRole('list', { name: 'Matching members' }).getByRole('button').allInnerTexts();
}

/** What a tablet shows of the open member: name, phone, card, totals and each last visit. */
async function memberView(page: Page): Promise<string> {
  const visits = page.getByRole('region', { name: 'Last visits' });
  const items = await visits
    .getByRole('listitem')
    .evaluateAll((lis) =>
      lis.map(
        (li) => `${li.querySelector('span')?.textContent} @ ${li.querySelector('time')?.dateTime}`,
      ),
    );
  const heading = await page.getByRole('heading', { level: 2 }).innerText();
  return JSON.stringify([
    heading,
    await cardProgress(page),
    await visits.innerText().then((t) => t.split('\n').at(-1)),
    items,
  ]);
}

async function openMember(page: Page, name: string) {
  await search(page, name);
  await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

describe(`sync between tablets (server on ${inject('serverDatabase')})`, () => {
  it('pairs three tablets, converges offline stamps, shows a double redemption as a conflict and merges a duplicate member', async () => {
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
    // Still offline, the same new customer enrolls at two counters (one phone), with stamps.
    await enroll(b, SITI);
    await addStamps(b, 2);
    await enroll(c, SITI);
    await addStamps(c, 3);
    for (const page of [b, c]) await openMember(page, 'Ana Wijaya');

    // The internet is back: the tablets converge on 1 + 1 + 2 + 3 = 7 stamps.
    for (const t of [owner, second, third]) await t.context.setOffline(false);
    for (const page of [a, b, c, a, b])
      await syncUntil(
        page,
        async () => (await cardProgress(page)) === '7 of 10 stamps',
        'every stamp on every tablet',
      );

    // Every tablet shows both Siti Rahma enrollments, each marked as a possible duplicate.
    for (const page of [a, b, c])
      await syncUntil(
        page,
        async () => {
          const rows = await matches(page, 'Siti');
          return rows.length === 2 && rows.every((r) => r.includes(DUPLICATE_HINT));
        },
        'both enrollments of Siti, flagged, on every tablet',
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
    // The owner sees the duplicate Siti and merges it into the one enrolled first.
    const duplicates = a.getByRole('list', { name: 'Possible duplicate members' });
    await duplicates.getByText('Siti Rahma — 2 stamps', { exact: false }).waitFor();
    await duplicates.getByText('Siti Rahma — 3 stamps', { exact: false }).waitFor();
    await a.getByRole('button', { name: 'Merge into Siti Rahma' }).click();
    await a.getByText('No duplicates: every phone number belongs to one member.').waitFor();
    // An owner's setting changed here reaches the other tablets too.
    await a.getByRole('link', { name: 'Shop' }).click();
    await a.getByRole('checkbox', { name: 'Accept printed cards' }).uncheck();
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

    // One Siti everywhere, with both counters' stamps (2 + 3), the same card and the same history.
    const seen: string[] = [];
    for (const page of [a, b, c, a]) {
      await syncUntil(
        page,
        async () => {
          const rows = await matches(page, 'Siti');
          return rows.length === 1 && !rows[0]!.includes(DUPLICATE_HINT);
        },
        'one Siti Rahma after the merge',
      );
      await openMember(page, 'Siti Rahma');
      await waitUntil(async () => (await cardProgress(page)) === '5 of 10 stamps', {
        message: 'the merged stamps on the kept card',
      });
      seen.push(await memberView(page));
    }
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toMatch(/"\+2 stamps @ \d{4}-/);

    await openOwner(c, 'Shop');
    const printed = c.getByRole('checkbox', { name: 'Accept printed cards' });
    await syncUntil(c, async () => !(await printed.isChecked()), 'the owner setting on tablet 3');
    expect(await printed.isChecked()).toBe(false);
  }, 180_000); // four browsers through a dozen sync rounds: the slowest scenario
});
