/**
 * The owner's members, staff and settings, in Chromium: the members list
 * (sort, filter), a member's page (edit, adjustment with a required reason,
 * the ledger, anonymising), a staff member switching in at the counter with
 * their PIN and showing on their stamp in the ledger, and the shop settings
 * with "Change owner PIN".
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { tabletPerTest } from './support/tablet';
import { addStamps, enroll, OWNER_PIN, search, setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

type Section = 'Members' | 'Shop' | 'Staff';

/** "Owner" (exactly: the staff switch's "Staff: Owner" also says owner), unlock, a section. */
async function openOwner(page: Page, section: Section, pin = OWNER_PIN): Promise<void> {
  await page.getByRole('button', { name: 'Owner', exact: true }).click();
  const sections = page.getByRole('navigation', { name: 'Owner sections' });
  const field = page.getByLabel('Owner PIN');
  await sections.or(field).waitFor();
  if (await field.isVisible()) {
    await field.fill(pin);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await sections.getByRole('link', { name: section }).click();
}

const membersTable = (page: Page) => page.getByRole('table', { name: 'Members' });
const listedNames = async (page: Page) =>
  (await membersTable(page).getByRole('rowheader').allInnerTexts()).map((s) => s.trim());
const ledgerRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Ledger' })
    .getByRole('row')
    .filter({ hasNot: page.locator('th[scope=col]') });

async function pickAtCounter(page: Page, name: string): Promise<void> {
  expect(await search(page, name)).toEqual([name]);
  await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

describe('owner: members', () => {
  it('sorts and filters the list, edits a member, adjusts with a reason, and anonymises', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await enroll(page, { name: 'Ana Putri' });
    await enroll(page, { name: 'Budi Santoso', phone: '0812 1111 2222' });
    await addStamps(page, 5);
    await enroll(page, { name: 'Citra Lestari' });
    await addStamps(page, 2);

    await openOwner(page, 'Members');
    await expect
      .poll(() => listedNames(page))
      .toEqual(['Ana Putri', 'Budi Santoso', 'Citra Lestari']);
    await page.getByText('3 members').waitFor();
    const nameHeader = membersTable(page).getByRole('columnheader', { name: 'Name' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');

    await nameHeader.getByRole('button').click();
    await expect
      .poll(() => listedNames(page))
      .toEqual(['Citra Lestari', 'Budi Santoso', 'Ana Putri']);
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');

    await membersTable(page).getByRole('button', { name: 'Stamps' }).click();
    await expect
      .poll(() => listedNames(page))
      .toEqual(['Budi Santoso', 'Citra Lestari', 'Ana Putri']);
    expect(
      await membersTable(page)
        .getByRole('columnheader', { name: 'Stamps' })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(await nameHeader.getAttribute('aria-sort')).toBeNull();

    await page.getByRole('searchbox', { name: 'Filter members' }).fill('citra');
    await expect.poll(() => listedNames(page)).toEqual(['Citra Lestari']);
    await page.getByRole('searchbox', { name: 'Filter members' }).fill('');
    await page.getByRole('spinbutton', { name: 'At least this many stamps' }).fill('2');
    await expect.poll(() => listedNames(page)).toEqual(['Budi Santoso', 'Citra Lestari']);

    // Budi's page: a new phone number.
    await membersTable(page).getByRole('button', { name: 'Budi Santoso' }).click();
    await page.getByRole('heading', { name: 'Budi Santoso', level: 2 }).waitFor();
    await page.getByLabel('Phone', { exact: true }).fill('0813 9999 8888');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();

    // An adjustment without a reason is refused and writes nothing.
    await expect.poll(() => ledgerRows(page).count()).toBe(1);
    await page.getByLabel('Stamps to add or remove').fill('3');
    await page.getByRole('button', { name: 'Add adjustment' }).click();
    await page.getByText('Say why: a reason is required.').waitFor();
    expect(await ledgerRows(page).count()).toBe(1);

    await page.getByLabel('Reason').fill('Paper card from last year');
    await page.getByRole('button', { name: 'Add adjustment' }).click();
    await page.getByText('Adjustment saved: 3 stamps.').waitFor();
    await expect.poll(() => ledgerRows(page).count()).toBe(2);
    const newest = await ledgerRows(page).first().innerText();
    expect(newest).toContain('Adjustment');
    expect(newest).toContain('+3');
    expect(newest).toContain('Paper card from last year');
    expect(newest).toContain('This tablet');
    await page.getByRole('definition').filter({ hasText: /^8$/ }).waitFor(); // 5 + 3 stamps

    // Anonymise, after confirming: the name goes, the ledger stays.
    await page.getByRole('button', { name: 'Anonymise member' }).click();
    const confirm = page.getByRole('dialog', { name: 'Anonymise Budi Santoso?' });
    await confirm.getByRole('button', { name: 'Anonymise', exact: true }).click();
    await page.getByRole('heading', { name: 'Anonymised member', level: 2 }).waitFor();
    expect(await ledgerRows(page).count()).toBe(2);
    expect(await page.getByLabel('Phone', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Back to the members' }).click();
    await page.getByRole('spinbutton', { name: 'At least this many stamps' }).fill('');
    await expect
      .poll(() => listedNames(page))
      .toEqual(['Anonymised member', 'Citra Lestari', 'Ana Putri']);

    // At the counter, neither the old name nor the new phone finds anyone now.
    await page.getByRole('button', { name: 'Back to the counter' }).click();
    expect(await search(page, 'Budi')).toEqual([]);
    expect(await search(page, '0813 9999')).toEqual([]);
  });

  it('keeps the new phone after an edit: the counter finds the member by it', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await enroll(page, { name: 'Dewi Anggraini', phone: '0812 5555 6666' });
    await openOwner(page, 'Members');
    await membersTable(page).getByRole('button', { name: 'Dewi Anggraini' }).click();
    await page.getByLabel('Phone', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/not a phone number we can read/).waitFor();
    await page.getByLabel('Phone', { exact: true }).fill('0813 7777 1234');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();
    expect(await search(page, '0813 7777')).toEqual(['Dewi Anggraini']);
    expect(await search(page, '0812 5555')).toEqual([]);
  });
});

describe('owner: staff', () => {
  it('adds a staff member who switches in at the counter with their PIN; their stamp shows their name', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await enroll(page, { name: 'Eko Prasetyo' });
    // No staff yet: no switch at the counter.
    expect(await page.getByRole('button', { name: /^Staff:/ }).count()).toBe(0);

    await openOwner(page, 'Staff');
    await page.getByLabel('Staff PIN').fill('12');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByText("Enter the staff member's name.").waitFor();
    await page.getByText('The PIN must be 4 to 6 digits.').waitFor();
    await page.getByLabel('Staff name').fill('Rina');
    await page.getByLabel('Staff PIN').fill('1357');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByRole('button', { name: 'Deactivate Rina' }).waitFor();

    await page.getByRole('button', { name: 'Back to the counter' }).click();
    await page.getByRole('button', { name: 'Staff: Owner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who is working?' });
    await dialog.getByRole('radio', { name: 'Rina' }).check();
    await dialog.getByLabel('PIN').fill('0000');
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await dialog.getByText('That PIN is not right.').waitFor();
    await dialog.getByLabel('PIN').fill('1357');
    await dialog.getByRole('button', { name: 'Switch' }).click();
    await page.getByRole('button', { name: 'Staff: Rina' }).waitFor();

    await pickAtCounter(page, 'Eko Prasetyo');
    await addStamps(page, 2);

    await openOwner(page, 'Members');
    await membersTable(page).getByRole('button', { name: 'Eko Prasetyo' }).click();
    await expect.poll(() => ledgerRows(page).count()).toBe(1);
    const row = await ledgerRows(page).first().innerText();
    expect(row).toContain('Stamp');
    expect(row).toContain('+2');
    expect(row).toContain('Rina');

    // Deactivated: the counter goes back to the owner, and the switch disappears.
    await openOwnerSection(page, 'Staff');
    await page.getByRole('button', { name: 'Deactivate Rina' }).click();
    await page.getByRole('button', { name: 'Reactivate Rina' }).waitFor();
    await page.getByRole('button', { name: 'Back to the counter' }).click();
    await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Staff:/ }).count()).toBe(0);
  });
});

async function openOwnerSection(page: Page, section: Section): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Owner sections' })
    .getByRole('link', { name: section })
    .click();
}

describe('owner: shop settings', () => {
  it('changes the shop details (bad input refused) and the owner PIN (the old one no longer opens)', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await openOwner(page, 'Shop');
    const name = page.getByLabel('Shop name');
    await name.fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText("Enter your shop's name.").waitFor();

    await name.fill('Kopi Baru');
    await page.getByLabel('Stamps per card').fill('8');
    await page.getByLabel('Reward', { exact: true }).fill('Free latte');
    await page.getByLabel('Country').selectOption('MY');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('heading', { name: 'Kopi Baru · Owner' }).waitFor();

    await page.getByLabel('Current PIN').fill('1111');
    await page.getByLabel('New PIN', { exact: true }).fill('9753');
    await page.getByLabel('Repeat the new PIN').fill('9753');
    await page.getByRole('button', { name: 'Change owner PIN' }).click();
    await page.getByText('The current PIN is not right.').waitFor();

    await page.getByLabel('Current PIN').fill(OWNER_PIN);
    await page.getByLabel('New PIN', { exact: true }).fill('9753');
    await page.getByLabel('Repeat the new PIN').fill('9754');
    await page.getByRole('button', { name: 'Change owner PIN' }).click();
    await page.getByText('The two PINs are not the same.').waitFor();
    await page.getByLabel('Repeat the new PIN').fill('9753');
    await page.getByRole('button', { name: 'Change owner PIN' }).click();
    await page.getByText('The owner PIN was changed.').waitFor();

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Owner PIN').fill(OWNER_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('That PIN is not right.').waitFor();
    await page.getByLabel('Owner PIN').fill('9753');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Owner sections' }).waitFor();

    await page.getByRole('button', { name: 'Back to the counter' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Kopi Baru');
    // The country now reads Malaysian numbers.
    await enroll(page, { name: 'Farah', phone: '012-345 6789' });
    expect(await search(page, '+60 12-345 6789')).toEqual(['Farah']);
  });
});
