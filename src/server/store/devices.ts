/**
 * Shops, their devices and pairing: registering a shop, the tokens devices
 * sign in with, one-time pairing codes, the device list and revoking.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ShopSettings } from '../../domain/shop';
import type { SettingClocks } from '../../domain/settings-merge';
import type { DeviceGrant, DeviceInfo } from '../../shared/sync-protocol';
import type { Database, DeviceRole } from './schema';
import { sha256, StoreError, type DeviceAuth } from './store-error';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L: read aloud across a counter
const CODE_LENGTH = 8;

const newToken = () => randomBytes(32).toString('base64url');
const newDeviceId = () => randomBytes(8).toString('hex');

/** The first tablet registers its shop and becomes its first device. */
export async function registerShop(
  db: Kysely<Database>,
  shop: ShopSettings,
  deviceName: string,
  now: number,
  /** Whether this server takes the shop (sign-up policy); throws to refuse. */
  admit: (trx: Kysely<Database>) => Promise<void> = async () => {},
): Promise<DeviceGrant> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('shops')
      .select('id')
      .where('id', '=', shop.shopId)
      .executeTakeFirst();
    if (existing)
      throw new StoreError(
        409,
        'shop_exists',
        'This shop is already registered. Join it with a pairing code from the owner screen.',
      );
    await admit(trx);
    await trx
      .insertInto('shops')
      .values({ id: shop.shopId, settings: JSON.stringify(shop), created_at: now })
      .execute();
    // The tablet that registers the shop is its owner device.
    return addDevice(trx, shop, deviceName, now, 'owner');
  });
}

async function addDevice(
  trx: Kysely<Database>,
  shop: ShopSettings,
  name: string,
  now: number,
  role: DeviceRole,
): Promise<DeviceGrant> {
  const token = newToken();
  const deviceId = newDeviceId();
  await trx
    .insertInto('devices')
    .values({
      id: deviceId,
      shop_id: shop.shopId,
      token_hash: sha256(token),
      name,
      created_at: now,
      revoked_at: null,
      role,
    })
    .execute();
  return { deviceId, token, shop: shopFor(shop, role), role };
}

/** What a device of this role may hold of the settings: a counter tablet never gets the owner PIN's hash. */
export function shopFor(shop: ShopSettings, role: DeviceRole): DeviceGrant['shop'] {
  if (role === 'owner') return shop;
  const { ownerPin: _withheld, ...rest } = shop;
  return rest;
}

export async function shopSettings(db: Kysely<Database>, shopId: string): Promise<ShopSettings> {
  const row = await db
    .selectFrom('shops')
    .select('settings')
    .where('id', '=', shopId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.settings) as ShopSettings;
}

/** The device holding this token, unless it was revoked. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
): Promise<DeviceAuth | null> {
  const row = await db
    .selectFrom('devices')
    .select(['id', 'shop_id', 'revoked_at', 'role', 'legacy_id'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  return { deviceId: row.id, shopId: row.shop_id, role: row.role, legacyId: row.legacy_id };
}

export async function createPairingCode(
  db: Kysely<Database>,
  shopId: string,
  now: number,
  role: DeviceRole,
): Promise<{ code: string; expiresAt: number }> {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  await db.deleteFrom('pairing_codes').where('expires_at', '<', now).execute();
  await db
    .insertInto('pairing_codes')
    .values({ code_hash: sha256(code), shop_id: shopId, expires_at: expiresAt, role })
    .execute();
  return { code, expiresAt };
}

/** A new tablet joins with a pairing code (used once, within 10 minutes). */
export async function join(
  db: Kysely<Database>,
  code: string,
  deviceName: string,
  now: number,
): Promise<DeviceGrant | null> {
  const normal = code.toUpperCase().replace(/[\s-]/g, '');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('pairing_codes')
      .select(['shop_id', 'expires_at', 'role'])
      .where('code_hash', '=', sha256(normal))
      .executeTakeFirst();
    if (!row || row.expires_at < now) return null;
    await trx.deleteFrom('pairing_codes').where('code_hash', '=', sha256(normal)).execute();
    const shopRow = await trx
      .selectFrom('shops')
      .select(['settings', 'settings_clocks'])
      .where('id', '=', row.shop_id)
      .executeTakeFirstOrThrow();
    const shop = JSON.parse(shopRow.settings) as ShopSettings;
    const grant = await addDevice(trx, shop, deviceName, now, row.role);
    return { ...grant, settingsClocks: JSON.parse(shopRow.settings_clocks) as SettingClocks };
  });
}

export async function devices(db: Kysely<Database>, shopId: string): Promise<DeviceInfo[]> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name', 'created_at', 'revoked_at', 'role'])
    .where('shop_id', '=', shopId)
    .orderBy('created_at')
    .execute();
  // PostgreSQL hands bigints back as strings.
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: Number(r.created_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    role: r.role,
  }));
}

export async function revoke(
  db: Kysely<Database>,
  shopId: string,
  deviceId: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where('shop_id', '=', shopId)
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
