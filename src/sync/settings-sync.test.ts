/**
 * The owner's settings reach every tablet of the shop: edited on one tablet
 * (updateShop), pushed with a hybrid clock, merged on the server setting by
 * setting, pulled by the others. The server checks a changed owner PIN.
 */
import { addStamps, enrollMember } from '../db/counter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SetiaDB } from '../db/schema';
import { getSettingClocks, getShop, updateShop } from '../db/settings';
import { getSyncState } from '../db/sync-state';
import { freshDb, memberFields } from '../db/test-db';
import { writeVersion5 } from '../db/testing/version-5';
import { hlcToString } from '../domain/hlc';
import { hashPin, verifyPin } from '../shared/pin';
import { testShop, TEST_OWNER_PIN } from '../shared/test-shop';
import { openHarness, SERVER, type Harness } from '../../tests/support/tablets';
import { connectToServer } from './connect';
import { pendingCount } from './outgoing';
import { SyncError } from './sync-error';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.store.close());

const HOUR = 3_600_000;
const shopOf = async (db: SetiaDB) => (await getShop(db))!;

describe('shop settings sync', () => {
  it('brings a setting edited on one tablet to the others, and counts it as pending until pushed', async () => {
    const tablets = await h.shopWithTablets(2, 'owner');
    const [a, b, c] = tablets as [SetiaDB, SetiaDB, SetiaDB];
    const before = await shopOf(b);
    await updateShop(a, { name: 'Kopi Kita Baru', allowStaticCodes: false }, (h.clock.now += 1000));
    expect(await pendingCount(a)).toBe(1);
    await h.syncAll(tablets);
    expect(await pendingCount(a)).toBe(0);
    for (const t of [b, c]) {
      const shop = await shopOf(t);
      expect(shop).toMatchObject({ name: 'Kopi Kita Baru', allowStaticCodes: false });
      // Identity and key are untouched.
      expect([shop.shopId, shop.cardKey]).toEqual([before.shopId, before.cardKey]);
    }
    const state = (await getSyncState(a))!;
    const server = await h.store.shop((await shopOf(a)).shopId);
    expect(server.name).toBe('Kopi Kita Baru');
    expect(state.lastSyncAt).not.toBeNull();
  });

  it('keeps both edits when two offline tablets change different settings', async () => {
    const tablets = await h.shopWithTablets(2, 'owner');
    const [a, b, c] = tablets as [SetiaDB, SetiaDB, SetiaDB];
    await updateShop(a, { rewardName: 'Free latte' }, (h.clock.now += 1000));
    await updateShop(b, { stampsPerCard: 8 }, (h.clock.now += 1000));
    await updateShop(c, { currency: 'MYR', country: 'MY' }, (h.clock.now += 1000));
    await h.syncAll(tablets);
    const shops = await Promise.all(tablets.map(shopOf));
    for (const shop of shops)
      expect(shop).toMatchObject({
        rewardName: 'Free latte',
        stampsPerCard: 8,
        currency: 'MYR',
        country: 'MY',
      });
    expect(shops[1]).toEqual(shops[0]);
    expect(shops[2]).toEqual(shops[0]);
  });

  it('lets the later edit of one setting win, even from a tablet whose clock is hours behind', async () => {
    const tablets = await h.shopWithTablets(1, 'owner');
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    // A's edit, then B (its wall clock three hours slow) sees it and edits the same setting.
    await updateShop(a, { rewardName: 'Free tea' }, (h.clock.now += 1000));
    await h.syncAll(tablets);
    expect((await shopOf(b)).rewardName).toBe('Free tea');
    await updateShop(b, { rewardName: 'Free cake' }, h.clock.now - 3 * HOUR);
    await h.syncAll(tablets);
    for (const t of tablets) expect((await shopOf(t)).rewardName).toBe('Free cake');

    // Edits made without seeing each other: the later clock wins everywhere, whoever syncs last.
    await updateShop(a, { name: 'Later name' }, (h.clock.now += 5000));
    await updateShop(b, { name: 'Earlier name' }, h.clock.now - 3 * HOUR);
    await h.round(a);
    await h.round(b);
    await h.round(a);
    for (const t of tablets) expect((await shopOf(t)).name).toBe('Later name');
  });

  it('checks a changed owner PIN on the server for pairing codes and removing tablets', async () => {
    const tablets = await h.shopWithTablets(1, 'owner');
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    await updateShop(a, { ownerPin: await hashPin('97531', 100_000) }, (h.clock.now += 1000));
    await h.syncAll(tablets);
    expect(await verifyPin('97531', (await shopOf(b)).ownerPin)).toBe(true);
    const token = (await getSyncState(b))!.token;
    const refused = await h.api.pairingCode(SERVER, token, TEST_OWNER_PIN).catch((e) => e);
    expect(refused).toBeInstanceOf(SyncError);
    expect((refused as SyncError).status).toBe(403);
    const { code } = await h.api.pairingCode(SERVER, token, '97531', 'owner');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    // A tablet joining now is given the new settings.
    const grant = await h.api.join(SERVER, code, 'Tablet 3');
    expect(await verifyPin('97531', grant.shop.ownerPin!)).toBe(true);
    // With each setting's clock, so that an older edit pulled later cannot win on it.
    const clocks = await getSettingClocks(a);
    expect(grant.settingsClocks).toEqual({ ownerPin: clocks.ownerPin });
    const late = await freshDb(null);
    await connectToServer(late, SERVER, grant);
    expect(await getSettingClocks(late)).toEqual(grant.settingsClocks);
  });

  it('never changes the shop id or card key from a tablet', async () => {
    const [a] = (await h.shopWithTablets(0, 'owner')) as [SetiaDB];
    await expect(updateShop(a, { cardKey: 'x'.repeat(43) })).rejects.toThrow('shop.fixedSetting');
    await expect(updateShop(a, { shopId: 'OTHER' })).rejects.toThrow('shop.fixedSetting');
    expect(await pendingCount(a)).toBe(0);
  });
  it('refuses a setting the server does not know with a clear error, and still syncs stamps', async () => {
    const tablets = await h.shopWithTablets(1, 'owner');
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    const member = await enrollMember(
      b,
      { fields: memberFields('Hana'), phoneKeys: [] },
      h.clock.now,
    );
    await addStamps(b, member.id, 2, h.ctx());
    await h.round(b);
    // A setting from a newer app version that this server does not know yet.
    await updateShop(a, { favouriteColour: 'teal' } as never, (h.clock.now += 1000));
    const refused = await h.round(a).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncError);
    expect((refused as SyncError).status).toBe(400);
    expect((refused as SyncError).message).toMatch(/unknown setting favouriteColour/);
    // The pull before it went through: A has B's member and stamps.
    expect((await a.members.get(member.id))?.stats.balance).toBe(2);
    expect(await pendingCount(a)).toBe(1);
  });

  it('pushes the settings edits that a tablet of an older version left pending', async () => {
    // A connected tablet from before settings edits joined the outbox: they waited as a list.
    const shop = await testShop();
    const grant = await h.api.register(SERVER, shop, 'Owner');
    const deviceId = 'olddevice1';
    const edited = hlcToString({ millis: (h.clock.now += 1000), counter: 0, node: deviceId });
    const name = `old-${Math.random()}`;
    await writeVersion5(name, {
      settings: [
        { key: 'shop', value: { ...shop, rewardName: 'Free latte' } },
        { key: 'device', value: { deviceId, seq: 0, hlc: edited } },
        { key: 'shopSync', value: { clocks: { rewardName: edited }, pending: ['rewardName'] } },
        {
          key: 'sync',
          value: {
            server: SERVER,
            token: grant.token,
            deviceId: grant.deviceId,
            cursor: 0,
            pushedSeq: 0,
            lastSyncAt: null,
          },
        },
      ],
    });
    const upgraded = new SetiaDB(name);
    expect(await pendingCount(upgraded)).toBe(1);
    await h.round(upgraded);
    expect(await pendingCount(upgraded)).toBe(0);
    expect((await h.store.shop(shop.shopId)).rewardName).toBe('Free latte');
    const other = await h.joinTablet(upgraded, { role: 'owner' });
    await h.round(other);
    expect((await shopOf(other)).rewardName).toBe('Free latte');
  });
});
