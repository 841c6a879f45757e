/**
 * The first-run plan carried out: a shop set up from its Setia server registers
 * there by itself (the engine calls this each round until it is done), so the
 * customers' cards show stamps from the first minute. Unreachable: tried again
 * on the engine's schedule. Refused (say, the server takes no more shops): the
 * plan is dropped, and the owner can connect by hand from Owner → Tablets.
 */
import type { SetiaDB } from '../db/schema';
import { getShop } from '../db/settings';
import { saveSyncPlan, type SyncPlan } from '../db/sync-state';
import type { SyncApi } from './client';
import { connectToServer } from './connect';
import { SyncError } from './sync-error';

export async function connectPlanned(
  db: SetiaDB,
  api: SyncApi,
  plan: SyncPlan & { server: string },
  now: number,
): Promise<void> {
  const shop = await getShop(db);
  if (!shop) return;
  let grant;
  try {
    grant = await api.register(plan.server, shop, plan.deviceName ?? 'Owner');
  } catch (e) {
    const refused =
      e instanceof SyncError && e.status !== null && e.status >= 400 && e.status < 500;
    if (refused && e.status !== 408 && e.status !== 429) await saveSyncPlan(db, null);
    throw e;
  }
  await connectToServer(db, plan.server, grant, { now });
}
