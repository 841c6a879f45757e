/** The shop's settings: one row, written at setup and by the owner. */
import type { ShopSettings } from '../domain/program';
import { openCounter } from './device';
import type { SetiaDB } from './schema';

const SHOP = 'shop';

export async function getShop(db: SetiaDB): Promise<ShopSettings | undefined> {
  return (await db.settings.get(SHOP))?.value as ShopSettings | undefined;
}

/** First run: the shop and this device come into being together. */
export async function createShop(db: SetiaDB, shop: ShopSettings): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (await getShop(db)) throw new Error('shop.exists');
    const counter = await openCounter(db, shop.createdAt);
    await db.settings.put({ key: SHOP, value: shop });
    await counter.save(db);
  });
}

export async function updateShop(db: SetiaDB, patch: Partial<ShopSettings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const shop = await getShop(db);
    if (!shop) throw new Error('shop.missing');
    await db.settings.put({ key: SHOP, value: { ...shop, ...patch } });
  });
}

const LAST_EXPORT = 'lastExportAt';

/** When members were last exported from this device (the backup reminder). */
export async function getLastExportAt(db: SetiaDB): Promise<number | null> {
  return ((await db.settings.get(LAST_EXPORT))?.value as number | undefined) ?? null;
}

export async function recordExport(db: SetiaDB, now: number): Promise<void> {
  await db.settings.put({ key: LAST_EXPORT, value: now });
}
