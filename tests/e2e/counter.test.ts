/**
 * The counter end to end, in Chromium: first-run setup, enrolling, finding a
 * member by phone in both spellings, stamping to a full card, redeeming,
 * undoing, and everything still there after a reload and a browser restart.
 */
import { describe, expect, inject, it } from 'vitest';
import { tabletPerTest } from './support/tablet';
import { addStamps, cardProgress, enroll, search, setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

describe('counter', () => {
  it('sets up a shop, enrolls, finds by phone, stamps to a full card, redeems, undoes, and keeps it all', async () => {
    const tablet = await newTablet();
    const { page } = tablet;
    await setUpShop(page, baseURL, {
      name: 'Kopi Kita',
      stampsPerCard: 8,
      reward: 'Free kopi susu',
    });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kopi Kita');

    await enroll(page, {
      name: 'Siti Rahma',
      phone: '0812-3456 789',
      email: 'siti@example.com',
      birthday: '1994-03-17',
      consent: true,
    });
    await expect.poll(() => cardProgress(page)).toBe('0 of 8 stamps');
    await enroll(page, { name: 'Nguyễn Văn Đức', phone: '+62 813 1111 2222' });

    // The same member, typed the local way and the international way.
    expect(await search(page, '0812-3456 789')).toEqual(['Siti Rahma']);
    expect(await search(page, '+62 812 3456 789')).toEqual(['Siti Rahma']);
    expect(await search(page, '0812')).toEqual(['Siti Rahma']);
    expect(await search(page, 'nguyen duc')).toEqual(['Nguyễn Văn Đức']);
    expect(await search(page, 'siti')).toEqual(['Siti Rahma']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Siti Rahma', level: 2 }).waitFor();

    const redeem = page.getByRole('button', { name: 'Redeem reward' });
    expect(await redeem.isDisabled()).toBe(true);
    await addStamps(page, 3);
    await expect.poll(() => cardProgress(page)).toBe('3 of 8 stamps');
    await addStamps(page, 7); // 10 stamps: a full card of 8 and 2 carried over
    await expect.poll(() => cardProgress(page)).toBe('2 of 8 stamps');
    await expect
      .poll(() => page.getByText('Free kopi susu ready to redeem').isVisible())
      .toBe(true);

    await redeem.click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Free kopi susu redeemed' }).count())
      .toBe(1);
    await expect.poll(() => redeem.isDisabled()).toBe(true);
    await expect.poll(() => cardProgress(page)).toBe('2 of 8 stamps');

    // Undo the redemption: the reward is back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => redeem.isEnabled()).toBe(true);
    // Undo again: the 7 stamps go, leaving 3.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardProgress(page)).toBe('3 of 8 stamps');
    await expect.poll(() => redeem.isDisabled()).toBe(true);

    const persisted = async () => {
      await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
      expect(await search(page, '+62 812 3456')).toEqual(['Siti Rahma']);
      await page
        .getByRole('list', { name: 'Matching members' })
        .getByRole('button')
        .first()
        .click();
      await expect.poll(() => cardProgress(page)).toBe('3 of 8 stamps');
      const visits = await page
        .getByRole('region', { name: 'Last visits' })
        .getByRole('listitem')
        .allInnerTexts();
      expect(visits.map((v) => v.split('\n')[0])).toEqual(['+3 stamps']);
    };
    await page.reload();
    await persisted();

    // A browser restart on the same profile.
    await tablet.close();
    const restarted = await newTablet({ userDataDir: tablet.userDataDir });
    await restarted.page.goto(baseURL);
    const page2 = restarted.page;
    await page2.getByRole('searchbox', { name: 'Search members' }).waitFor();
    expect(await search(page2, 'Siti')).toEqual(['Siti Rahma']);
    await page2.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await expect.poll(() => cardProgress(page2)).toBe('3 of 8 stamps');
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const tablet = await newTablet();
    const { page } = tablet;
    await page.goto(baseURL);
    // Setup: empty form.
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual(
      expect.arrayContaining(["Enter your shop's name.", 'The PIN must be 4 to 8 digits.']),
    );
    await page.getByLabel('Stamps per card').fill('0');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Enter a number of stamps from 2 to 50.').waitFor();
    await setUpShop(page, baseURL);

    const dialog = page.getByRole('dialog');
    const tryEnroll = async (fields: Record<string, string>, message: string) => {
      await page.getByRole('button', { name: 'New member' }).click();
      for (const [label, value] of Object.entries(fields))
        await dialog.getByLabel(label, { exact: true }).fill(value);
      await dialog.getByRole('button', { name: 'Save member' }).click();
      await dialog.getByText(message).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    };
    await tryEnroll({ Name: '' }, "Enter the member's name.");
    await tryEnroll({ Name: 'x'.repeat(500) }, 'A name can have at most 80 characters.');
    await tryEnroll({ Name: 'Budi', Phone: '12ab' }, 'This is not a phone number we can read');
    await tryEnroll({ Name: 'Budi', Email: 'budi@' }, 'This email address looks incomplete');
    await tryEnroll(
      { Name: 'Budi', Birthday: '2999-01-01' },
      'A birthday cannot be in the future.',
    );
    expect(await search(page, 'budi')).toEqual([]);

    // Names with emoji and Vietnamese diacritics are fine.
    await enroll(page, { name: 'Trần Thị Hồng Nhung 🌸', phone: '0812 7777 8888' });
    await tryEnroll(
      { Name: 'Someone else', Phone: '+62 812 7777 8888' },
      'This phone number already belongs to a member.',
    );

    for (const q of ['0', '1000']) {
      await page.getByRole('spinbutton', { name: 'Quantity' }).fill(q);
      await page.getByText('Enter a quantity from 1 to 20.').waitFor();
      expect(await page.getByRole('button', { name: 'Add stamp' }).isDisabled()).toBe(true);
    }
    await page.getByRole('spinbutton', { name: 'Quantity' }).fill('1');
    await expect.poll(() => cardProgress(page)).toBe('0 of 10 stamps');
    expect(
      await page.evaluate(async () => {
        const open = indexedDB.open('setia');
        const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
        const count = (table: string) =>
          new Promise<number>((ok) => {
            const r = db.transaction(table).objectStore(table).count();
            r.onsuccess = () => ok(r.result);
          });
        return { members: await count('members'), events: await count('events') };
      }),
    ).toEqual({ members: 1, events: 0 });
  });
});
