/**
 * A customer joins from their own phone (the counter poster): the server
 * writes the new member into the shop's log as a member change of its own
 * device, so every tablet gets them at its next pull, and signs their card
 * link with the shop's card key. Joins are counted in the database, per shop
 * and per address, so several server processes share one limit.
 */
import type { Kysely, Migration } from 'kysely';
import { hlcToString } from '../../domain/hlc';
import {
  cleanName,
  validateMemberInput,
  type MemberErrors,
  type MemberFields,
} from '../../domain/member';
import { normalisePhone } from '../../domain/phone';
import type { ShopSettings } from '../../domain/shop';
import { checkClaimCode, signCard } from '../../shared/card-link';
import {
  SELF_JOIN_PER_ADDRESS,
  SELF_JOIN_PER_SHOP,
  SELF_JOIN_WINDOW_MS,
  type ClaimCardRequest,
  type JoinInfo,
  type SelfJoinRequest,
} from '../../shared/self-join';
import type { MemberChangeWire } from '../../shared/sync-protocol';
import { monotonicFactory } from '../../shared/ulid';
import { SERVER_DEVICE } from './cards';
import { clearTries, takeTry } from './guesses';
import { appendServerItem } from './log-lock';
import type { Database, Dialect } from './schema';
import { sha256, StoreError } from './store-error';

export interface SelfJoinTryTable {
  shop_id: string;
  /** SHA-256 of the caller's address: counted, never kept in clear. */
  address: string;
  at: number;
}

type WithTries = Database & { self_join_tries: SelfJoinTryTable };

export function selfJoinMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0003-self-join-tries': {
      async up(db: Kysely<unknown>) {
        const big = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
          .createTable('self_join_tries')
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('self_join_tries_by_shop')
          .on('self_join_tries')
          .columns(['shop_id', 'at'])
          .execute();
        await db.schema
          .createIndex('self_join_tries_by_address')
          .on('self_join_tries')
          .columns(['address', 'at'])
          .execute();
      },
    },
  };
}

const newId = monotonicFactory();

async function findShop(db: Kysely<Database>, shopId: string): Promise<ShopSettings> {
  const row = await db
    .selectFrom('shops')
    .select('settings')
    .where('id', '=', shopId)
    .executeTakeFirst();
  if (!row)
    throw new StoreError(404, 'no_shop', 'This shop is not on this server. Ask at the counter.');
  return JSON.parse(row.settings) as ShopSettings;
}

/** The join page's header: the shop's name and whether it takes members from phones. */
export async function joinInfo(db: Kysely<Database>, shopId: string): Promise<JoinInfo> {
  const shop = await findShop(db, shopId);
  return { shopName: shop.name, country: shop.country, open: shop.selfJoin !== false };
}

/** What a refused form says, field by field (the page words it from these codes). */
export class SelfJoinInvalid extends StoreError {
  constructor(readonly fields: MemberErrors) {
    super(400, 'invalid_member', 'Check the form: a name and a valid phone number are needed.');
  }
}

/** Counts this try, or refuses when the shop or the address has had too many this hour. */
async function countTry(db: Kysely<WithTries>, shopId: string, address: string, now: number) {
  const since = now - SELF_JOIN_WINDOW_MS;
  await db.deleteFrom('self_join_tries').where('at', '<', since).execute();
  const [byShop, byAddress] = await Promise.all([
    db
      .selectFrom('self_join_tries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shop_id', '=', shopId)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('self_join_tries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('address', '=', address)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(byShop.n) >= SELF_JOIN_PER_SHOP || Number(byAddress.n) >= SELF_JOIN_PER_ADDRESS)
    throw new StoreError(
      429,
      'too_many_joins',
      'Too many sign-ups from here just now. Ask at the counter, or try again in an hour.',
    );
  await db.insertInto('self_join_tries').values({ shop_id: shopId, address, at: now }).execute();
}

/**
 * Joins a customer: checks the form, refuses a phone that is already a member
 * (their card is never handed out by phone number alone) and stores the member.
 * Returns the signed card token.
 */
export async function selfJoin(
  database: Kysely<Database>,
  dialect: Dialect,
  shopId: string,
  request: SelfJoinRequest,
  caller: string,
  now: number,
): Promise<{ cardToken: string }> {
  const db = database.withTables<{ self_join_tries: SelfJoinTryTable }>();
  const shop = await findShop(db, shopId);
  if (shop.selfJoin === false)
    throw new StoreError(
      403,
      'self_join_off',
      'This shop takes new members at the counter only. Ask the cashier.',
    );
  const today = new Date(now).toISOString().slice(0, 10);
  const birthday = request.birthday?.trim() ?? '';
  const errors = validateMemberInput(
    { name: request.name, phone: request.phone, email: '', birthday, marketingConsent: false },
    today,
  );
  const phone = normalisePhone(request.phone, shop.country);
  if (!phone.ok) errors.phone = 'phone.invalid';
  if (Object.keys(errors).length > 0 || !phone.ok) throw new SelfJoinInvalid(errors);
  await countTry(db, shopId, sha256(caller), now);

  const e164 = phone.phone.e164;
  if ((await phoneHolders(db, shopId, e164)).length > 0)
    throw new StoreError(
      409,
      'already_member',
      'You are already a member: ask at the counter to open your card on this phone.',
    );

  const memberId = newId(now);
  const hlc = hlcToString({ millis: now, counter: 0, node: SERVER_DEVICE });
  const fields: MemberFields = {
    name: cleanName(request.name),
    phone: e164,
    email: null,
    birthday: birthday || null,
    marketingConsent: request.marketingConsent,
    consentAt: request.marketingConsent ? now : null,
    anonymised: false,
    selfJoined: true,
  };
  const change: MemberChangeWire = {
    id: newId(now),
    memberId,
    deviceId: SERVER_DEVICE,
    // Tablets order a device's changes by seq; the server's own go by time.
    seq: now,
    hlc,
    fields,
    at: now,
  };
  const clocks = Object.fromEntries(Object.keys(fields).map((f) => [f, hlc]));
  await database.transaction().execute(async (trx) => {
    await trx
      .insertInto('members')
      .values({
        id: memberId,
        shop_id: shopId,
        fields: JSON.stringify(fields),
        clocks: JSON.stringify(clocks),
      })
      .execute();
    await appendServerItem(trx, dialect, {
      shop_id: shopId,
      id: change.id,
      kind: 'member',
      member_id: memberId,
      body: JSON.stringify(change),
    });
  });
  return { cardToken: await signCard(memberId, shop.cardKey) };
}

/** The shop's members with this phone (stored as JSON.stringify writes it: `"phone":"+62…"`). */
async function phoneHolders(db: Kysely<Database>, shopId: string, e164: string): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('fields', 'like', `%"phone":${JSON.stringify(e164)}%`)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A phone already a member gets its card back with the code a shop tablet
 * shows for that member (card-link.ts claimCode). Wrong codes are counted per
 * shop and phone in the database: five, then growing waits.
 */
export async function claimCard(
  db: Kysely<Database>,
  shopId: string,
  request: ClaimCardRequest,
  now: number,
): Promise<{ cardToken: string }> {
  const shop = await findShop(db, shopId);
  const phone = normalisePhone(request.phone, shop.country);
  if (!phone.ok)
    throw new StoreError(400, 'invalid_phone', 'Enter the phone number you joined with.');
  const key = `claim:${shopId}:${phone.phone.e164}`;
  const wait = await takeTry(db, key, now);
  if (wait > 0)
    throw new StoreError(
      429,
      'too_many_tries',
      `Too many wrong codes. Wait ${Math.ceil(wait / 1000)} seconds and ask the cashier again.`,
      wait,
    );
  for (const memberId of await phoneHolders(db, shopId, phone.phone.e164))
    if (await checkClaimCode(memberId, shop.cardKey, request.code, now)) {
      await clearTries(db, key);
      return { cardToken: await signCard(memberId, shop.cardKey) };
    }
  throw new StoreError(
    403,
    'wrong_code',
    'This code is not right for this phone number. Ask the cashier for the code on the tablet.',
  );
}
