/**
 * The counter reads an amount the shop's way and asks before a costly tap:
 * "50.000" in a rupiah shop previews its stamps; a sale above the owner's
 * per-visit maximum asks first; an absurd amount is refused with a message;
 * a catalogue reward that would spend a waiting full card asks first.
 */
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/domain/stamp/rules';
import { writeSettings } from './support/settings';
import { cardProgress, enroll, setUpShop } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the counter asks before a costly tap', () => {
  it('reads "50.000" rupiah, asks above the per-visit maximum, refuses an absurd amount', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { currency: 'IDR', country: 'ID' });
    await writeSettings(page, {
      program: { ...DEFAULT_RULES, earning: { ...DEFAULT_RULES.earning, mode: 'amount' } },
    });
    await enroll(page, { name: 'Siti Rahma' });
    const panel = page.getByRole('region', { name: 'Siti Rahma' });
    const amount = panel.getByLabel('Amount spent (IDR)');

    await amount.fill('50.000');
    await expect.poll(async () => plain(await panel.innerText())).toContain('= Rp 50.000');
    await panel.getByText('This visit: 2 stamps', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Add stamp' }).click();
    await expect.poll(() => cardProgress(page)).toBe('2 of 10 stamps');
    expect(await amount.inputValue()).toBe('');

    // 600.000 is 24 stamps, above the default maximum of 20: asked, and Cancel writes nothing.
    await amount.fill('600.000');
    await panel.getByRole('button', { name: 'Add stamp' }).click();
    const ask = page.getByRole('dialog', { name: 'Add 24 stamps?' });
    await ask
      .getByText('That is more than one sale usually gives (up to 20 without asking).', {
        exact: false,
      })
      .waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await cardProgress(page)).toBe('2 of 10 stamps');
    await panel.getByRole('button', { name: 'Add stamp' }).click();
    await ask.getByRole('button', { name: 'Add 24 stamps' }).click();
    await expect.poll(() => cardProgress(page)).toBe('6 of 10 stamps');

    // Five billion rupiah is a typo: refused with a message, Add stamp off.
    await amount.fill('5000000000');
    await panel
      .getByRole('alert')
      .filter({ hasText: 'That is more than this field takes (at most Rp' })
      .waitFor();
    expect(await panel.getByRole('button', { name: 'Add stamp' }).isDisabled()).toBe(true);
    expect(await panel.getByText(/^This visit:/).count()).toBe(0);
  });

  it('asks before a catalogue reward spends a full card', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { stampsPerCard: 10 });
    await writeSettings(page, {
      catalogue: [{ id: 'mug', name: 'Setia mug', cost: 4, kind: 'merch', limit: null }],
    });
    await enroll(page, { name: 'Budi Santoso' });
    const panel = page.getByRole('region', { name: 'Budi Santoso' });
    await page.getByRole('spinbutton', { name: 'Quantity' }).fill('12');
    await panel.getByRole('button', { name: 'Add stamp' }).click();
    await panel.getByText('Free coffee ready to redeem').waitFor();

    // 12 stamps: the mug's 4 leave 8, no full card: the reward waiting would go.
    await panel.getByRole('button', { name: 'Redeem Setia mug (4 stamps)' }).click();
    const ask = page.getByRole('dialog', { name: 'Redeem Setia mug?' });
    await ask
      .getByText(
        'This spends 4 stamps, taken from a full card. Card rewards (Free coffee) waiting afterwards: 0.',
      )
      .waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await cardProgress(page)).toBe('2 of 10 stamps');
    await panel.getByRole('button', { name: 'Redeem Setia mug (4 stamps)' }).click();
    await ask.getByRole('button', { name: 'Redeem Setia mug' }).click();
    await expect.poll(() => cardProgress(page)).toBe('8 of 10 stamps');
  });
});
