/**
 * Owner → Insights in Chromium: two members stamped and a reward redeemed at the
 * counter, a third member's history seeded as a packed ledger (with a donation,
 * a rating with a comment, an override and a club sale); the headline figures
 * match hand-computed answers for 30 and 90 days, the charts are drawn and named.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { foldLedger } from '../../src/domain/balance';
import type { LedgerEvent } from '../../src/domain/ledger';
import type { Member } from '../../src/domain/member';
import { catalogue } from './support/catalogue';
import { addStamps, enroll, OWNER_PIN, setUpShop } from './support/shop';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const require = createRequire(import.meta.url);
const newTablet = tabletPerTest();
const DAY = 86_400_000;

/** Dewi's history, held in a pack as a tablet that joined a shop holds it. */
function dewi(now: number): { member: Member; events: LedgerEvent[] } {
  let seq = 0;
  const ev = (daysAgo: number, e: Partial<LedgerEvent> & Pick<LedgerEvent, 'type' | 'stamps'>) => {
    seq += 1;
    return {
      id: `seed-dewi-${seq}`,
      memberId: 'seed-dewi',
      at: now - daysAgo * DAY,
      deviceId: 'seed-tablet',
      staffId: 'owner',
      seq,
      ...e,
    } as LedgerEvent;
  };
  const events = [
    ev(45, { type: 'stamp', stamps: 20 }),
    ev(40, { type: 'stamp', stamps: 2 }),
    ev(35, { type: 'redeem', stamps: -5, rewardKind: 'donation', rewardId: 'cause' }),
    ev(10, { type: 'stamp', stamps: 1, staffId: 'ana', override: { reason: 'regular' } }),
    ev(2, { type: 'adjustment', stamps: 0, rating: 5, comment: 'Enak sekali' }),
    ev(2, {
      type: 'club',
      stamps: 0,
      club: {
        name: 'Kopi Club',
        period: 'month',
        price: 50_000,
        multiplier: 2,
        until: now + 20 * DAY,
      },
    }),
  ];
  const stats = foldLedger(events);
  const member: Member = {
    id: 'seed-dewi',
    name: 'Dewi Lestari',
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    joinedAt: now - 50 * DAY,
    nameWords: ['dewi', 'lestari'],
    phoneKeys: [],
    clocks: {},
    stats,
    base: stats,
  };
  return { member, events };
}

async function seed(page: Page, rows: { member: Member; events: LedgerEvent[] }) {
  await page.evaluate(async ({ member, events }) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('setia');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(['members', 'eventPacks'], 'readwrite');
      tx.objectStore('members').put(member);
      tx.objectStore('eventPacks').put({ id: 'seed-pack-1', events });
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, rows);
}

/** Lighthouse's accessibility audits are axe-core's: run them on the screen as it is. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays as it is.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Element) => Promise<AxeResult> } }).axe;
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const result = await axe.run(document.querySelector('main')!);
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** A headline figure's value: the first definition after its term. */
const figure = (page: Page, label: string) =>
  page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

async function expectFigures(page: Page, expected: Record<string, string>) {
  for (const [label, value] of Object.entries(expected))
    await expect
      .poll(() => figure(page, label).innerText(), { timeout: 30_000, message: label })
      .toBe(value);
}

describe('insights', () => {
  it('shows the figures, charts and lists for the chosen period', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL, { stampsPerCard: 10 });
    await seed(page, dewi(Date.now()));

    await enroll(page, { name: 'Siti Rahma' });
    await addStamps(page, 4);
    await addStamps(page, 6);
    await page.getByRole('button', { name: 'Redeem reward' }).click();
    await page.getByRole('status').filter({ hasText: 'Free coffee redeemed' }).waitFor();
    await enroll(page, { name: 'Budi Santoso' });
    await addStamps(page, 2);

    await page.getByRole('button', { name: 'Owner' }).click();
    await page.getByLabel('Owner PIN').fill('2468');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('navigation', { name: 'Owner sections' })
      .getByRole('link', { name: 'Insights' })
      .click();
    await page.getByRole('heading', { name: 'Insights', level: 2 }).waitFor();
    expect(await page.getByRole('radio', { name: 'Last 30 days' }).isChecked()).toBe(true);

    // Last 30 days: Siti 2 visits (1 new), Budi 1 (new), Dewi 1 (returning; also 40 and 45
    // days ago, so she counts for retention). Stamps 4 + 6 + 2 + 1 = 13; 10 redeemed.
    await expectFigures(page, {
      'Active members': '3',
      Visits: '4',
      Retention: '100%',
      Churn: '0%',
      'Redemption rate': '77%',
      'Outstanding rewards': '1', // Dewi: 20 + 2 − 5 + 1 = 18 stamps
      Donations: '0', // hers was 35 days ago
      'Club members': '1',
      Satisfaction: '100%',
    });
    await page
      .getByText(
        '2 visits by new members (their first visit) and 2 visits by members who came back.',
      )
      .waitFor();

    const stampsChart = page.getByRole('img', {
      name: /: 13 stamps and 1 redemption; the busiest day was .* with 12 stamps\.$/,
    });
    await stampsChart.locator('canvas').waitFor();
    const visitsChart = page.getByRole('img', {
      name: /: 2 visits by new members and 2 visits by returning members\.$/,
    });
    await visitsChart.locator('canvas').waitFor();
    expect(await page.getByRole('figure', { name: 'Stamps and redemptions per day' }).count()).toBe(
      1,
    );

    const frequency = page.getByRole('list', {
      name: 'Members by number of visits in this period',
    });
    expect(await frequency.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^1 visit\s+2 members$/),
      expect.stringMatching(/^2–3 visits\s+1 member$/),
      expect.stringMatching(/^4–6 visits\s+0 members$/),
      expect.stringMatching(/^7–12 visits\s+0 members$/),
      expect.stringMatching(/^13\+ visits\s+0 members$/),
    ]);
    const staff = page.getByRole('list', { name: 'Stamps given per staff member' });
    expect(await staff.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Owner\s+12 stamps$/),
      expect.stringMatching(/^ana\s+1 stamp$/),
    ]);
    const overrides = page.getByRole('list', { name: 'Cooldown overrides per staff member' });
    expect(await overrides.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Owner\s+0 overrides$/),
      expect.stringMatching(/^ana\s+1 override$/),
    ]);
    const top = page.getByRole('region', { name: 'Top members' }).getByRole('listitem');
    expect(await top.first().innerText()).toMatch(/^Siti Rahma\s+2 visits · 10 stamps$/);
    await page.getByRole('region', { name: 'Recent comments' }).getByText('Enak sekali').waitFor();

    // The screen passes the accessibility checks Lighthouse runs (axe-core), charts included.
    expect(await accessibilityViolations(page)).toEqual([]);

    // Last 90 days: Dewi's three visits (the first one new) and her donation come in.
    await page.getByRole('radio', { name: 'Last 90 days' }).check();
    await expectFigures(page, {
      Visits: '6',
      Donations: '1',
      'Redemption rate': '43%', // 15 of 35
      Retention: 'No data yet', // nobody visited in the 90 days before
    });
    await page.getByRole('img', { name: /: 35 stamps and 2 redemptions;/ }).waitFor();

    // A custom period the wrong way round is refused with a message; the figures stay.
    await page.getByRole('radio', { name: 'Custom' }).check();
    const iso = (t: number) => new Date(t).toLocaleDateString('sv');
    await page.getByLabel('From', { exact: true }).fill(iso(Date.now()));
    await page.getByLabel('To', { exact: true }).fill(iso(Date.now() - 5 * DAY));
    await page.getByText('Pick a start date on or before the end date.').waitFor();
    await page.getByLabel('From', { exact: true }).fill(iso(Date.now() - 41 * DAY));
    await page.getByLabel('To', { exact: true }).fill(iso(Date.now() - 30 * DAY));
    await expectFigures(page, { Visits: '1', Donations: '1' }); // 40 days ago; 35 days ago

    // Churn after a number of days the owner picks; nonsense is refused.
    const churnDays = page.getByLabel('Churned after (days)');
    await churnDays.fill('3');
    await churnDays.blur();
    await page.getByText('Enter a whole number of days from 7 to 365.').waitFor();
    await churnDays.fill('7');
    await churnDays.blur();
    await page.getByRole('radio', { name: 'Last 30 days' }).check();
    await expectFigures(page, { Churn: '33%' }); // Dewi, 10 days ago, of three
  });

  it('lays the period picker out: small radios, each choice on one line, in every language', async () => {
    const { page } = await newTablet();
    await setUpShop(page, baseURL);
    await page.goto(`${baseURL}/owner/insights`);
    await page.getByLabel('Owner PIN').fill(OWNER_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    let shown = 'en';
    for (const language of ['en', 'id', 'ms', 'vi']) {
      const t = catalogue(language);
      await page.getByLabel(catalogue(shown)('common.language')).selectOption(language);
      shown = language;
      const period = page.getByRole('group', { name: t('insights.period') });
      await period.getByRole('radio', { name: t('insights.lastDays', { count: 30 }) }).waitFor();
      for (const size of [
        { width: 1024, height: 600 },
        { width: 800, height: 1280 },
        { width: 600, height: 1024 },
      ]) {
        await page.setViewportSize(size);
        const choices = await period.locator('label').evaluateAll((labels) =>
          labels.map((label) => {
            const radio = label.querySelector('input')!.getBoundingClientRect();
            const text = label.querySelector('span')!;
            const lines = text.getClientRects().length;
            return {
              text: text.textContent,
              radio: radio.width <= 24 && radio.height <= 24,
              oneLine:
                lines === 1 &&
                text.getBoundingClientRect().height <
                  2 * parseFloat(getComputedStyle(text).fontSize) * 1.2,
              target: label.getBoundingClientRect().height >= 44,
            };
          }),
        );
        expect({ language, size, choices }).toEqual({
          language,
          size,
          choices: choices.map((c) => ({ ...c, radio: true, oneLine: true, target: true })),
        });
      }
    }
  });
});
