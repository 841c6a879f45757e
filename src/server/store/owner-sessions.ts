/**
 * A counter tablet's owner area, unlocked through the server: a session made
 * after the owner PIN was checked here, lapsing after five idle minutes. Kept
 * in the database (every server process sees it), only as a hash.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { sha256, type DeviceAuth } from './store-error';

export const OWNER_SESSION_IDLE_MS = 5 * 60_000;

export async function openOwnerSession(
  db: Kysely<Database>,
  auth: DeviceAuth,
  now: number,
): Promise<string> {
  const session = randomBytes(32).toString('base64url');
  await db
    .deleteFrom('owner_sessions')
    .where('last_used_at', '<', now - OWNER_SESSION_IDLE_MS)
    .execute();
  await db
    .insertInto('owner_sessions')
    .values({
      token_hash: sha256(session),
      shop_id: auth.shopId,
      device_id: auth.deviceId,
      last_used_at: now,
    })
    .execute();
  return session;
}

/** True when the session is this device's and still live; using it moves its idle time on. */
export async function touchOwnerSession(
  db: Kysely<Database>,
  auth: DeviceAuth,
  session: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('owner_sessions')
    .set({ last_used_at: now })
    .where('token_hash', '=', sha256(session))
    .where('shop_id', '=', auth.shopId)
    .where('device_id', '=', auth.deviceId)
    .where('last_used_at', '>=', now - OWNER_SESSION_IDLE_MS)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function endOwnerSession(
  db: Kysely<Database>,
  auth: DeviceAuth,
  session: string,
): Promise<void> {
  await db
    .deleteFrom('owner_sessions')
    .where('token_hash', '=', sha256(session))
    .where('device_id', '=', auth.deviceId)
    .execute();
}
