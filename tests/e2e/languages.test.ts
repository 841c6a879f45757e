/**
 * The whole counter flow in each language — set up, enroll, stamp a full card,
 * redeem — with every control found by its name in that language's catalogue;
 * no button's text overflows at tablet or phone size; the customer's card in
 * the phone's language. Screenshots for review go to test-results/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/serve';
import { catalogue, type Translate } from './support/catalogue';
import { OWNER_PIN } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newDevice = tabletPerTest();
const SHOTS = join(ROOT, 'test-results', 'screenshots');
const TABLET = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Buttons (and button-like links) whose text does not fit inside them. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a.button, select')]
      .filter((b) => b.offsetParent !== null)
      .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
      .map((b) => b.textContent ?? ''),
  );
}

async function fitsAtBothSizes(page: Page, screen: string): Promise<void> {
  for (const size of [TABLET, PHONE]) {
    await page.setViewportSize(size);
    expect({ screen, size, overflowing: await overflowing(page) }).toEqual({
      screen,
      size,
      overflowing: [],
    });
  }
  await page.setViewportSize(TABLET);
}

const LANGUAGES: [string, string, string][] = [
  ['en', 'en-US', 'Siti Rahma'],
  ['id', 'id-ID', 'Siti Rahma'],
  ['ms', 'ms-MY', 'Nurul Aisyah'],
  ['vi', 'vi-VN', 'Nguyễn Thị Lan'],
];

describe.each(LANGUAGES)('in %s', (language, locale, memberName) => {
  const t: Translate = catalogue(language);

  it('sets up, enrolls, stamps a full card and redeems, in words that fit', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { page } = await newDevice({ locale, viewport: TABLET });
    await page.goto(baseURL);
    // Set up, found by this language's labels.
    await page.getByLabel(t('setup.shopName')).fill('Kopi Kita');
    await page.getByLabel(t('setup.stampsPerCard')).fill('10');
    await page.getByLabel(t('setup.reward'), { exact: true }).fill(t('setup.rewardDefault'));
    await page.getByLabel(t('setup.currency')).selectOption('IDR');
    await page.getByLabel(t('setup.country')).selectOption('ID');
    await page.getByLabel(t('setup.ownerPin'), { exact: true }).fill(OWNER_PIN);
    await page.getByLabel(t('setup.pinRepeat')).fill(OWNER_PIN);
    await fitsAtBothSizes(page, 'setup');
    await page.getByRole('button', { name: t('setup.start') }).click();

    await page.getByRole('button', { name: t('counter.newMember') }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(t('enroll.name'), { exact: true }).fill(memberName);
    await form.getByLabel(t('enroll.phone'), { exact: true }).fill('0812 3456 789');
    await form.getByRole('button', { name: t('enroll.save') }).click();
    const card = page.getByRole('dialog', { name: t('card.qrTitle', { name: memberName }) });
    await card.getByRole('button', { name: t('card.done') }).waitFor();
    await fitsAtBothSizes(page, 'card QR');
    await card.getByRole('button', { name: t('card.done') }).click();

    const punch = (count: number) =>
      page.getByRole('img', { name: t('counter.cardProgress', { count, total: 10 }) });
    await page.getByRole('spinbutton', { name: t('counter.quantity') }).fill('10');
    await page.getByRole('button', { name: t('counter.addStamp') }).click();
    await page
      .getByText(t('counter.rewardsPending', { count: 1, reward: t('setup.rewardDefault') }))
      .waitFor();
    await punch(0).waitFor();
    await fitsAtBothSizes(page, 'counter');
    await page.screenshot({ path: join(SHOTS, `${language}-counter.png`) });
    await page.getByRole('button', { name: t('counter.redeem') }).click();
    const redeemed = t('counter.redeemed', { reward: t('setup.rewardDefault') });
    await expect.poll(() => page.getByRole('status').filter({ hasText: redeemed }).count()).toBe(1);

    // The owner area's gate, in the same words.
    await page.getByRole('button', { name: t('owner.open') }).click();
    await page.getByLabel(t('owner.pin')).fill(OWNER_PIN);
    await page.getByRole('button', { name: t('owner.unlock') }).click();
    await page.getByRole('link', { name: t('owner.section.shop') }).click();
    await page.getByRole('heading', { name: t('owner.cards.title') }).waitFor();
    await fitsAtBothSizes(page, 'owner');
  });

  it("shows the customer's card in the phone's language", async () => {
    const tablet = await newDevice({ viewport: TABLET });
    await tablet.page.goto(baseURL);
    await tablet.page.getByLabel('Shop name').fill('Kopi Kita');
    // A Vietnamese shop: its cards greet members by their given name, the last word.
    if (language === 'vi') await tablet.page.getByLabel('Country').selectOption('VN');
    await tablet.page.getByLabel('Owner PIN', { exact: true }).fill(OWNER_PIN);
    await tablet.page.getByLabel('Repeat the PIN').fill(OWNER_PIN);
    await tablet.page.getByRole('button', { name: 'Start' }).click();
    await tablet.page.getByRole('button', { name: 'New member' }).click();
    await tablet.page.getByRole('dialog').getByLabel('Name', { exact: true }).fill(memberName);
    await tablet.page.getByRole('dialog').getByRole('button', { name: 'Save member' }).click();
    const link = await tablet.page
      .getByRole('dialog', { name: /card$/ })
      .getByRole('link', { name: /\/c\// })
      .getAttribute('href');

    const phone = await newDevice({ locale, viewport: PHONE, isMobile: true });
    await phone.page.goto(link!);
    const first = language === 'vi' ? memberName.split(' ').pop()! : memberName.split(' ')[0]!;
    await phone.page.getByText(t('card.hello', { name: first })).waitFor();
    await phone.page.getByRole('img', { name: t('card.codeLabel') }).waitFor();
    expect(await overflowing(phone.page)).toEqual([]);
    await phone.page.screenshot({ path: join(SHOTS, `${language}-card.png`), fullPage: true });
  });
});

describe('language switch', () => {
  it('changes every word at once and is remembered on this device', async () => {
    const vi = catalogue('vi');
    const { page } = await newDevice({ locale: 'en-US' });
    await page.goto(baseURL);
    await page.getByLabel('Language').selectOption('vi');
    await page.getByRole('button', { name: vi('setup.start') }).waitFor();
    await page.reload();
    await page.getByLabel(vi('setup.shopName')).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  });
});
