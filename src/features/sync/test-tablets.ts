/**
 * Test harness: tablets (each its own fake IndexedDB) of one shop, syncing
 * through the real server app over an in-memory SQLite store.
 */
import type { ActionContext } from '../../db/ledger';
import type { SetiaDB } from '../../db/schema';
import { createShop } from '../../db/settings';
import { connectToServer, getSyncState } from '../../db/sync';
import { freshDb } from '../../db/test-db';
import type { ShopSettings } from '../../domain/shop';
import { createServerApp } from '../../server/app';
import { Store } from '../../server/store/store';
import { testShop, TEST_OWNER_PIN } from '../../shared/test-shop';
import { createSyncApi, type SyncApi } from './client';
import { syncRound } from './round';

export const SERVER = 'http://setia.test';

export interface Harness {
  api: SyncApi;
  store: Store;
  /** The test's clock (every tablet's wall clock unless a test says otherwise). */
  clock: { now: number };
  ctx: (extra?: Partial<ActionContext>) => ActionContext;
  shopWithTablets: (extra: number) => Promise<SetiaDB[]>;
  round: (db: SetiaDB) => ReturnType<typeof syncRound>;
  syncAll: (tablets: SetiaDB[]) => Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const clock = { now: 1_750_000_000_000 };
  const store = await Store.open({ dataDir: ':memory:' });
  const app = createServerApp({ store, clock: () => clock.now });
  const api = createSyncApi(async (url, init) => app.request(url, init));
  const round = (db: SetiaDB) => syncRound(db, api, () => clock.now);
  return {
    api,
    store,
    clock,
    ctx: (extra = {}) => ({ staffId: 'owner', now: (clock.now += 1000), ...extra }),
    round,
    /** Everyone pushes, then everyone pulls (a second pass brings the last pushes to all). */
    async syncAll(tablets) {
      for (const t of tablets) await round(t);
      for (const t of tablets) await round(t);
    },
    /** The owner's tablet registers the shop; `extra` more tablets join with pairing codes. */
    async shopWithTablets(extra) {
      const shop = await testShop();
      const first = await freshDb(shop);
      await connectToServer(first, SERVER, await api.register(SERVER, shop, 'Owner'));
      const tablets = [first];
      for (let i = 0; i < extra; i++) {
        const state = (await getSyncState(first))!;
        const { code } = await api.pairingCode(SERVER, state.token, TEST_OWNER_PIN);
        const grant = await api.join(SERVER, code, `Tablet ${i + 2}`);
        const tablet = await freshDb(null);
        await createShop(tablet, grant.shop as ShopSettings);
        await connectToServer(tablet, SERVER, grant);
        tablets.push(tablet);
      }
      return tablets;
    },
  };
}
