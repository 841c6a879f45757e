/**
 * The shop's settings: one row, written at setup and by the owner. An owner's
 * edit carries a hybrid clock per setting and goes into the outbox, so that
 * every tablet of the shop ends with the same settings (latest edit wins,
 * setting by setting).
 */
import type { ShopSettings } from '../domain/shop';
import { FIXED_SETTING_NAMES, type SettingClocks } from '../domain/settings-merge';
import { loadDevice, saveDevice } from './device';
import { openOutbox } from './outbox';
import type { EditableSettings, SetiaDB } from './schema';

const SHOP = 'shop';
/** Each setting's clock (in a row still named for the pending list it also held up to version 5). */
const SETTING_CLOCKS = 'shopSync';

export async function getSettingClocks(db: SetiaDB): Promise<SettingClocks> {
  return (
    ((await db.settings.get(SETTING_CLOCKS))?.value as { clocks: SettingClocks } | undefined)
      ?.clocks ?? {}
  );
}

export async function saveSettingClocks(db: SetiaDB, clocks: SettingClocks): Promise<void> {
  await db.settings.put({ key: SETTING_CLOCKS, value: { clocks } });
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
    const device = await loadDevice(db, shop.createdAt);
    await db.settings.put({ key: SHOP, value: shop });
    await saveDevice(db, device);
  });
}

/** The tables an owner's settings edit writes: a caller wrapping updateShop opens them all. */
export const SHOP_EDIT_TABLES = (db: SetiaDB) => [db.settings, db.settingsChanges];

/**
 * The owner changes settings on this tablet: saved at once with a fresh clock
 * per setting and recorded in the outbox, in one transaction. The shop's id,
 * card key and creation time never change.
 */
export async function updateShop(
  db: SetiaDB,
  patch: Partial<ShopSettings>,
  now = Date.now(),
): Promise<void> {
  if (Object.keys(patch).some((k) => FIXED_SETTING_NAMES.includes(k)))
    throw new Error('shop.fixedSetting');
  const fields: EditableSettings = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  );
  const names = Object.keys(fields);
  await db.transaction('rw', SHOP_EDIT_TABLES(db), async () => {
    const shop = await getShop(db);
    if (!shop) throw new Error('shop.missing');
    const outbox = await openOutbox(db, now);
    const hlc = outbox.clock();
    const clocks = await getSettingClocks(db);
    await putShop(db, { ...shop, ...patch });
    await saveSettingClocks(db, { ...clocks, ...Object.fromEntries(names.map((n) => [n, hlc])) });
    if (names.length > 0) outbox.settingsChange(hlc, fields);
    await outbox.save();
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
