/**
 * The shop's log: a push stores each event, member change and settings edit
 * once by its id, each with the next server sequence; a pull reads them back
 * in that order after a cursor. Member fields and settings are also merged
 * into their rows (latest clock wins), for the card and for new tablets.
 */
import type { Insertable, Kysely } from 'kysely';
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
import { takeShopLogLock } from './log-lock';
import { checkPush } from './push-checks';
import type { Database, Dialect, LogTable } from './schema';
import { logHead } from './snapshot';
import { countUsage, type Quotas } from './quota';
import { chunks, StoreError, type DeviceAuth } from './store-error';

/**
 * Stores a push in one transaction: each event and member change once by its
 * id (a retried push changes nothing), each with the next server sequence.
 * Refuses the whole push if it names a member of another shop, or if it would
 * take the shop over a quota.
 */
export async function push(
  db: Kysely<Database>,
  dialect: Dialect,
  auth: DeviceAuth,
  push: PushRequest,
  quotas: Quotas,
  now: number,
): Promise<PushReply> {
  await checkPush(db, auth, push); // identity and authority (push-checks.ts)
  const { shopId } = auth;
  await db.transaction().execute(async (trx) => {
    // (Identity and role checks of the pushed items go here, before anything is written.)
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
      // Another shop may have created the same id at this very moment (its insert won
      // the race; ours waited for it and did nothing): the member is theirs, refuse.
      if (fresh.length > 0) {
        const taken = await trx
          .selectFrom('members')
          .select('id')
          .where('id', 'in', fresh)
          .where('shop_id', '!=', shopId)
          .executeTakeFirst();
        if (taken)
          throw new StoreError(
            403,
            'foreign_member',
            'This push names a member of another shop; nothing was stored.',
          );
      }
    }
    for (const change of push.memberChanges) await mergeMember(trx, shopId, change);
    if (push.settings?.length) await mergeShopSettings(trx, shopId, push.settings);

    const rows: LogRow[] = [
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
      // A settings edit's clock is its id: unique per device and edit.
      ...(push.settings ?? []).map((c) => ({
        shop_id: shopId,
        id: c.hlc,
        kind: 'settings' as const,
        member_id: '',
        body: JSON.stringify(c),
      })),
    ];
    await takeShopLogLock(trx, dialect, shopId);
    // Nothing but the shop's log (and its usage) is written from here to the commit,
    // so the lock is held briefly and no transaction waits on it while holding a row
    // another is waiting for.
    await countUsage(trx, shopId, await appendToLog(trx, rows), quotas, now);
  });
  return {
    events: push.events.map((e) => e.id),
    memberChanges: push.memberChanges.map((c) => c.id),
    ...(push.settings ? { settings: push.settings.map((s) => s.hlc) } : {}),
  };
}

type LogRow = Insertable<LogTable>;

/** Appends what is new (a retried item is skipped); returns how many rows and bytes it stored. */
async function appendToLog(
  trx: Kysely<Database>,
  rows: LogRow[],
): Promise<{ events: number; bytes: number }> {
  let events = 0;
  let bytes = 0;
  for (const part of chunks(rows, 500)) {
    const result = await trx
      .insertInto('log')
      .values(part)
      .onConflict((oc) => oc.columns(['shop_id', 'id']).doNothing())
      .executeTakeFirst();
    const inserted = Number(result.numInsertedOrUpdatedRows ?? 0);
    if (inserted === 0) continue;
    // A part stored only in part (a retry overlapping new items) is counted pro rata.
    const share = inserted / part.length;
    events += Math.round(part.filter((r) => r.kind === 'event').length * share);
    bytes += Math.round(part.reduce((n, r) => n + r.body.length, 0) * share);
  }
  return { events, bytes };
}

/**
 * The owner's settings edits (logged by the push for the other tablets to pull),
 * merged setting by setting into the shop's row, latest clock winning. The server reads only what it needs
 * (owner PIN, name, card key); any other setting is stored as it came.
 */
async function mergeShopSettings(
  trx: Kysely<Database>,
  shopId: string,
  changes: SettingsChangeWire[],
) {
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
  serverId: string,
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
  const last = page.at(-1)?.seq ?? cursor;
  // The head is the last row read unless the page was cut short or empty.
  const head = rows.length > 0 && rows.length <= limit ? last : await logHead(db, shopId);
  return {
    items,
    cursor: last,
    more: rows.length > limit,
    server: { id: serverId, head },
  };
}
