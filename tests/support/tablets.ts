/**
 * Test harness for sync's unit tests: tablets (each its own fake IndexedDB) of
 * one shop, syncing through the real server app over an in-memory SQLite
 * store. It lives here because it wires the tablet's code to the server's.
 */
import type { ActionContext } from '../../src/db/ledger';
import type { SetiaDB } from '../../src/db/schema';
import { createShop } from '../../src/db/settings';
import { getSyncState } from '../../src/db/sync-state';
import { freshDb } from '../../src/db/test-db';
import { createServerApp } from '../../src/server/app';
import { Store } from '../../src/server/store/store';
import { testShop, TEST_OWNER_PIN } from '../../src/shared/test-shop';
import type { DeviceRole } from '../../src/shared/sync-protocol';
import type { ShopSettings } from '../../src/domain/shop';
import { createSyncApi, type SyncApi } from '../../src/sync/client';
import { connectToServer } from '../../src/sync/connect';
import { syncRound } from '../../src/sync/round';

export const SERVER = 'http://setia.test';

export interface HarnessOptions {
  /** The test clock's start. */
  now?: number;
  /** Called with each request's address once the server has answered; throwing loses the reply. */
  afterReply?: (url: string) => void;
}

export interface Harness {
  api: SyncApi;
  store: Store;
  /** The test's clock (every tablet's wall clock unless a test says otherwise). */
  clock: { now: number };
  ctx: (extra?: Partial<ActionContext>) => ActionContext;
  /** The owner's tablet registers a new shop; `extra` more tablets join with pairing codes. */
  /** The owner's tablet and `extra` joined ones (counter tablets unless `role` says owner). */
  shopWithTablets: (extra: number, role?: DeviceRole) => Promise<SetiaDB[]>;
  /** A new tablet joins the owner's shop with a pairing code (from a snapshot, unless told not to). */
  joinTablet: (
    owner: SetiaDB,
    options?: { snapshot?: boolean; name?: string; role?: DeviceRole },
  ) => Promise<SetiaDB>;
  round: (db: SetiaDB) => ReturnType<typeof syncRound>;
  /** Everyone pushes, then everyone pulls (a second pass brings the last pushes to all). */
  syncAll: (tablets: SetiaDB[]) => Promise<void>;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = { now: options.now ?? 1_750_000_000_000 };
  const store = await Store.open({ dataDir: ':memory:' });
  const app = createServerApp({ store, clock: () => clock.now, signup: { mode: 'open' } });
  const api = createSyncApi(async (url, init) => {
    const res = await app.request(url, init);
    options.afterReply?.(url);
    return res;
  });
  const round = (db: SetiaDB) => syncRound(db, api, () => clock.now);
  const joinTablet: Harness['joinTablet'] = async (
    owner,
    { snapshot = false, name, role = 'counter' } = {},
  ) => {
    const state = (await getSyncState(owner))!;
    const { code } = await api.pairingCode(SERVER, state.token, TEST_OWNER_PIN, role);
    const grant = await api.join(SERVER, code, name ?? 'New tablet');
    const tablet = await freshDb(null);
    await createShop(tablet, grant.shop as ShopSettings);
    await connectToServer(tablet, SERVER, grant, { snapshot });
    return tablet;
  };
  return {
    api,
    store,
    clock,
    ctx: (extra = {}) => ({ staffId: 'owner', now: (clock.now += 1000), ...extra }),
    round,
    joinTablet,
    async syncAll(tablets) {
      for (const t of tablets) await round(t);
      for (const t of tablets) await round(t);
    },
    async shopWithTablets(extra, role = 'counter') {
      const shop = await testShop();
      const first = await freshDb(shop);
      await connectToServer(first, SERVER, await api.register(SERVER, shop, 'Owner'));
      const tablets = [first];
      for (let i = 0; i < extra; i++)
        tablets.push(await joinTablet(first, { name: `Tablet ${i + 2}`, role }));
      return tablets;
    },
  };
}

/** A server on a data folder (a restore test copies it as a backup), with the tablets' API to it. */
export async function serverOnDisk(
  dataDir: string,
  clock: { now: number },
): Promise<{ store: Store; api: SyncApi }> {
  const store = await Store.open({ dataDir });
  const app = createServerApp({ store, clock: () => clock.now });
  return { store, api: createSyncApi(async (url, init) => app.request(url, init)) };
}
