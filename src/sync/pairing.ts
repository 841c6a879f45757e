/**
 * This tablet becoming one of a shop's tablets on a sync server: the first
 * one registers the shop, the others join with a pairing code. Both then
 * sync at once. Loads the client (and zod): import it when it is needed.
 */
import { db } from '../db/db';
import { createShop } from '../db/settings';
import type { ShopSettings } from '../domain/shop';
import { syncApi } from './client';
import { connectToServer } from './connect';
import { loadSync } from './load';
import { catchUpStatus } from './status';

/** The owner's first tablet registers its shop (settings, card key, owner-PIN hash) on the server. */
export async function registerShop(
  server: string,
  shop: ShopSettings,
  deviceName: string,
): Promise<void> {
  const grant = await syncApi.register(server, shop, deviceName);
  await connectToServer(db, server, grant);
  void loadSync().then((m) => m.syncNow());
}

/** A new tablet joins a shop with the owner's pairing code, and starts loading its snapshot. */
export async function joinShop(server: string, code: string, deviceName: string): Promise<void> {
  const grant = await syncApi.join(server, code, deviceName);
  await connectToServer(db, server, grant, { snapshot: true });
  // The counter shows the bar from its first frame, until the snapshot is in.
  catchUpStatus.set({ done: 0, total: 1, ready: false });
  // A counter grant has no owner-PIN hash: the tablet side (issue 15) decides what it keeps.
  await createShop(db, grant.shop as ShopSettings);
  void loadSync().then((m) => m.syncNow());
}
