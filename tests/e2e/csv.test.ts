/**
 * Members CSV in Chromium: "Export CSV" through the real download (BOM,
 * header, rows, formulas neutralised), a Setia export imported into a new
 * tablet, a prepared file with good and broken rows (preview, errors, then the
 * members found at the counter with their stamps), an empty file and a
 * Windows-1252 file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { tabletPerTest } from './support/tablet';
import { addStamps, cardProgress, enroll, search, setUpShop } from './support/shop';
import { openOwner } from './support/sync';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

const HEADER =
  'id,name,phone,email,birthday,marketing consent,consent date,joined,last visit,visits,stamps earned,current stamps,rewards redeemed,tier';

async function exportMembers(page: Page): Promise<{ fileName: string; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  const path = await download.path();
  return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
}

const records = (bytes: Buffer) =>
  bytes
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .filter((line) => line !== '');

/** The member columns a re-import must keep: id … joined, and current stamps. */
const kept = (line: string) => {
  const cells = line.split(',');
  return [...cells.slice(0, 8), cells[11]].join(',');
};

async function backToCounter(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to the counter' }).click();
  await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
}

describe('members CSV', () => {
  it('exports through a real download and imports back into a new tablet without loss', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await enroll(page, {
      name: 'Nguyễn Thị Hà',
      phone: '0812-3456 789',
      email: 'ha@example.com',
      birthday: '1994-03-17',
      consent: true,
    });
    await addStamps(page, 3);
    await enroll(page, { name: '=SUM Budi, "Jr"', phone: '0813 1111 2222' });
    await openOwner(page, 'Members');

    const first = await exportMembers(page);
    expect(first.fileName).toMatch(/^setia-members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...first.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = records(first.bytes);
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(3);
    const ha = lines.find((l) => l.includes('Nguyễn Thị Hà'))!;
    expect(ha).toMatch(/,Nguyễn Thị Hà,'\+628123456789,ha@example\.com,1994-03-17,yes,/);
    expect(ha.split(',').slice(9, 13)).toEqual(['1', '3', '3', '0']); // visits, earned, current, redeemed
    // A name a spreadsheet would run as a formula is neutralised (and quoted for its comma).
    expect(lines.some((l) => l.includes(`"'=SUM Budi, ""Jr"""`))).toBe(true);
    await page.getByText(/Exported 2 members to setia-members-/).waitFor();

    // The export counts as the backup the storage reminder asks for.
    await page.getByRole('link', { name: 'Shop' }).click();
    await page.getByText(/^Last export: /).waitFor();
    await page.getByRole('link', { name: 'Members' }).click();

    // The ledger: one row per event (here the 3 stamps).
    const ledgerDownload = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Export ledger' }).click();
    const ledger = await ledgerDownload;
    expect(ledger.suggestedFilename()).toMatch(/^setia-ledger-\d{4}-\d{2}-\d{2}\.csv$/);
    const events = records(readFileSync(await ledger.path()));
    expect(events[0]).toBe(
      'id,member id,member name,type,stamps,at,device,staff,seq,quantity,reward,reverses,reason',
    );
    expect(events).toHaveLength(2);
    expect(events[1]).toMatch(/,Nguyễn Thị Hà,stamp,3,/);

    // A new tablet (another shop's first tablet) gets the same members back.
    const other = (await newTablet()).page;
    await setUpShop(other, baseURL);
    await openOwner(other, 'Members');
    await chooseFile(other, first.fileName, first.bytes);
    await other.getByText('2 members are ready to import.').waitFor({ timeout: 30_000 });
    await other.getByText('1 of them carries stamps over.').waitFor();
    await other.getByRole('button', { name: 'Import 2 members' }).click();
    await other.getByText(/^Imported 2 members\./).waitFor({ timeout: 30_000 });
    const again = await exportMembers(other);
    expect(records(again.bytes).map(kept).sort()).toEqual(lines.map(kept).sort());

    // Importing the same file again: every row is a member already here.
    await chooseFile(other, first.fileName, first.bytes);
    await other.getByText('2 duplicates (not imported)').waitFor({ timeout: 30_000 });
    await other
      .getByText(/this member is already on this tablet/)
      .first()
      .waitFor();
    expect(await other.getByRole('button', { name: 'Import 0 members' }).isDisabled()).toBe(true);

    await backToCounter(other);
    expect(await search(other, 'nguyen ha')).toEqual(['Nguyễn Thị Hà']);
    await other.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await expect.poll(() => cardProgress(other)).toBe('3 of 10 stamps');
  });

  it('previews a prepared file with broken rows, imports the good ones, and the counter finds them', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await enroll(page, { name: 'Agus Salim', phone: '0857 0000 1111' });
    await openOwner(page, 'Members');
    const listed = (count: string) =>
      page.getByRole('status').filter({ hasText: new RegExp(`^${count}$`) });
    await listed('1 member').waitFor();
    const file = [
      'Nama;No. HP;Email;Tanggal lahir;Stempel',
      'Siti Rahma;0812-3456-789;siti@kopi.id;14/02/1990;4',
      ';0813-1111-2222;;;', // row 3: no name
      'Budi;12;;;', // row 4: not a phone
      'Dewi Lestari;+62 812 3456 789;;;', // row 5: Siti's phone again
      'Agus Lagi;0857-0000-1111;;;', // row 6: Agus is already a member
      'Trần Văn Đức;0821 5555 6666;duc@;;', // row 7: bad email
      'Putri ☕;0822 7777 8888;;;2', // row 8
    ].join('\r\n');
    await chooseFile(page, 'kartu-kertas.csv', Buffer.from(file, 'utf8'));

    await page.getByText('7 rows · UTF-8 · separated by semicolons').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Import column “Stempel” as').inputValue()).toBe('stamps');
    await page.getByText('2 members are ready to import.').waitFor();
    const errors = page.getByRole('list', { name: '3 rows with errors (not imported)' });
    expect(await errors.getByRole('listitem').allInnerTexts()).toEqual([
      'Row 3: missing name',
      'Row 4: not a valid phone number',
      'Row 7: not a valid email address',
    ]);
    const duplicates = page.getByRole('list', { name: '2 duplicates (not imported)' });
    expect(await duplicates.getByRole('listitem').allInnerTexts()).toEqual([
      'Row 5: same phone number as row 2',
      'Row 6: phone number already belongs to Agus Salim',
    ]);
    await page.getByRole('button', { name: 'Import 2 members' }).click();
    await page.getByText(/^Imported 2 members\./).waitFor({ timeout: 30_000 });
    // The members list above follows the import (written by the CSV worker), without a reload.
    await listed('3 members').waitFor();
    await page.getByRole('button', { name: 'Putri ☕' }).waitFor();

    await backToCounter(page);
    expect(await search(page, '0812 3456')).toEqual(['Siti Rahma']);
    expect(await search(page, 'budi')).toEqual([]);
    expect(await search(page, 'putri')).toEqual(['Putri ☕']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await expect.poll(() => cardProgress(page)).toBe('2 of 10 stamps');
  });

  it('refuses an empty file, a binary one and a 50 MB one, and reads a Windows-1252 file', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await openOwner(page, 'Members');
    await chooseFile(page, 'empty.csv', Buffer.alloc(0));
    await page
      .getByRole('alert')
      .getByText('This file is empty: there is nothing to import.')
      .waitFor({ timeout: 30_000 });
    await chooseFile(page, 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2]));
    await page
      .getByRole('alert')
      .getByText(/^This is not a CSV file\./)
      .waitFor({ timeout: 30_000 });
    // 50 MB: refused by its size before it is read.
    const big = join(mkdtempSync(join(tmpdir(), 'setia-csv-')), 'huge.csv');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'Siti,0812\r\n'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await (await chooser).setFiles(big);
    rmSync(big);
    await page
      .getByRole('alert')
      .getByText(/^This file is larger than 40 MB\./)
      .waitFor({ timeout: 30_000 });

    // "José Müller" as Excel on a Windows PC saves it: é = 0xE9, ü = 0xFC.
    const cp1252 = Buffer.concat([
      Buffer.from('name,phone\r\nJos'),
      Buffer.from([0xe9]),
      Buffer.from(' M'),
      Buffer.from([0xfc]),
      Buffer.from('ller,0812 9999 0000\r\n'),
    ]);
    await chooseFile(page, 'excel.csv', cp1252);
    await page.getByText('1 row · WINDOWS-1252 · separated by commas').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import 1 member' }).click();
    await page.getByText(/^Imported 1 member\./).waitFor({ timeout: 30_000 });
    await backToCounter(page);
    expect(await search(page, 'jose muller')).toEqual(['José Müller']);
  });
});
