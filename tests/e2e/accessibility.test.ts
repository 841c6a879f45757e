/**
 * axe-core (WCAG 2.1 A and AA rules) finds nothing on the counter (no member,
 * the richest member panel, the override reason open, a confirmation, the New
 * member form), the owner's sections and the customer's card, in all four
 * languages. axe-core is injected into the page from node_modules; the app
 * never ships it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { catalogue } from './support/catalogue';
import { richProgram, today, writeSettings } from './support/settings';
import { OWNER_PIN, setUpShop } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();
// Evaluated through DevTools, not a <script> tag: the app's CSP (script-src 'self') rightly refuses inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** What axe finds on the page as it is now: "rule: element, element" per problem. */
async function axe(page: Page, where: string): Promise<{ where: string; found: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // Colours are judged as a person sees them once a transition has ended (not its middle frame).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run;
    const result = (await run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Violation[] };
    return result.violations;
  });
  return {
    where,
    found: violations.map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`).join(', ')}`,
    ),
  };
}

const clean = (where: string) => ({ where, found: [] });

describe.each(['en', 'id', 'ms', 'vi'])('in %s', (language) => {
  const t = catalogue(language);

  it(
    'axe finds nothing on the counter, the owner sections and the card',
    { timeout: 240_000 },
    async () => {
      const { page } = await newTablet({ viewport: { width: 1024, height: 600 } });
      await setUpShop(page, baseURL, { stampsPerCard: 10 });
      await writeSettings(page, richProgram());
      await page.getByLabel('Language').selectOption(language);
      await page.getByRole('button', { name: t('counter.newMember') }).waitFor();
      expect(await axe(page, 'counter, nobody served')).toEqual(clean('counter, nobody served'));

      // The New member form, then the richest member panel.
      await page.getByRole('button', { name: t('counter.newMember') }).click();
      const enrol = page.getByRole('dialog');
      await enrol.getByLabel(t('enroll.name'), { exact: true }).waitFor();
      expect(await axe(page, 'New member')).toEqual(clean('New member'));
      await enrol.getByLabel(t('enroll.name'), { exact: true }).fill('Siti Rahma');
      await enrol.getByLabel(t('enroll.birthday')).fill((await today(page)).birthday);
      await enrol.getByRole('button', { name: t('enroll.save') }).click();
      const card = page.getByRole('dialog', { name: t('card.qrTitle', { name: 'Siti Rahma' }) });
      const cardLink = await card.getByRole('link', { name: /\/c\// }).getAttribute('href');
      expect(await axe(page, 'card QR')).toEqual(clean('card QR'));
      await card.getByRole('button', { name: t('card.done') }).click();
      const panel = page.getByRole('region', { name: 'Siti Rahma' });
      await page.getByRole('spinbutton', { name: t('counter.quantity') }).fill('5');
      await panel.getByRole('button', { name: t('counter.addStamp') }).click();
      const quantity = page.getByRole('spinbutton', { name: t('counter.quantity') });
      await expect.poll(() => quantity.inputValue()).toBe('1'); // saved: the box is ready for the next sale
      await panel.getByRole('note').first().waitFor();
      expect(await axe(page, 'member panel')).toEqual(clean('member panel'));

      await panel.getByRole('button', { name: t('program.override') }).click();
      await panel.getByLabel(t('counter.overrideReason')).waitFor();
      expect(await axe(page, 'override reason open')).toEqual(clean('override reason open'));

      await panel.getByRole('button', { name: /Kopi Club/ }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axe(page, 'club confirmation')).toEqual(clean('club confirmation'));
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('common.cancel') })
        .click();

      // The owner's sections.
      for (const section of ['members', 'program', 'insights', 'staff', 'shop', 'tablets']) {
        await page.goto(`${baseURL}/owner/${section}`);
        const pin = page.getByLabel(t('owner.pin'));
        await pin.or(page.getByRole('navigation')).first().waitFor();
        if (await pin.isVisible()) {
          await pin.fill(OWNER_PIN);
          await page.getByRole('button', { name: t('owner.unlock') }).click();
        }
        await page.getByRole('navigation').first().waitFor();
        await page.waitForTimeout(500);
        expect(await axe(page, `owner ${section}`)).toEqual(clean(`owner ${section}`));
      }

      // The customer's card, on their phone.
      await page.goto(cardLink!);
      await page.getByRole('heading').first().waitFor();
      await page.waitForTimeout(500);
      expect(await axe(page, 'customer card')).toEqual(clean('customer card'));
    },
  );
});
