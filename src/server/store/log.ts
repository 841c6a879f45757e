/**
 * The shop's log: a push stores each event, member change and settings edit
 * once by its id, each with the next server sequence; a pull reads them back
 * in that order after a cursor. Member fields and settings are also merged
 * into their rows (latest clock wins), for the card and for new tablets.
 */
import type { Kysely } from 'kysely';
import { mergeMemberFields, type Member, type MemberFields } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { mergeSettingsChanges, type SettingClocks } from '../../domain/settings-merge';
import type {
  MemberChangeWire,
  PullItem,
  PullReply,
  PushReply,
  PushRequest,
  SettingsChangeWire,
} from '../../shared/sync-protocol';
import type { Database } from './schema';
import { chunks, StoreError, type DeviceAuth } from './store-error';

/**
 * Stores a push in one transaction: each event and member change once by its
 * id (a retried push changes nothing), each with the next server sequence.
 * Refuses the whole push if it names a member of another shop.
 */
export async function push(
  db: Kysely<Database>,
  auth: DeviceAuth,
  push: PushRequest,
): Promise<PushReply> {
  const { shopId } = auth;
  await db.transaction().execute(async (trx) => {
    const memberIds = [
      ...new Set([
        ...push.events.map((e) => e.memberId),
        ...push.memberChanges.map((c) => c.memberId),
      ]),
    ];
    for (const ids of chunks(memberIds, 500)) {
      const owned = await trx
        .selectFrom('members')
        .select(['id', 'shop_id'])
        .where('id', 'in', ids)
        .execute();
      if (owned.some((m) => m.shop_id !== shopId))
        throw new StoreError(
          403,
          'foreign_member',
          'This push names a member of another shop; nothing was stored.',
        );
      const known = new Set(owned.map((m) => m.id));
      const fresh = ids.filter((id) => !known.has(id));
      if (fresh.length > 0)
        await trx
          .insertInto('members')
          .values(fresh.map((id) => ({ id, shop_id: shopId, fields: '{}', clocks: '{}' })))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
    }
    const rows = [
      ...push.events.map((e) => ({
        shop_id: shopId,
        id: e.id,
        kind: 'event' as const,
        member_id: e.memberId,
        body: JSON.stringify(e),
      })),
      ...push.memberChanges.map((c) => ({
        shop_id: shopId,
        id: c.id,
        kind: 'member' as const,
        member_id: c.memberId,
        body: JSON.stringify(c),
      })),
    ];
    for (const part of chunks(rows, 500))
      await trx
        .insertInto('log')
        .values(part)
        .onConflict((oc) => oc.columns(['shop_id', 'id']).doNothing())
        .execute();
    for (const change of push.memberChanges) await mergeMember(trx, shopId, change);
    if (push.settings?.length) await mergeShopSettings(trx, shopId, push.settings);
  });
  return {
    events: push.events.map((e) => e.id),
    memberChanges: push.memberChanges.map((c) => c.id),
    ...(push.settings ? { settings: push.settings.map((s) => s.hlc) } : {}),
  };
}

/**
 * The owner's settings edits: each logged once (its clock is its id: unique per
 * device and edit) for the other tablets to pull, and merged setting by setting
 * into the shop's row, latest clock winning. The server reads only what it needs
 * (owner PIN, name, card key); any other setting is stored as it came.
 */
async function mergeShopSettings(
  trx: Kysely<Database>,
  shopId: string,
  changes: SettingsChangeWire[],
) {
  await trx
    .insertInto('log')
    .values(
      changes.map((c) => ({
        shop_id: shopId,
        id: c.hlc,
        kind: 'settings' as const,
        member_id: '',
        body: JSON.stringify(c),
      })),
    )
    .onConflict((oc) => oc.columns(['shop_id', 'id']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('shops')
    .select(['settings', 'settings_clocks'])
    .where('id', '=', shopId)
    .executeTakeFirstOrThrow();
  const { settings, clocks, changed } = mergeSettingsChanges(
    JSON.parse(row.settings) as ShopSettings,
    JSON.parse(row.settings_clocks) as SettingClocks,
    changes,
  );
  if (!changed) return;
  await trx
    .updateTable('shops')
    .set({ settings: JSON.stringify(settings), settings_clocks: JSON.stringify(clocks) })
    .where('id', '=', shopId)
    .execute();
}

/** Field by field, latest clock wins: applying a change twice or out of order is harmless. */
async function mergeMember(trx: Kysely<Database>, shopId: string, change: MemberChangeWire) {
  const row = await trx
    .selectFrom('members')
    .select(['fields', 'clocks'])
    .where('id', '=', change.memberId)
    .where('shop_id', '=', shopId)
    .executeTakeFirstOrThrow();
  const current = {
    ...JSON.parse(row.fields),
    clocks: JSON.parse(row.clocks),
  } as MemberFields & {
    clocks: Member['clocks'];
  };
  const { member, changed } = mergeMemberFields(current, change.fields, change.hlc);
  if (changed.length === 0) return;
  const { clocks, ...fields } = member;
  await trx
    .updateTable('members')
    .set({ fields: JSON.stringify(fields), clocks: JSON.stringify(clocks) })
    .where('id', '=', change.memberId)
    .where('shop_id', '=', shopId)
    .execute();
}

/** What was stored after `cursor`, in server order. */
export async function pull(
  db: Kysely<Database>,
  shopId: string,
  cursor: number,
  limit: number,
): Promise<PullReply> {
  const rows = await db
    .selectFrom('log')
    .select(['seq', 'kind', 'body'])
    .where('shop_id', '=', shopId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items: PullItem[] = page.map((r) =>
    r.kind === 'event'
      ? { seq: r.seq, kind: 'event', event: JSON.parse(r.body) }
      : r.kind === 'settings'
        ? { seq: r.seq, kind: 'settings', change: JSON.parse(r.body) }
        : { seq: r.seq, kind: 'member', change: JSON.parse(r.body) },
  );
  return { items, cursor: page.at(-1)?.seq ?? cursor, more: rows.length > limit };
}
