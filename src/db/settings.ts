/**
 * The shop's settings: one row, written at setup and by the owner. An owner's
 * edit carries a hybrid clock per setting and waits to be pushed, so that every
 * tablet of the shop ends with the same settings (latest edit wins, setting by setting).
 */
import type { ShopSettings } from '../domain/shop';
import { FIXED_SETTING_NAMES, type SettingClocks } from '../domain/settings-merge';
import { openCounter } from './device';
import type { SetiaDB } from './schema';

const SHOP = 'shop';
const SHOP_SYNC = 'shopSync';

/** Each setting's clock, and the settings edited here that the server has not acknowledged. */
export interface ShopSyncState {
  clocks: SettingClocks;
  pending: string[];
}

export async function getShopSync(db: SetiaDB): Promise<ShopSyncState> {
  return (
    ((await db.settings.get(SHOP_SYNC))?.value as ShopSyncState | undefined) ?? {
      clocks: {},
      pending: [],
    }
  );
}

export async function saveShopSync(db: SetiaDB, state: ShopSyncState): Promise<void> {
  await db.settings.put({ key: SHOP_SYNC, value: state });
}

export async function getShop(db: SetiaDB): Promise<ShopSettings | undefined> {
  return (await db.settings.get(SHOP))?.value as ShopSettings | undefined;
}

/** Replaces the shop's settings as they are (sync's merge); callers hold a transaction. */
export async function putShop(db: SetiaDB, shop: ShopSettings): Promise<void> {
  await db.settings.put({ key: SHOP, value: shop });
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

/**
 * The owner changes settings on this tablet: saved at once with a fresh clock
 * per setting and queued for sync, in one transaction. The shop's id, card key
 * and creation time never change.
 */
export async function updateShop(
  db: SetiaDB,
  patch: Partial<ShopSettings>,
  now = Date.now(),
): Promise<void> {
  if (Object.keys(patch).some((k) => FIXED_SETTING_NAMES.includes(k)))
    throw new Error('shop.fixedSetting');
  const names = Object.keys(patch).filter((k) => patch[k as keyof ShopSettings] !== undefined);
  await db.transaction('rw', db.settings, async () => {
    const shop = await getShop(db);
    if (!shop) throw new Error('shop.missing');
    const counter = await openCounter(db, now);
    const hlc = counter.nextHlc(now);
    const sync = await getShopSync(db);
    await db.settings.put({ key: SHOP, value: { ...shop, ...patch } });
    await saveShopSync(db, {
      clocks: { ...sync.clocks, ...Object.fromEntries(names.map((n) => [n, hlc])) },
      pending: [...new Set([...sync.pending, ...names])],
    });
    await counter.save(db);
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
