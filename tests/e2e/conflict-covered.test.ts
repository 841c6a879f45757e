/**
 * A reward given twice offline, then covered by the member's next stamps: the
 * owner's conflict list says it is covered and offers one "Mark settled" (not
 * "short by 0 stamps" with two buttons that would do the same). Read in
 * Indonesian, at a landscape and a portrait tablet size; screenshots go to
 * test-results/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { catalogue } from './support/catalogue';
import { addStamps, enroll, search, setUpShop } from './support/shop';
import { joinShop, openOwner, OWES_10, pairingCode, syncUntil } from './support/sync';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

describe(`a double reward covered by later stamps (server on ${inject('serverDatabase')})`, () => {
  it('is listed as covered, with one "Mark settled" that clears it, in Indonesian', async () => {
    const owner = await newTablet();
    const a = owner.page;
    await setUpShop(a, baseURL, { name: 'Kopi Lunas' });
    await openOwner(a);
    await a.getByRole('button', { name: 'Connect this tablet' }).click();
    await a.getByText(`Connected to ${baseURL}`).waitFor();
    const second = await newTablet();
    const b = second.page;
    await joinShop(b, baseURL, await pairingCode(a));
    await a.getByRole('button', { name: 'Back to the counter' }).click();

    // A full card reaches the second tablet; both give the reward while offline.
    await enroll(a, { name: 'Ana Wijaya', phone: '0812 3456 7890' });
    await addStamps(a, 10);
    await syncUntil(a, async () => true, 'the first tablet to push');
    await syncUntil(
      b,
      async () => (await search(b, '0812 3456')).includes('Ana Wijaya'),
      'Ana to reach the second tablet',
    );
    await b.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    for (const t of [owner, second]) await t.context.setOffline(true);
    for (const page of [a, b]) await page.getByRole('button', { name: 'Redeem reward' }).click();
    for (const t of [owner, second]) await t.context.setOffline(false);
    for (const page of [a, b, a])
      await syncUntil(
        page,
        async () => (await page.getByText(OWES_10).count()) > 0,
        'both redemptions on both tablets',
      );

    // Ten more stamps pay the debt back before the owner looks.
    await addStamps(a, 10);
    await openOwner(a, 'Members');
    await a.getByRole('combobox', { name: 'Language' }).first().selectOption('id');
    const id = catalogue('id');
    const name = 'Ana Wijaya';
    const list = a.getByRole('list', { name: id('conflicts.title') });
    await list.getByText(id('conflicts.earnedBack', { name })).waitFor();
    // Neither the debt's wording nor its two choices: one button, which is all that is left to do.
    expect(await list.innerText()).not.toContain(': kurang');
    for (const gone of [
      list.getByRole('button', { name: id('conflicts.forgive', { name }) }),
      list.getByRole('button', { name: id('conflicts.keep', { name }) }),
    ])
      if ((await gone.count()) !== 0) throw new Error(`still shown: ${gone.toString()}`);

    mkdirSync('test-results', { recursive: true });
    for (const [width, height] of [
      [1024, 600],
      [800, 1280],
    ] as const) {
      await a.setViewportSize({ width, height });
      await list.scrollIntoViewIfNeeded();
      await a.screenshot({ path: `test-results/conflict-covered-id-${width}x${height}.png` });
    }

    // On a slow tablet (CPU 4× slower): from the tap to the empty list, printed for the note.
    const cdp = await owner.context.newCDPSession(a);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const tapped = Date.now();
    await list.getByRole('button', { name: id('conflicts.settle', { name }) }).click();
    await a.getByText(id('conflicts.none')).waitFor();
    console.log(`Mark settled at 4× CPU slowdown: ${Date.now() - tapped} ms to the empty list`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });
});
