/**
 * The loyalty program end to end: the owner sets up a promotion, a tier, a
 * birthday bonus and a cooldown in "Program" (with the preview saying what a
 * visit earns); at the counter a birthday member's stamps follow the rules,
 * the panel says why, and the cooldown blocks until an override with a reason.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tabletPerTest } from './support/tablet';
import { cardProgress, closeCardQr, enroll, OWNER_PIN, search, setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

/** Dates in the tablet's own zone: yesterday, tomorrow, and a birthday falling today. */
async function localDates(page: Page) {
  return page.evaluate(() => {
    const iso = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    const day = 86_400_000;
    return {
      yesterday: iso(new Date(now.getTime() - day)),
      tomorrow: iso(new Date(now.getTime() + day)),
      birthday: `1992-${iso(now).slice(5)}`,
    };
  });
}

async function openProgram(page: Page) {
  await page.getByRole('button', { name: 'Owner' }).click();
  await page.getByLabel('Owner PIN').fill(OWNER_PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page
    .getByRole('navigation', { name: 'Owner sections' })
    .getByRole('link', { name: 'Program' })
    .click();
  await page.getByRole('heading', { name: 'Loyalty program' }).waitFor();
}

async function stamp(page: Page) {
  await page.getByRole('button', { name: 'Add stamp' }).click();
}

describe('loyalty program', () => {
  it('applies a promotion, a tier and a birthday bonus, explains them, and enforces the cooldown', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { name: 'Kopi Kita', stampsPerCard: 10 });
    const dates = await localDates(page);
    await openProgram(page);

    const program = page.getByRole('form', { name: 'Loyalty program' });
    await program.getByRole('button', { name: 'Add promotion' }).click();
    const promo = program.getByRole('group', { name: 'Promotion 1' });
    await promo.getByLabel('Promotion name').fill('Lebaran double stamps');
    await promo.getByLabel('Multiplier').fill('2');
    await promo.getByLabel('From', { exact: true }).fill(dates.yesterday);
    await promo.getByLabel('To', { exact: true }).fill(dates.tomorrow);

    await program.getByRole('button', { name: 'Add tier' }).click();
    const tier = program.getByRole('group', { name: 'Tier 1' });
    await tier.getByLabel('Tier name').fill('Gold');
    await tier.getByLabel('Reached after').fill('2');
    await tier.getByLabel('Multiplier').fill('2');

    await program.getByLabel('Birthday bonus (stamps)').fill('1');
    await program.getByRole('checkbox', { name: 'Limit stamps per member' }).check();
    await program.getByLabel('At most (stamps)').fill('5');
    await program.getByLabel('Within (minutes)').fill('60');

    // Bad input is refused next to its field, and nothing is saved.
    await promo.getByLabel('Multiplier').fill('0.5');
    await program.getByRole('button', { name: 'Save program' }).click();
    await program.getByText('Use a multiplier from 1 to 10 (for example 1.5 or 2).').waitFor();
    await promo.getByLabel('Multiplier').fill('2');

    // The preview says what a Gold member earns in their birthday week during the promotion.
    await program.getByLabel("Sample member's tier").selectOption({ label: 'Gold' });
    await program.getByRole('checkbox', { name: 'In their birthday week' }).check();
    await expect
      .poll(() => program.getByRole('status', { name: 'Preview' }).innerText())
      .toMatch(
        /this visit earns 5 stamps: 1 base, Gold ×2 \+1, Lebaran double stamps ×2 \+2, Birthday week \+1\.$/,
      );

    await program.getByRole('button', { name: 'Save program' }).click();
    await program.getByText('Saved. New stamps follow these rules.').waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();

    await enroll(page, { name: 'Ayu Lestari', birthday: dates.birthday });
    const panel = page.getByRole('region', { name: 'Ayu Lestari' });
    await panel
      .getByText('This visit: 3 stamps: 1 base, Lebaran double stamps ×2 +1, Birthday week +1')
      .waitFor();

    // First visit: promotion and the birthday bonus (once a year).
    await stamp(page);
    await expect.poll(() => cardProgress(page)).toBe('3 of 10 stamps');
    await panel
      .getByText('Last stamp: 3 stamps: 1 base, Lebaran double stamps ×2 +1, Birthday week +1')
      .waitFor();

    // Second visit: the promotion only; two visits make her Gold.
    await stamp(page);
    await expect.poll(() => cardProgress(page)).toBe('5 of 10 stamps');
    await panel.getByText('Gold member').waitFor();
    await panel
      .getByText('This visit: 4 stamps: 1 base, Gold ×2 +1, Lebaran double stamps ×2 +2')
      .waitFor();

    // Five stamps within the hour: the cooldown blocks, and nothing is written.
    await panel
      .getByText(
        /^Cooldown: 5 stamps given in the last 60 minutes \(limit 5\)\. This visit needs an override\.$/,
      )
      .waitFor();
    // Said once, before any tap; a tap asks for the override's reason instead of an error.
    expect(await panel.getByText(/^Cooldown: /).count()).toBe(1);
    await stamp(page);
    await panel.getByLabel('Reason for the override').waitFor();
    expect(await panel.getByRole('button', { name: 'Override' }).count()).toBe(0);
    expect(await panel.getByText(/Press “Override”/).count()).toBe(0);
    expect(await cardProgress(page)).toBe('5 of 10 stamps');

    // An override needs a reason, and is recorded with the stamp.
    await stamp(page); // no reason yet: still refused
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Say why this visit passes the cooldown.' })
      .waitFor();
    expect(await cardProgress(page)).toBe('5 of 10 stamps');
    await panel.getByLabel('Reason for the override').fill('Family of four, one card');
    await stamp(page);
    await expect.poll(() => cardProgress(page)).toBe('9 of 10 stamps');
    await panel
      .getByText(
        'Last stamp: 4 stamps: 1 base, Gold ×2 +1, Lebaran double stamps ×2 +2 (override: Family of four, one card)',
      )
      .waitFor();

    // The ledger holds what was granted and why, as it was then.
    const events = await page.evaluate(
      () =>
        new Promise<{ stamps: number; override?: { reason: string }; lines?: unknown[] }[]>(
          (resolve, reject) => {
            const open = indexedDB.open('setia');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('events').objectStore('events').getAll();
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            };
          },
        ),
    );
    expect(events.map((e) => e.stamps)).toEqual([3, 2, 4]);
    expect(events[2]!.override).toEqual({ reason: 'Family of four, one card' });
    expect(events[2]!.lines).toHaveLength(3);
  });

  it('welcome stamps, a club, a catalogue reward, feedback from the card and a referral bonus', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { name: 'Kopi Kita', stampsPerCard: 10 });
    await openProgram(page);

    const program = page.getByRole('form', { name: 'Loyalty program' });
    await program.getByLabel('Welcome stamps').fill('1');
    await program.getByLabel('Referral bonus (stamps)').fill('2');
    await program.getByLabel('Feedback bonus (stamps)').fill('1');
    await program.getByRole('button', { name: 'Save program' }).click();
    await program.getByText('Saved. New stamps follow these rules.').waitFor();

    const catalogue = page.getByRole('form', { name: 'Reward catalogue' });
    await catalogue.getByRole('button', { name: 'Add reward' }).click();
    const mug = catalogue.getByRole('group', { name: 'Reward 1' });
    await mug.getByLabel('Reward name').fill('Setia mug');
    await mug.getByLabel('Cost (stamps)').fill('3');
    await mug.getByLabel('Kind').selectOption({ label: 'Merchandise' });
    await mug.getByLabel('Limited edition: how many').fill('5');
    await catalogue.getByRole('button', { name: 'Save rewards' }).click();
    await catalogue.getByText('Saved. New stamps follow these rules.').waitFor();

    const club = page.getByRole('form', { name: 'Club membership' });
    await club
      .getByRole('checkbox', { name: 'Sell a paid club membership at the counter' })
      .check();
    await club.getByLabel('Club name').fill('Kopi Club');
    await club.getByLabel('Price (IDR)').fill('50000');
    await club.getByLabel('Period').selectOption({ label: 'Weekly' });
    await club.getByLabel('Multiplier').fill('2');
    await club.getByRole('button', { name: 'Save club' }).click();
    await club.getByText('Saved. New stamps follow these rules.').waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();

    // Welcome stamp on joining.
    await page.getByRole('button', { name: 'New member' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Budi Santoso');
    await page.getByRole('dialog').getByRole('button', { name: 'Save member' }).click();
    const budiCard = await closeCardQr(page);
    const budi = page.getByRole('region', { name: 'Budi Santoso' });
    await expect.poll(() => cardProgress(page)).toBe('1 of 10 stamps');

    // The club doubles his stamps while it runs.
    // Selling asks first, saying what will happen; the panel shows the club at once.
    await budi.getByRole('button', { name: /^Sell Kopi Club \(Rp 50\.000 a week\)$/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Sell Kopi Club to Budi Santoso?' });
    await confirm
      .getByText(/^The member pays Rp\s50\.000\. Their stamps are multiplied ×2 until /)
      .waitFor();
    await confirm.getByRole('button', { name: 'Sell Kopi Club' }).click();
    await budi.getByText(/^Kopi Club until /).waitFor();
    await budi.getByRole('button', { name: /^Renew Kopi Club / }).waitFor();
    await budi.getByText('This visit: 2 stamps: 1 base, Club ×2 +1').waitFor();
    await page.getByRole('button', { name: 'Add stamp' }).click();
    await expect.poll(() => cardProgress(page)).toBe('3 of 10 stamps');
    await budi.getByText('Last stamp: 2 stamps: 1 base, Club ×2 +1').waitFor();

    // Three stamps buy the mug from the catalogue.
    await budi.getByRole('button', { name: 'Redeem Setia mug (3 stamps)' }).click();
    await expect.poll(() => cardProgress(page)).toBe('0 of 10 stamps');

    // On his card: a referral code, and "How was your visit?" (its bonus: 1 stamp).
    await page.goto(budiCard);
    await page.getByRole('heading', { name: 'Invite a friend' }).waitFor();
    const shown = await page.getByText(/^Your code:/).innerText();
    const code = /^Your code:\s*([0-9A-Z]{8})$/.exec(shown.trim())?.[1] ?? '';
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByLabel('Comment (optional)').fill('Great kopi susu');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();

    // A friend joins with his code: her first stamp brings his referral bonus.
    await page.goto(baseURL);
    await page.getByRole('button', { name: 'New member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Citra Dewi');
    await dialog.getByLabel('Referral code').fill('ZZZZZZZZ');
    await dialog.getByRole('button', { name: 'Save member' }).click();
    await dialog.getByText('No member has this referral code.', { exact: false }).waitFor();
    await dialog.getByLabel('Referral code').fill(code.toLowerCase());
    await dialog.getByRole('button', { name: 'Save member' }).click();
    await closeCardQr(page);
    await page.getByRole('heading', { name: 'Citra Dewi', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Add stamp' }).click();
    await expect.poll(() => cardProgress(page)).toBe('2 of 10 stamps');
    await page.getByRole('button', { name: 'Add stamp' }).click();
    await expect.poll(() => cardProgress(page)).toBe('3 of 10 stamps');

    expect(await search(page, 'budi')).toEqual(['Budi Santoso']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Budi Santoso', level: 2 }).waitFor();
    // 0 after the mug, +1 for the feedback, +2 for Citra's first stamp (once only).
    await expect.poll(() => cardProgress(page)).toBe('3 of 10 stamps');
  });

  it('earns per amount spent: the cashier types the amount', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { name: 'Warung Ibu', stampsPerCard: 10 });
    await openProgram(page);
    const program = page.getByRole('form', { name: 'Loyalty program' });
    await program.getByLabel('Stamps are earned').selectOption({ label: 'Per amount spent' });
    await program.getByLabel('Amount per stamp (IDR)').fill('25000');
    await program.getByRole('button', { name: 'Save program' }).click();
    await program.getByText('Saved. New stamps follow these rules.').waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();

    await enroll(page, { name: 'Dewi Sartika' });
    const amount = page.getByLabel('Amount spent (IDR)');
    await amount.fill('10000');
    await stamp(page);
    await page.getByText('That amount earns no stamp (one stamp per 25.000).').waitFor();
    expect(await cardProgress(page)).toBe('0 of 10 stamps');
    await amount.fill('80000');
    await page.getByText('This visit: 3 stamps').waitFor();
    await stamp(page);
    await expect.poll(() => cardProgress(page)).toBe('3 of 10 stamps');
    await expect.poll(() => amount.inputValue()).toBe('');
  });
});
