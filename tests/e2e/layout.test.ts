/**
 * The counter fits the tablets cafés buy, either way round: with the richest
 * member panel (tier, club, birthday, promotion, catalogue offers, a reward
 * waiting, the cooldown note, the override reason open), "Add stamp", the
 * quantity, "Redeem reward" and "Undo" are fully on screen without scrolling
 * and do not move when notes appear; dialogs' primary buttons are on screen;
 * every control is at least 44×44 px; the toast covers no control. Screenshots
 * of each size land in docs/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/serve';
import { catalogue, type Translate } from './support/catalogue';
import { richProgram, today, writeSettings } from './support/settings';
import { cardProgress, closeCardQr, OWNER_PIN, setUpShop } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();

const SIZES = [
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
  { width: 600, height: 1024 },
];
const SCREENS = join(ROOT, 'docs/screens');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not on the page`);
  return b;
}

function onScreen(b: Box, size: { width: number; height: number }): boolean {
  return (
    b.x >= 0 && b.y >= 0 && b.x + b.width <= size.width + 0.5 && b.y + b.height <= size.height + 0.5
  );
}

/** Every visible control smaller than 44×44 px, with what it is. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"]',
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (el.closest('.visually-hidden')) continue;
      if (r.width < 44 || r.height < 44)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return out;
  });
}

/** The richest member panel: tier, club, birthday, promotion, offers, a reward waiting, cooldown. */
async function richMember(page: Page, w: Translate): Promise<Locator> {
  await setUpShop(page, baseURL, { stampsPerCard: 10 });
  await writeSettings(page, richProgram());
  const { birthday } = await today(page);
  await page.getByRole('button', { name: 'New member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('Siti Nurhaliza Rahmawati');
  await dialog.getByLabel('Phone', { exact: true }).fill('0812 3456 7890');
  await dialog.getByLabel('Birthday').fill(birthday);
  await dialog.getByRole('button', { name: 'Save member' }).click();
  await closeCardQr(page);
  const panel = page.getByRole('region', { name: 'Siti Nurhaliza Rahmawati' });
  // 5 × promotion ×2 + birthday: 11 stamps, a reward waiting; the cooldown (12 an hour) then blocks.
  await page.getByRole('spinbutton', { name: w('counter.quantity') }).fill('5');
  await panel.getByRole('button', { name: w('counter.addStamp') }).click();
  await expect.poll(() => cardProgress(page)).toBe('1 of 10 stamps');
  await panel.getByRole('button', { name: /^Sell Kopi Club/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sell Kopi Club' }).click();
  await panel.getByText(/^Kopi Club until /).waitFor();
  await panel.getByText(/^Cooldown: /).waitFor();
  return panel;
}

describe('the counter fits every tablet', () => {
  it.each(SIZES)('at $width×$height', { timeout: 180_000 }, async (size) => {
    const w = catalogue('en');
    const { page } = await newTablet({ viewport: size });
    const panel = await richMember(page, w);
    const controls = {
      addStamp: panel.getByRole('button', { name: 'Add stamp' }),
      quantity: panel.getByRole('spinbutton', { name: 'Quantity' }),
      redeem: panel.getByRole('button', { name: 'Redeem reward' }),
      undo: panel.getByRole('button', { name: 'Undo' }),
    };
    const boxes = async () =>
      Object.fromEntries(
        await Promise.all(Object.entries(controls).map(async ([k, l]) => [k, await box(l)])),
      ) as Record<keyof typeof controls, Box>;

    const before = await boxes();
    // Notes appear: the override reason opens, then a refusal (no reason given).
    await panel.getByRole('button', { name: 'Override' }).click();
    await panel.getByLabel('Reason for the override').waitFor();
    await controls.addStamp.click();
    await panel.getByText('Say why this visit passes the cooldown.').waitFor();
    const after = await boxes();
    for (const [k, b] of Object.entries(after)) {
      expect(onScreen(b, size), `${k} at ${JSON.stringify(b)}`).toBe(true);
      expect(b, `${k} moved when notes appeared`).toEqual(before[k as keyof typeof before]);
    }
    // The page itself never scrolls: what does not fit scrolls inside the panel.
    const scroll = await page.evaluate(() => ({
      h: document.scrollingElement!.scrollHeight,
      w: document.scrollingElement!.scrollWidth,
    }));
    expect(scroll.h).toBeLessThanOrEqual(size.height);
    expect(scroll.w).toBeLessThanOrEqual(size.width);
    // One line each: no button's words wrap.
    for (const [k, l] of Object.entries(controls))
      if (k !== 'quantity') expect((await box(l)).height, k).toBeLessThanOrEqual(64);

    expect(await smallTargets(page)).toEqual([]);

    // A stamp's toast covers no control.
    await panel.getByLabel('Reason for the override').fill('Birthday party');
    await controls.addStamp.click();
    // Read where the toast is the moment it shows, in the page (it leaves after 4 s).
    const t = await page
      .waitForFunction(() => {
        const el = document.querySelector('[role="status"] .toast');
        if (!el) return null;
        const { x, y, width, height } = el.getBoundingClientRect();
        return { x, y, width, height };
      })
      .then((h) => h.jsonValue() as Promise<Box>);
    const covered = await page.evaluate(
      ({ x, y, width, height }) =>
        [...document.querySelectorAll('button, input, select, a[href]')]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(
            ({ r }) =>
              r.width > 0 && r.x < x + width && x < r.right && r.y < y + height && y < r.bottom,
          )
          .map(({ el }) => el.textContent || el.getAttribute('aria-label')),
      t,
    );
    expect(covered).toEqual([]);

    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: join(SCREENS, `counter-en-${size.width}x${size.height}.png`) });

    // The other languages' words are longer: still on screen, on one line, each screenshotted.
    for (const language of ['id', 'ms', 'vi', 'en']) {
      const before =
        language === 'id'
          ? w
          : catalogue(language === 'ms' ? 'id' : language === 'vi' ? 'ms' : 'vi');
      await page.getByRole('combobox', { name: before('common.language') }).selectOption(language);
      const words = catalogue(language);
      const stamp = panel.getByRole('button', { name: words('counter.addStamp') });
      await stamp.waitFor();
      for (const name of ['counter.addStamp', 'counter.redeem', 'counter.undo']) {
        const b = await box(panel.getByRole('button', { name: words(name), exact: true }));
        expect(onScreen(b, size), `${language} ${name}`).toBe(true);
        expect(b.height, `${language} ${name} on one line`).toBeLessThanOrEqual(64);
      }
      if (language !== 'en')
        await page.screenshot({
          path: join(SCREENS, `counter-${language}-${size.width}x${size.height}.png`),
        });
    }

    // Dialogs: the New member form's "Save member" and a confirmation's primary button.
    await page.getByRole('button', { name: 'New member' }).click();
    const enrol = page.getByRole('dialog');
    expect(onScreen(await box(enrol.getByRole('button', { name: 'Save member' })), size)).toBe(
      true,
    );
    expect(await smallTargets(page)).toEqual([]);
    await enrol.getByRole('button', { name: 'Cancel' }).click();
    // 15 stamps, a full card waiting: the tote bag's 8 would spend it, so it asks.
    await panel.getByRole('button', { name: /^Redeem Tote bag/ }).click();
    const ask = page.getByRole('dialog', { name: 'Redeem Tote bag?' });
    expect(onScreen(await box(ask.getByRole('button', { name: 'Redeem Tote bag' })), size)).toBe(
      true,
    );
    await ask.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the owner area: member names and checkboxes are touch targets', async () => {
    const { page } = await newTablet({ viewport: { width: 1024, height: 600 } });
    await setUpShop(page, baseURL);
    await page.getByRole('button', { name: 'New member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Mei');
    await dialog.getByRole('button', { name: 'Save member' }).click();
    await closeCardQr(page);
    for (const section of ['members', 'program', 'shop']) {
      await page.goto(`${baseURL}/owner/${section}`);
      const pin = page.getByLabel('Owner PIN');
      const sections = page.getByRole('navigation', { name: 'Owner sections' });
      await pin.or(sections).first().waitFor();
      if (await pin.isVisible()) {
        await pin.fill(OWNER_PIN);
        await page.getByRole('button', { name: 'Unlock' }).click();
      }
      await page.getByRole('navigation', { name: 'Owner sections' }).waitFor();
      if (section === 'members') await page.getByRole('button', { name: 'Mei' }).waitFor();
      await page.waitForTimeout(300);
      expect(await smallTargets(page), section).toEqual([]);
    }
  });
});
