/**
 * What a device may push, checked before anything of the push is stored: its
 * own identity (its server id, or the one local id it used before pairing),
 * sane sequence numbers, staff the shop has, nothing only the server writes,
 * no clock far ahead of the server's, and settings only with the owner's
 * authority. A refused push stores nothing.
 */
import type { Kysely } from 'kysely';
import { isClockAhead } from '../../domain/clock-bounds';
import { DEFAULT_STAFF_ID } from '../../domain/shop';
import { parseHlc } from '../../domain/hlc';
import type { PushRequest } from '../../shared/sync-protocol';
import { SERVER_DEVICE } from './cards';
import { shopSettings } from './devices';
import type { Database } from './schema';
import { StoreError, type DeviceAuth } from './store-error';

/** A device's own numbering: far above anything a shop makes, far below a forged 1e9. */
export const SEQ_MAX = 10_000_000;
/** The staff id of the server's own events (a customer's rating from their card). */
const CUSTOMER_STAFF = 'customer';

const wrongDevice = () =>
  new StoreError(
    403,
    'wrong_device',
    'This push carries another device’s id; nothing was stored. Each tablet pushes only its own.',
  );

export async function checkPush(
  db: Kysely<Database>,
  auth: DeviceAuth,
  push: PushRequest,
): Promise<void> {
  const now = auth.now ?? Date.now();
  const items = [...push.events, ...push.memberChanges];

  for (const e of push.events)
    if (e.deviceId === SERVER_DEVICE || e.staffId === CUSTOMER_STAFF)
      throw new StoreError(
        403,
        'server_only',
        'A customer’s rating from their card is written by the server only; nothing was stored.',
      );
  for (const item of items)
    if (item.seq < 1 || item.seq > SEQ_MAX)
      throw new StoreError(400, 'bad_seq', `seq must be from 1 to ${SEQ_MAX}; nothing was stored.`);

  if (push.settings?.length && !(auth.owner ?? auth.role !== 'counter'))
    throw new StoreError(
      403,
      'owner_only',
      'Only the owner can change the shop’s settings. Unlock the owner area on this tablet first.',
    );

  const clocks = [
    ...push.memberChanges.map((c) => c.hlc),
    ...(push.settings ?? []).map((s) => s.hlc),
  ];
  if (clocks.some((hlc) => isClockAhead(hlc, now)))
    throw new StoreError(
      400,
      'clock_ahead',
      'An edit is stamped more than 5 minutes ahead of the server’s time; set this tablet’s clock right. Nothing was stored.',
    );

  // Who made each item: its device id, and the node of its clock.
  const claimed = new Set<string>();
  for (const item of items) claimed.add(item.deviceId);
  for (const hlc of clocks) claimed.add(parseHlc(hlc)?.node ?? '');
  claimed.delete(auth.deviceId);
  if (auth.legacyId) claimed.delete(auth.legacyId);

  if (push.events.length > 0) await checkStaff(db, auth.shopId, push);

  if (claimed.size === 0) return;
  if (claimed.size > 1 || auth.legacyId || auth.role === undefined) throw wrongDevice();
  await bindLegacyId(db, auth, [...claimed][0]!);
}

/** Events are made by the owner or by staff the shop has (or adds in this same push). */
async function checkStaff(db: Kysely<Database>, shopId: string, push: PushRequest) {
  const known = new Set<string>([DEFAULT_STAFF_ID]);
  const needed = new Set(push.events.map((e) => e.staffId));
  needed.delete(DEFAULT_STAFF_ID);
  if (needed.size === 0) return;
  for (const s of (await shopSettings(db, shopId)).staff ?? []) known.add(s.id);
  for (const change of push.settings ?? [])
    for (const s of change.fields.staff ?? []) known.add(s.id);
  for (const id of needed)
    if (!known.has(id))
      throw new StoreError(
        403,
        'unknown_staff',
        `This push names staff "${id.slice(0, 40)}" the shop does not have; nothing was stored.`,
      );
}

/**
 * A tablet whose events predate pairing carries its local id: the first such id
 * it pushes becomes its own, if no other device of the shop is or has used it.
 */
async function bindLegacyId(db: Kysely<Database>, auth: DeviceAuth, legacyId: string) {
  const taken = await db
    .selectFrom('devices')
    .select('id')
    .where('shop_id', '=', auth.shopId)
    .where('id', '!=', auth.deviceId)
    .where((eb) => eb.or([eb('id', '=', legacyId), eb('legacy_id', '=', legacyId)]))
    .executeTakeFirst();
  if (taken) throw wrongDevice();
  try {
    const bound = await db
      .updateTable('devices')
      .set({ legacy_id: legacyId })
      .where('id', '=', auth.deviceId)
      .where('legacy_id', 'is', null)
      .executeTakeFirst();
    if (Number(bound.numUpdatedRows) !== 1) throw wrongDevice();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw wrongDevice(); // another device bound it at the same moment (unique index)
  }
}
