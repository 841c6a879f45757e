/**
 * Owner → Messages: a campaign to members who gave marketing consent, one tap
 * per member opening WhatsApp (wa.me, the member's number, the text in their
 * language) or, in a Vietnamese shop, Zalo; a member sent to is marked sent
 * and not offered the campaign again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { addStamps, enroll, search, setUpShop } from './support/shop';
import { openOwner } from './support/sync';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newDevice = tabletPerTest();

const TEXTS = {
  English: 'Hi {name}, {stamps} stamps wait at {shop}',
  'Bahasa Indonesia': 'Halo {name}, {stamps} cap menunggu di {shop}',
  'Bahasa Melayu': 'Hai {name}, {stamps} cop menanti di {shop}',
  'Tiếng Việt': 'Chào {name}, {stamps} dấu đang chờ ở {shop}',
};

/** The member's language, as the join page records it from their phone (not typed at the counter). */
async function setLanguages(page: Page, languages: Record<string, string>) {
  await page.evaluate(
    (byName) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('setia');
        open.onsuccess = () => {
          const tx = open.result.transaction('members', 'readwrite');
          const store = tx.objectStore('members');
          store.openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const language = byName[cursor.value.name as string];
            if (language) cursor.update({ ...cursor.value, language });
            cursor.continue();
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    languages,
  );
}

async function newCampaign(page: Page, name: string) {
  await openOwner(page, 'Messages');
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Campaign name').fill(name);
  await page.getByLabel('Who gets it').selectOption({ label: 'Every member' });
  for (const [language, text] of Object.entries(TEXTS))
    await page.getByLabel(`Message in ${language}`).fill(text);
}

const sendLinks = (page: Page, channel: string) =>
  page
    .getByRole('list', { name: 'Members to message' })
    .getByRole('link', { name: new RegExp(`^Send to .* on ${channel}`) });

describe('messages to members', () => {
  it('opens WhatsApp with each member’s number and text in their language, only with consent, once', async () => {
    const { page } = await newDevice();
    await page.context().route('https://wa.me/**', (route) => route.fulfill({ body: 'WhatsApp' }));
    await setUpShop(page, baseURL, { name: 'Kopi Kita', country: 'ID' });
    await enroll(page, { name: 'Ana Wijaya', phone: '0812 1111 0001', consent: true });
    await enroll(page, { name: 'Budi Santoso', phone: '0812 1111 0002', consent: true });
    await enroll(page, { name: 'Citra Lestari', phone: '0812 1111 0003', consent: true });
    await enroll(page, { name: 'Dewi Nguyen', phone: '0812 1111 0004', consent: true });
    await enroll(page, { name: 'Eko Prasetyo', phone: '0812 1111 0005' });
    await setLanguages(page, { 'Ana Wijaya': 'en', 'Citra Lestari': 'ms', 'Dewi Nguyen': 'vi' });

    await newCampaign(page, 'We miss you');
    // Eko gave no marketing consent: counted apart, never messaged.
    await page
      .getByRole('status')
      .getByText('4 members with marketing consent · 1 more without consent left out')
      .waitFor();
    await page.getByText(/^Preview for /).waitFor();
    await page.getByRole('button', { name: 'Save campaign' }).click();

    const links = sendLinks(page, 'WhatsApp');
    await links.first().waitFor();
    const hrefs = new Map<string, string>();
    for (const link of await links.all())
      hrefs.set(
        (await link.getAttribute('aria-label')) ?? (await link.innerText()),
        (await link.getAttribute('href'))!,
      );
    const expected: [string, string, string][] = [
      ['Ana Wijaya', '6281211110001', 'Hi Ana, 0 stamps wait at Kopi Kita'],
      ['Budi Santoso', '6281211110002', 'Halo Budi, 0 cap menunggu di Kopi Kita'],
      ['Citra Lestari', '6281211110003', 'Hai Citra, 0 cop menanti di Kopi Kita'],
      ['Dewi Nguyen', '6281211110004', 'Chào Dewi, 0 dấu đang chờ ở Kopi Kita'],
    ];
    expect(hrefs.size).toBe(4);
    for (const [name, digits, text] of expected) {
      const href = hrefs.get(`Send to ${name} on WhatsApp`);
      expect(href).toBe(`https://wa.me/${digits}?text=${encodeURIComponent(text)}`);
    }
    expect([...hrefs.keys()].some((k) => k.includes('Eko'))).toBe(false);

    // One tap: WhatsApp opens, the member is marked sent for this campaign.
    const [whatsApp] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Send to Ana Wijaya on WhatsApp' }).click(),
    ]);
    expect(whatsApp.url()).toContain('https://wa.me/6281211110001?text=');
    await whatsApp.close();
    await page.getByText('3 members to message · 1 already sent', { exact: false }).waitFor();

    // Read again from the ledger: Ana is not offered this campaign again.
    await page.getByRole('button', { name: 'All campaigns' }).click();
    await page.getByRole('button', { name: 'We miss you' }).click();
    await page.getByText('3 members to message · 1 already sent', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Send to Ana Wijaya on WhatsApp' }).count()).toBe(
      0,
    );

    // Ana comes back for a coffee: Insights counts her for the campaign.
    await page.getByRole('button', { name: 'Back to the counter' }).click();
    await search(page, 'Ana');
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await addStamps(page, 1);
    await openOwner(page, 'Insights');
    const campaigns = page.getByRole('region', { name: 'Campaigns: who came back' });
    await campaigns.getByText('We miss you').waitFor();
    await campaigns.getByText('1 of 1 messaged came back (100%)').waitFor();
    await campaigns.getByText('Who came back', { exact: true }).click();
    await campaigns.getByText('Ana Wijaya').waitFor();
  });

  it('opens Zalo for a Vietnamese shop, the text copied for the chat', async () => {
    const { page } = await newDevice();
    await page.context().route('https://zalo.me/**', (route) => route.fulfill({ body: 'Zalo' }));
    await setUpShop(page, baseURL, { name: 'Cà Phê Sữa', country: 'VN', currency: 'VND' });
    await enroll(page, { name: 'Nguyễn Thị Lan', phone: '0912 345 678', consent: true });
    await newCampaign(page, 'Nhớ bạn');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    const link = page.getByRole('link', { name: /^Send to Nguyễn Thị Lan on Zalo/ });
    expect(await link.getAttribute('href')).toBe('https://zalo.me/0912345678');
    // The text shown beside it (copied on the tap): the given name, as a Vietnamese card greets.
    await page.getByText('Chào Lan, 0 dấu đang chờ ở Cà Phê Sữa').waitFor();
    const [zalo] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await zalo.close();
    await page.getByText('0 members to message · 1 already sent', { exact: false }).waitFor();
  });
});
