/**
 * No raw catalogue key ever on screen: every route opened directly (a fresh
 * load, as a bookmark or a reload does), in every language — setup, joining a
 * shop, a friend's invitation, the counter, each owner section after the PIN,
 * the customer's card. Any text shaped like a key ("owner.section.program",
 * "counter.addStamp") fails, in the page's text and in its accessible names.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { catalogue, type Translate } from './support/catalogue';
import { OWNER_PIN } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newDevice = tabletPerTest();

/** Each owner section's address and the heading that says it is on screen. */
const SECTIONS: [string, string][] = [
  ['members', 'members.title'],
  ['program', 'program.title'],
  ['insights', 'insights.title'],
  ['staff', 'staffAdmin.title'],
  ['shop', 'shopSettings.title'],
  ['tablets', 'sync.title'],
];

/** Words joined by dots, as i18next returns a key it has no text for; not a web address or file. */
async function keyShapedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('*'))
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'])
        if (el.getAttribute(attr)) texts.push(el.getAttribute(attr)!);
    const key = /(?<![\w@/.:-])[a-z][A-Za-z0-9_]+(?:\.[A-Za-z][A-Za-z0-9_]+)+(?![\w@/-])/g;
    const notKey = /\.(com|org|net|id|my|vn|sg|csv|json|png|svg|html)$/;
    return [...new Set(texts.flatMap((t) => t.match(key) ?? []))].filter((k) => !notKey.test(k));
  });
}

async function expectNoKeys(page: Page, where: string): Promise<void> {
  expect({ where, keys: await keyShapedText(page) }).toEqual({ where, keys: [] });
}

const LANGUAGES: [string, string][] = [
  ['en', 'en-US'],
  ['id', 'id-ID'],
  ['ms', 'ms-MY'],
  ['vi', 'vi-VN'],
];

describe.each(LANGUAGES)('in %s', (language, locale) => {
  const t: Translate = catalogue(language);

  it('shows no raw key on setup, joining and an invitation', async () => {
    const { page } = await newDevice({ locale });
    await page.goto(baseURL);
    await page.getByRole('button', { name: t('setup.start') }).waitFor();
    await expectNoKeys(page, 'setup');
    await page.getByRole('button', { name: t('sync.join') }).click();
    await page.getByLabel(t('sync.code')).waitFor();
    await expectNoKeys(page, 'join');

    await page.goto(`${baseURL}/?ref=ABCD2345`);
    await page.getByRole('heading', { name: t('card.invite.title') }).waitFor();
    await expectNoKeys(page, 'invite');
  });

  it('shows no raw key on the counter, each owner section opened directly, or the card', async () => {
    const { page } = await newDevice({ locale });
    await page.goto(baseURL);
    await page.getByLabel(t('setup.shopName')).fill('Kopi Kita');
    await page.getByLabel(t('setup.ownerPin'), { exact: true }).fill(OWNER_PIN);
    await page.getByLabel(t('setup.pinRepeat')).fill(OWNER_PIN);
    await page.getByRole('button', { name: t('setup.start') }).click();
    await page.getByRole('searchbox', { name: t('counter.search') }).waitFor();
    await page.getByRole('button', { name: t('counter.newMember') }).click();
    await page.getByRole('dialog').getByLabel(t('enroll.name'), { exact: true }).fill('Siti Rahma');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('enroll.save') })
      .click();
    const qr = page.getByRole('dialog', { name: t('card.qrTitle', { name: 'Siti Rahma' }) });
    const cardLink = await qr.getByRole('link', { name: /\/c\// }).getAttribute('href');
    await qr.getByRole('button', { name: t('card.done') }).click();
    await page.getByRole('button', { name: t('counter.addStamp') }).click();
    await page
      .getByRole('img', { name: t('counter.cardProgress', { count: 1, total: 10 }) })
      .waitFor();
    await expectNoKeys(page, 'counter');

    await page.goto(baseURL);
    await page.getByRole('searchbox', { name: t('counter.search') }).waitFor();
    await expectNoKeys(page, 'counter, reloaded');

    for (const [section, heading] of SECTIONS) {
      // Opened directly: the owner area locks on every load, so the PIN comes first.
      await page.goto(`${baseURL}/owner/${section}`);
      await page.getByLabel(t('owner.pin')).fill(OWNER_PIN);
      await expectNoKeys(page, `/owner/${section}, locked`);
      await page.getByRole('button', { name: t('owner.unlock') }).click();
      await page
        .getByRole('heading', { name: t(heading), exact: true })
        .first()
        .waitFor();
      const tabs = page.getByRole('navigation', { name: t('owner.sections') });
      for (const [id] of SECTIONS)
        await tabs.getByRole('link', { name: t(`owner.section.${id}`), exact: true }).waitFor();
      await expectNoKeys(page, `/owner/${section}`);
    }

    await page.goto(cardLink!);
    await page.getByRole('img', { name: t('card.codeLabel') }).waitFor();
    await expectNoKeys(page, 'card');
  });
});
