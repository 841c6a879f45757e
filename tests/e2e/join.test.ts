/**
 * A new tablet joining a shop that already has thousands of members and tens
 * of thousands of stamps: it shows "Catching up with the shop" while the
 * snapshot loads, then finds a member with their whole history and stamps.
 */
import { describe, expect, inject, it } from 'vitest';
import { hlcToString } from '../../src/domain/hlc';
import type { LedgerEvent } from '../../src/domain/ledger';
import type { MemberChangeWire } from '../../src/shared/sync-protocol';
import { waitUntil } from '../support/wait';
import { addStamps, cardProgress, search, setUpShop } from './support/shop';
import { openOwner, pairingCode, syncStatus } from './support/sync';
import { tabletPerTest } from './support/tablet';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();
const MEMBERS = 5000;
const STAMPS_EACH = 10;

async function api(path: string, init: { token?: string; json: unknown }) {
  const res = await fetch(`${baseURL}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: JSON.stringify(init.json),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Another tablet of the shop (paired with `code`) pushes years of members and stamps. */
async function fillShop(code: string): Promise<string> {
  const grant = await api('/devices/join', { json: { code, deviceName: 'Old tablet' } });
  const token = grant.token as string;
  const deviceId = grant.deviceId as string;
  const prefix = `J${Date.now().toString(36).toUpperCase()}`;
  const start = Date.now() - 400 * 24 * 3600_000;
  let seq = 0;
  const changes: MemberChangeWire[] = [];
  const events: LedgerEvent[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const memberId = `${prefix}M${String(i).padStart(6, '0')}`;
    const at = start + i * 1000;
    changes.push({
      id: `${prefix}C${i}`,
      memberId,
      deviceId,
      seq: ++seq,
      hlc: hlcToString({ millis: at, counter: 0, node: deviceId }),
      fields: { name: i === 4321 ? 'Siti Rahmawati' : `Pelanggan ${i}`, phone: null },
      at,
    });
    // Siti has 7 stamps on her card; everyone else a full card of 10.
    for (let k = 0; k < (i === 4321 ? 7 : STAMPS_EACH); k++)
      events.push({
        id: `${prefix}E${i}x${k}`,
        memberId,
        type: 'stamp',
        stamps: 1,
        quantity: 1,
        at: at + k * 3600_000,
        deviceId,
        staffId: 'owner',
        seq: ++seq,
      });
  }
  for (let i = 0; i < changes.length; i += 1000)
    await api('/sync/push', {
      token,
      json: { events: [], memberChanges: changes.slice(i, i + 1000) },
    });
  for (let i = 0; i < events.length; i += 1000)
    await api('/sync/push', {
      token,
      json: { events: events.slice(i, i + 1000), memberChanges: [] },
    });
  return prefix;
}

describe(`a new tablet joining a big shop (server on ${inject('serverDatabase')})`, () => {
  it('shows that it is catching up, then stamps a member on top of their history', async () => {
    const owner = await newTablet();
    await setUpShop(owner.page, baseURL, { name: 'Kopi Ramai' });
    await openOwner(owner.page);
    await owner.page.getByRole('button', { name: 'Connect this tablet' }).click();
    await owner.page.getByText(`Connected to ${baseURL}`).waitFor();
    await fillShop(await pairingCode(owner.page));
    const code = await pairingCode(owner.page);
    await owner.close(); // the owner's tablet would pull the same history meanwhile: not this test's job

    const { page } = await newTablet();
    await page.goto(baseURL);
    await page.getByRole('button', { name: 'Join a shop' }).click();
    await page.getByLabel('Pairing code').fill(code);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Catching up with the shop' });
    await bar.waitFor({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Search members' }).waitFor({ timeout: 30_000 });

    // Caught up: the bar goes and sync says so.
    await waitUntil(
      async () => !(await bar.isVisible()) && (await syncStatus(page).innerText()) === 'Synced',
      { timeout: 120_000, interval: 250, message: 'the new tablet to catch up' },
    );
    expect(await search(page, 'Siti Rahma')).toEqual(['Siti Rahmawati']);
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Siti Rahmawati', level: 2 }).waitFor();
    expect(await cardProgress(page)).toBe('7 of 10 stamps');
    await addStamps(page, 1);
    // The quantity box is already 1: wait for the card itself (a busy machine is slow to show it).
    await waitUntil(async () => (await cardProgress(page)) === '8 of 10 stamps', {
      timeout: 25_000,
      interval: 100,
      message: 'the stamp to show on the card',
    });
    // The last member of the shop is searchable too (the list updates as the query is typed).
    await waitUntil(
      async () => (await search(page, 'Pelanggan 4999')).join() === 'Pelanggan 4999',
      { timeout: 20_000, interval: 250, message: 'the last member to be found by name' },
    );
  }, 180_000); // the catch-up step alone may take 120 s on a loaded machine
});
