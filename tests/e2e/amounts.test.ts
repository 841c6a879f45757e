/**
 * Money typed the local way in the owner's program settings: "25.000" in a
 * rupiah shop is twenty-five thousand (it used to be saved as 25), each field
 * says what it understood, and text it cannot read is refused with a reason,
 * saving nothing; in Vietnamese, "50.000" đồng reads as fifty thousand.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { catalogue } from './support/catalogue';
import { OWNER_PIN, setUpShop } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function openProgram(page: Page, words = catalogue('en')) {
  await page.goto(`${baseURL}/owner/program`);
  await page.getByLabel(words('owner.pin')).fill(OWNER_PIN);
  await page.getByRole('button', { name: words('owner.unlock') }).click();
  await page.getByRole('heading', { name: words('program.title') }).waitFor();
}

describe('amounts in the program settings', () => {
  it('reads "25.000" rupiah as 25,000, says so, and refuses what it cannot read', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { currency: 'IDR', country: 'ID' });
    await openProgram(page);
    const program = page.getByRole('form', { name: 'Loyalty program' });
    await program.getByLabel('Stamps are earned').selectOption({ label: 'Per amount spent' });
    const perStamp = program.getByLabel('Amount per stamp (IDR)');

    // Rupiah has no decimals: "29,90" is refused next to the field, and nothing is saved.
    await perStamp.fill('29,90');
    await perStamp.blur();
    await program
      .getByText('Amounts in Indonesian rupiah have no decimals: write it like Rp 50.000.')
      .waitFor();
    await program.getByRole('button', { name: 'Save program' }).click();
    await program.getByText('Some fields need fixing').waitFor();

    await perStamp.fill('Rp 25.000');
    // An English screen in an Indonesian shop writes rupiah the Indonesian way.
    await expect.poll(async () => plain(await program.innerText())).toContain('= Rp 25.000');
    const sample = program.getByLabel('Amount spent (IDR)');
    await sample.fill('50.000');
    await expect
      .poll(() => program.getByRole('status', { name: 'Preview' }).innerText())
      .toContain('this visit earns 2 stamps');
    await program.getByRole('button', { name: 'Save program' }).click();
    await program.getByText('Saved. New stamps follow these rules.').waitFor();

    // Saved as twenty-five thousand: shown back that way after a reload.
    await openProgram(page);
    expect(await page.getByLabel('Amount per stamp (IDR)').inputValue()).toBe('25.000');

    const club = page.getByRole('form', { name: 'Club membership' });
    await club
      .getByRole('checkbox', { name: 'Sell a paid club membership at the counter' })
      .check();
    await club.getByLabel('Club name').fill('Kopi Club');
    await club.getByLabel('Price (IDR)').fill('$5');
    await club.getByLabel('Price (IDR)').blur();
    await club.getByText('Type the amount in Indonesian rupiah, such as Rp 50.000.').waitFor();
    await club.getByLabel('Price (IDR)').fill('50.000');
    await expect.poll(async () => plain(await club.innerText())).toContain('= Rp 50.000');
    await club.getByRole('button', { name: 'Save club' }).click();
    await club.getByText('Saved. New stamps follow these rules.').waitFor();
    await openProgram(page);
    expect(await page.getByLabel('Price (IDR)').inputValue()).toBe('50.000');
  });

  it('reads "50.000" đồng as fifty thousand in Vietnamese', async () => {
    const vi = catalogue('vi');
    const { page } = await newTablet({ locale: 'vi-VN' });
    await page.goto(baseURL);
    await page.getByLabel(vi('setup.shopName')).fill('Cà phê Sáng');
    await page.getByLabel(vi('setup.currency')).selectOption('VND');
    await page.getByLabel(vi('setup.country')).selectOption('VN');
    await page.getByLabel(vi('setup.ownerPin'), { exact: true }).fill(OWNER_PIN);
    await page.getByLabel(vi('setup.pinRepeat')).fill(OWNER_PIN);
    await page.getByRole('button', { name: vi('setup.start') }).click();
    await page.getByRole('searchbox', { name: vi('counter.search') }).waitFor();
    await openProgram(page, vi);

    const program = page.getByRole('form', { name: vi('program.title') });
    await program
      .getByLabel(vi('program.earning.mode'))
      .selectOption({ label: vi('program.earning.amount') });
    const perStamp = program.getByLabel(vi('program.earning.amountPerStamp', { currency: 'VND' }));
    await perStamp.fill('20.000');
    await expect.poll(async () => plain(await program.innerText())).toContain('= 20.000 ₫');
    await program.getByLabel(vi('program.preview.amount', { currency: 'VND' })).fill('1.000.000 ₫');
    await expect
      .poll(() => program.getByRole('status', { name: vi('program.preview.title') }).innerText())
      .toContain(vi('program.stamps', { count: 50 }));
    await program.getByRole('button', { name: vi('program.save') }).click();
    await program.getByText(vi('program.saved')).waitFor();
    await openProgram(page, vi);
    expect(
      await page.getByLabel(vi('program.earning.amountPerStamp', { currency: 'VND' })).inputValue(),
    ).toBe('20.000');
  });
});
