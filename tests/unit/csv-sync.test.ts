/**
 * Imported members are real members: they reach the shop's other tablets
 * through the real sync server (Hono app over in-memory SQLite), with their
 * ids, details, joined date and carried-over stamps, and are found there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMembers } from '../../src/db/csv';
import { searchMembers } from '../../src/db/members';
import type { SetiaDB } from '../../src/db/schema';
import { createShop } from '../../src/db/settings';
import { connectToServer, getSyncState, pendingCount } from '../../src/db/sync';
import { freshDb } from '../../src/db/test-db';
import { parseCsv } from '../../src/domain/csv-read';
import { checkImportRows, guessMapping } from '../../src/domain/member-csv';
import type { ShopSettings } from '../../src/domain/shop';
import { createServerApp } from '../../src/server/app';
import { Store } from '../../src/server/store/store';
import { testShop, TEST_OWNER_PIN } from '../../src/shared/test-shop';
import { createSyncApi, type SyncApi } from '../../src/features/sync/client';
import { syncRound } from '../../src/features/sync/round';

const SERVER = 'http://setia.test';
const NOW = 1_750_000_000_000;
const clock = () => NOW;
let store: Store;
let api: SyncApi;

beforeAll(async () => {
  store = await Store.open({ dataDir: ':memory:' });
  const app = createServerApp({ store, clock });
  api = createSyncApi(async (url, init) => app.request(url, init));
});
afterAll(() => store.close());

async function twoTablets(): Promise<[SetiaDB, SetiaDB]> {
  const shop = await testShop();
  const a = await freshDb(shop);
  await connectToServer(a, SERVER, await api.register(SERVER, shop, 'Owner'));
  const { code } = await api.pairingCode(SERVER, (await getSyncState(a))!.token, TEST_OWNER_PIN);
  const grant = await api.join(SERVER, code, 'Tablet 2');
  const b = await freshDb(null);
  await createShop(b, grant.shop as ShopSettings);
  await connectToServer(b, SERVER, grant);
  return [a, b];
}

describe('imported members and sync', () => {
  it('reach the other tablet with their details, joined date and stamps', async () => {
    const [a, b] = await twoTablets();
    const rows = parseCsv(
      [
        'name,phone,joined,current stamps',
        ...Array.from({ length: 1200 }, (_, i) => `Member ${i},,2024-0${1 + (i % 9)}-15,${i % 4}`),
        'Nguyễn Thị Hà,0812-3456-789,2023-05-01,7',
      ].join('\r\n'),
    ).rows;
    const check = checkImportRows(rows, guessMapping(rows[0]!), {
      country: 'ID',
      today: '2026-11-25',
    });
    expect(check.problems).toEqual([]);
    await importMembers(a, check.members, { now: NOW, staffId: 'owner', reason: 'Carried over' });
    expect(await pendingCount(a)).toBe(1201 + 900 + 1);

    await syncRound(a, api, clock);
    expect(await pendingCount(a)).toBe(0);
    await syncRound(b, api, clock);

    expect(await b.members.count()).toBe(1201);
    const [ha] = await searchMembers(b, '0812 3456');
    const original = (await searchMembers(a, 'nguyen ha'))[0]!;
    expect(ha).toMatchObject({
      id: original.id,
      name: 'Nguyễn Thị Hà',
      phone: '+628123456789',
      joinedAt: Date.parse('2023-05-01T00:00:00Z'),
    });
    expect(ha!.placeholder).toBeUndefined();
    expect(ha!.stats.balance).toBe(7);
    expect((await searchMembers(b, 'member 1199'))[0]!.stats.balance).toBe(3);
  }, 60_000);
});
