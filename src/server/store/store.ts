/**
 * What the sync server does with its database: shops, devices and pairing,
 * the push (each item stored once, whatever the retries) and the pull (in
 * server order, after a cursor), and the customer's card. Every query is
 * scoped to one shop.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { monotonicFactory } from '../../shared/ulid';
import { EMPTY_STATS, foldLedger } from '../../domain/balance';
import type { LedgerEvent } from '../../domain/ledger';
import { firstName, mergeMemberFields, type Member, type MemberFields } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { mergeSettingsChanges, type SettingClocks } from '../../domain/settings-merge';
import { feedbackOutcome } from '../../domain/stamp/feedback';
import { memberStanding } from '../../domain/stamp/standing';
import { verifyCard } from '../../shared/card-link';
import type {
  DeviceInfo,
  CardReply,
  DeviceGrant,
  MemberChangeWire,
  PullItem,
  PullReply,
  PushReply,
  PushRequest,
  SettingsChangeWire,
} from '../../shared/sync-protocol';
import { connect, type StoreOptions } from './connect';
import type { Database, Dialect } from './schema';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L: read aloud across a counter
const CODE_LENGTH = 8;

/** A request the store refuses; the route turns it into a 4xx with this message. */
export class StoreError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DeviceAuth {
  deviceId: string;
  shopId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const newDeviceId = () => randomBytes(8).toString('hex');
const newEventId = monotonicFactory();

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  static async open(options: StoreOptions = {}): Promise<Store> {
    const { db, dialect } = await connect(options);
    return new Store(db, dialect);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  /** The first tablet registers its shop and becomes its first device. */
  async registerShop(shop: ShopSettings, deviceName: string, now: number): Promise<DeviceGrant> {
    return this.db.transaction().execute(async (trx) => {
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
      await trx
        .insertInto('shops')
        .values({ id: shop.shopId, settings: JSON.stringify(shop), created_at: now })
        .execute();
      return this.addDevice(trx, shop, deviceName, now);
    });
  }

  private async addDevice(
    trx: Kysely<Database>,
    shop: ShopSettings,
    name: string,
    now: number,
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
      })
      .execute();
    return { deviceId, token, shop };
  }

  async shop(shopId: string): Promise<ShopSettings> {
    const row = await this.db
      .selectFrom('shops')
      .select('settings')
      .where('id', '=', shopId)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.settings) as ShopSettings;
  }

  /** The device holding this token, unless it was revoked. */
  async authenticate(token: string): Promise<DeviceAuth | null> {
    const row = await this.db
      .selectFrom('devices')
      .select(['id', 'shop_id', 'revoked_at'])
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return null;
    return { deviceId: row.id, shopId: row.shop_id };
  }

  async createPairingCode(
    shopId: string,
    now: number,
  ): Promise<{ code: string; expiresAt: number }> {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    const expiresAt = now + PAIRING_CODE_TTL_MS;
    await this.db.deleteFrom('pairing_codes').where('expires_at', '<', now).execute();
    await this.db
      .insertInto('pairing_codes')
      .values({ code_hash: sha256(code), shop_id: shopId, expires_at: expiresAt })
      .execute();
    return { code, expiresAt };
  }

  /** A new tablet joins with a pairing code (used once, within 10 minutes). */
  async join(code: string, deviceName: string, now: number): Promise<DeviceGrant | null> {
    const normal = code.toUpperCase().replace(/[\s-]/g, '');
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('pairing_codes')
        .select(['shop_id', 'expires_at'])
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
      const grant = await this.addDevice(trx, shop, deviceName, now);
      return { ...grant, settingsClocks: JSON.parse(shopRow.settings_clocks) as SettingClocks };
    });
  }

  async devices(shopId: string): Promise<DeviceInfo[]> {
    const rows = await this.db
      .selectFrom('devices')
      .select(['id', 'name', 'created_at', 'revoked_at'])
      .where('shop_id', '=', shopId)
      .orderBy('created_at')
      .execute();
    // PostgreSQL hands bigints back as strings.
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: Number(r.created_at),
      revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    }));
  }

  async revoke(shopId: string, deviceId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('shop_id', '=', shopId)
      .where('id', '=', deviceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Stores a push in one transaction: each event and member change once by its
   * id (a retried push changes nothing), each with the next server sequence.
   * Refuses the whole push if it names a member of another shop.
   */
  async push(auth: DeviceAuth, push: PushRequest): Promise<PushReply> {
    const { shopId } = auth;
    await this.db.transaction().execute(async (trx) => {
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
      for (const change of push.memberChanges) await this.mergeMember(trx, shopId, change);
      if (push.settings?.length) await this.mergeShopSettings(trx, shopId, push.settings);
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
  private async mergeShopSettings(
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
  private async mergeMember(trx: Kysely<Database>, shopId: string, change: MemberChangeWire) {
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
  async pull(shopId: string, cursor: number, limit: number): Promise<PullReply> {
    const rows = await this.db
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

  /**
   * The customer's card for a signed card token: first name, stamps, last visits.
   * Null when the token does not verify with the member's shop key.
   */
  async card(token: string, now = Date.now()): Promise<CardReply | null> {
    const found = await this.cardHolder(token);
    if (!found) return null;
    const { fields, shop, events } = found;
    const stats = foldLedger(events, EMPTY_STATS);
    return {
      shopName: shop.name,
      firstName: fields.anonymised ? '' : firstName(fields.name ?? '', shop.country),
      stampsPerCard: shop.stampsPerCard,
      rewardName: shop.rewardName,
      balance: stats.balance,
      tier: shop.program ? (memberStanding(shop.program, events, now).tier?.name ?? null) : null,
      recentVisits: stats.recentVisits.map((v) => ({ at: v.at, stamps: v.stamps })),
    };
  }

  /** The member, shop and events behind a signed card token (null when it does not verify). */
  private async cardHolder(token: string) {
    const memberId = token.split('.')[0] ?? '';
    const member = await this.db
      .selectFrom('members')
      .select(['shop_id', 'fields'])
      .where('id', '=', memberId)
      .executeTakeFirst();
    if (!member) return null;
    const shop = await this.shop(member.shop_id);
    if (!(await verifyCard(token, shop.cardKey)).ok) return null;
    // A duplicate the owner merged shows the card of the member it was merged into.
    let shownId = memberId;
    let fields = JSON.parse(member.fields) as Partial<MemberFields>;
    for (let hops = 0; fields.mergedInto && hops < 5; hops++) {
      const into = await this.db
        .selectFrom('members')
        .select('fields')
        .where('id', '=', fields.mergedInto)
        .where('shop_id', '=', member.shop_id)
        .executeTakeFirst();
      if (!into) break;
      shownId = fields.mergedInto;
      fields = JSON.parse(into.fields) as Partial<MemberFields>;
    }
    const rows = await this.db
      .selectFrom('log')
      .select('body')
      .where('shop_id', '=', member.shop_id)
      .where('member_id', '=', shownId)
      .where('kind', '=', 'event')
      .orderBy('seq')
      .execute();
    const events = rows.map((r) => JSON.parse(r.body) as LedgerEvent);
    return { memberId: shownId, shopId: member.shop_id, fields, shop, events };
  }

  /**
   * A customer rated their last visit from their card: stored as a ledger event
   * that the shop's tablets pull. Once per visit; the bonus (the shop's rules as
   * the server holds them) at most once a month.
   */
  async feedback(token: string, rating: number, comment: string | undefined, now: number) {
    const found = await this.cardHolder(token);
    if (!found) throw new StoreError(404, 'no_card', 'No card for this link.');
    const outcome = feedbackOutcome(found.shop.program, found.events, rating, now);
    if (outcome === 'feedback.noVisit')
      throw new StoreError(409, 'no_visit', 'There is no visit to rate yet.');
    if (outcome === 'feedback.alreadyRated')
      throw new StoreError(429, 'already_rated', 'This visit has already been rated. Thank you!');
    if (typeof outcome === 'string') throw new StoreError(400, 'bad_rating', 'Rate from 1 to 5.');
    const event: LedgerEvent = {
      id: newEventId(now),
      memberId: found.memberId,
      type: 'bonus',
      stamps: outcome.stamps,
      lines: [{ rule: 'feedback', stamps: outcome.stamps }],
      rating,
      ...(comment?.trim() ? { comment: comment.trim() } : {}),
      at: now,
      deviceId: SERVER_DEVICE,
      staffId: 'customer',
      // Tablets order a device's events by seq; the server's own events go by time.
      seq: now,
    };
    await this.db
      .insertInto('log')
      .values({
        shop_id: found.shopId,
        id: event.id,
        kind: 'event',
        member_id: event.memberId,
        body: JSON.stringify(event),
      })
      .execute();
  }
}

/** The device id the server's own events carry (a customer's feedback from their card). */
export const SERVER_DEVICE = 'server';

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
