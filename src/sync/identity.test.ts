/**
 * One identity per tablet, roles and restores, on the tablet's side (issue 15):
 * a tablet from before roles (version 6 on disk) upgrades and still syncs, its
 * writes carry the server-given id from then on, and a tablet that finds its
 * server restored from an older backup pushes everything again.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStamps, enrollMember } from '../db/counter';
import { getDevice } from '../db/device';
import { SetiaDB } from '../db/schema';
import { getSyncState } from '../db/sync-state';
import { freshDb, memberFields } from '../db/test-db';
import { writeVersion6 } from '../db/testing/version-6';
import { hlcToString } from '../domain/hlc';
import type { LedgerEvent } from '../domain/ledger';
import { testShop } from '../shared/test-shop';
import { openHarness, SERVER, serverOnDisk, type Harness } from '../../tests/support/tablets';
import type { SyncApi } from './client';
import { connectToServer } from './connect';
import { pendingCount } from './outgoing';
import { syncRound } from './round';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.store.close());

const LOCAL = 'loc6abcdef';
const name = () => `v6-${Math.random()}`;

async function balances(db: SetiaDB) {
  return (await db.members.toArray()).map((m) => [m.name, m.stats.balance]);
}

describe('version 7: roles and the server-given device id', () => {
  it('marks a connected tablet an owner device and numbers its next writes under the server id', async () => {
    const db = name();
    await writeVersion6(db, {
      settings: [
        { key: 'shop', value: await testShop() },
        {
          key: 'device',
          value: {
            deviceId: LOCAL,
            seq: 4,
            hlc: hlcToString({ millis: 5, counter: 0, node: LOCAL }),
          },
        },
        {
          key: 'sync',
          value: {
            server: SERVER,
            token: 't'.repeat(30),
            deviceId: 'srv7device',
            cursor: 9,
            pushedSeq: 2,
            settingsPushedSeq: 0,
            lastSyncAt: null,
          },
        },
      ],
    });
    const upgraded = new SetiaDB(db);
    expect(await getSyncState(upgraded)).toMatchObject({ role: 'owner', cursor: 9, pushedSeq: 2 });
    expect(await getDevice(upgraded)).toMatchObject({
      deviceId: 'srv7device',
      localId: LOCAL,
      seq: 4,
    });
    upgraded.close();
  });

  it('leaves a tablet that never connected as it was (its own owner device)', async () => {
    const db = name();
    const device = {
      deviceId: LOCAL,
      seq: 4,
      hlc: hlcToString({ millis: 5, counter: 0, node: LOCAL }),
    };
    await writeVersion6(db, {
      settings: [
        { key: 'shop', value: await testShop() },
        { key: 'device', value: device },
      ],
    });
    const upgraded = new SetiaDB(db);
    expect(await getSyncState(upgraded)).toBeUndefined();
    expect(await getDevice(upgraded)).toEqual(device);
    upgraded.close();
  });
});

describe('one identity per tablet', () => {
  it('keeps a tablet created before the change syncing: old writes under its local id, new ones under the server id', async () => {
    const shop = await testShop();
    const grant = await h.api.register(SERVER, shop, 'Old tablet');
    // Stamped and pushed before the upgrade, one stamp still waiting, all under its local id.
    const at = h.clock.now;
    const stamp = (seq: number): LedgerEvent => ({
      id: `01JOLDSTAMP00000000000000${seq}`,
      memberId: '01JOLDMEMBER00000000000000',
      type: 'stamp',
      stamps: 1,
      quantity: 1,
      at: at + seq,
      deviceId: LOCAL,
      staffId: 'owner',
      seq,
    });
    const hlc = hlcToString({ millis: at, counter: 0, node: LOCAL });
    const db = name();
    await writeVersion6(db, {
      settings: [
        { key: 'shop', value: shop },
        { key: 'device', value: { deviceId: LOCAL, seq: 3, hlc } },
        {
          key: 'sync',
          value: {
            server: SERVER,
            token: grant.token,
            deviceId: grant.deviceId,
            cursor: 0,
            pushedSeq: 0,
            settingsPushedSeq: 0,
            lastSyncAt: null,
          },
        },
      ],
      members: [],
      memberChanges: [
        {
          id: '01JOLDCHANGE00000000000001',
          memberId: '01JOLDMEMBER00000000000000',
          deviceId: LOCAL,
          seq: 1,
          hlc,
          fields: { name: 'Sari' },
          at,
        },
      ],
      events: [stamp(2), stamp(3)],
    });
    const old = new SetiaDB(db);
    expect(await pendingCount(old)).toBe(3);
    // After the upgrade: a new member and stamp, under the id the server gave.
    const budi = await enrollMember(
      old,
      { fields: memberFields('Budi'), phoneKeys: [] },
      h.clock.now,
    );
    const budiStamp = await addStamps(old, budi.id, 2, h.ctx());
    expect(budiStamp).toMatchObject({ deviceId: grant.deviceId, seq: 5 });
    expect(await pendingCount(old)).toBe(5);

    await h.round(old);
    expect(await pendingCount(old)).toBe(0);
    const other = await h.joinTablet(old);
    await h.round(other);
    expect((await balances(other)).sort()).toEqual([
      ['Budi', 2],
      ['Sari', 2],
    ]);
  });

  it('writes under the server id from the moment a tablet that worked alone connects', async () => {
    const shop = await testShop();
    const alone = await freshDb(shop);
    const localId = (await getDevice(alone))!.deviceId;
    const ana = await enrollMember(
      alone,
      { fields: memberFields('Ana'), phoneKeys: [] },
      h.clock.now,
    );
    await addStamps(alone, ana.id, 1, h.ctx());
    const grant = await h.api.register(SERVER, shop, 'Owner');
    await connectToServer(alone, SERVER, grant, { now: h.clock.now });
    expect(await getDevice(alone)).toMatchObject({ deviceId: grant.deviceId, localId });
    expect(await getSyncState(alone)).toMatchObject({ role: 'owner' });
    const later = await addStamps(alone, ana.id, 1, h.ctx());
    expect(later.deviceId).toBe(grant.deviceId);

    await h.round(alone);
    const other = await h.joinTablet(alone);
    await h.round(other);
    expect(await balances(other)).toEqual([['Ana', 2]]);
    // Pulled back, this tablet's own writes are not doubled.
    await h.round(alone);
    expect(await alone.events.count()).toBe(2);
  });
});

describe('a server restored from an older backup', () => {
  /** Every item the server holds for a tablet, read as a tablet that pulls from 0. */
  async function serverHead(api: SyncApi, token: string) {
    let cursor = 0;
    for (;;) {
      const page = await api.pull(SERVER, token, cursor);
      cursor = page.cursor;
      if (!page.more) return cursor;
    }
  }

  /** The server at `dir`, answering pulls with its identity and head as the contract says. */
  async function serverAt(dir: string, id: string, clock: { now: number }) {
    const { store, api: raw } = await serverOnDisk(dir, clock);
    const api: SyncApi = {
      ...raw,
      // The server reports its own head; the test names its identity (to play a replaced server).
      pull: async (server, token, cursor) => {
        const page = await raw.pull(server, token, cursor);
        return {
          ...page,
          server: { id, head: page.server?.head ?? (await serverHead(raw, token)) },
        };
      },
    };
    return { store, api };
  }

  it('gets back every stamp the tablets hold, and the tablet loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setia-restore-'));
    const backup = mkdtempSync(join(tmpdir(), 'setia-backup-'));
    const clock = { now: 1_750_000_000_000 };
    const ctx = () => ({ staffId: 'owner', now: (clock.now += 1000) });
    try {
      let server = await serverAt(dir, 'server-1', clock);
      const shop = await testShop();
      const tablet = await freshDb(shop);
      await connectToServer(tablet, SERVER, await server.api.register(SERVER, shop, 'Owner'));
      const round = () => syncRound(tablet, server.api, () => clock.now);
      const ana = await enrollMember(
        tablet,
        { fields: memberFields('Ana'), phoneKeys: [] },
        clock.now,
      );
      await addStamps(tablet, ana.id, 1, ctx());
      await round();

      // The backup is taken here; the shop goes on stamping.
      await server.store.close();
      cpSync(dir, backup, { recursive: true });
      server = await serverAt(dir, 'server-1', clock);
      for (let i = 0; i < 3; i++) await addStamps(tablet, ana.id, 1, ctx());
      await round();
      const cursorBefore = (await getSyncState(tablet))!.cursor;
      expect(await pendingCount(tablet)).toBe(0);

      // The server comes back from the backup: its log ends before the tablet's cursor.
      await server.store.close();
      server = await serverAt(backup, 'server-1', clock);
      expect(await serverHead(server.api, (await getSyncState(tablet))!.token)).toBeLessThan(
        cursorBefore,
      );
      await round();

      const token = (await getSyncState(tablet))!.token;
      const onServer = new Set<string>();
      for (let cursor = 0; ;) {
        const page = await server.api.pull(SERVER, token, cursor);
        for (const item of page.items) if (item.kind === 'event') onServer.add(item.event.id);
        cursor = page.cursor;
        if (!page.more) break;
      }
      const held = await tablet.events.toArray();
      expect(held).toHaveLength(4);
      for (const e of held) expect(onServer.has(e.id)).toBe(true);
      expect((await tablet.members.get(ana.id))?.stats.balance).toBe(4);
      expect(await getSyncState(tablet)).toMatchObject({ serverId: 'server-1' });

      // A server with another identity (replaced, not restored): pushed again too.
      const replacedAt = (await getSyncState(tablet))!.cursor;
      const same = await serverAt(backup, 'server-2', clock);
      await server.store.close();
      server = same;
      await round();
      expect(await getSyncState(tablet)).toMatchObject({
        serverId: 'server-2',
        cursor: replacedAt,
      });
      expect((await tablet.members.get(ana.id))?.stats.balance).toBe(4);
      await server.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(backup, { recursive: true, force: true });
    }
  });
});
