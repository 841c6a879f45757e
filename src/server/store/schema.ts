/**
 * The server's tables, one set for every shop it hosts (each row carries its
 * shop_id, and every query filters on it). The log holds the shop's events and
 * member changes in server order (seq): pulling is "everything after my cursor".
 */
import { randomBytes } from 'node:crypto';
import { sql, type Generated, type Kysely, type Migration } from 'kysely';
import { selfJoinMigrations } from './self-join';

export interface ShopTable {
  id: string;
  /** ShopSettings as JSON (name, card key, owner PIN hash, program). */
  settings: string;
  /** Per setting, the hybrid clock of the edit it holds (JSON; migration 0002). */
  settings_clocks: Generated<string>;
  created_at: number;
}

export interface DeviceTable {
  id: string;
  shop_id: string;
  /** SHA-256 of the device's token, hex: the token itself is never stored. */
  token_hash: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
  /** 'owner' (registered the shop, or paired as one) or 'counter' (migration 0003). */
  role: Generated<DeviceRole>;
  /** The one id its events carried before it paired (its local id), bound on first push (0003). */
  legacy_id: Generated<string | null>;
}

export interface PairingCodeTable {
  code_hash: string;
  shop_id: string;
  expires_at: number;
  /** The role the joining device gets (migration 0003). */
  role: Generated<DeviceRole>;
}

export interface LogTable {
  seq: Generated<number>;
  shop_id: string;
  id: string;
  kind: 'event' | 'member' | 'settings';
  /** '' for a settings change. */
  member_id: string;
  body: string;
}

export interface MemberTable {
  /** Member ids are unique across shops: a second shop cannot write to one. */
  id: string;
  shop_id: string;
  /** Merged fields and their clocks (JSON), for the customer's card. */
  fields: string;
  clocks: string;
}

// ── Hosting: usage for quotas, sign-up codes, the server's identity (migration 0010) ──

export interface ShopUsageTable {
  shop_id: string;
  /** The UTC day (YYYY-MM-DD) that day_events counts. */
  day: string;
  day_events: number;
  /** Bytes of the shop's log, as stored JSON. */
  stored_bytes: number;
}

export interface SignupCodeTable {
  /** SHA-256 of the code the operator handed out, hex. */
  code_hash: string;
  created_at: number;
  used_at: number | null;
  /** The shop that registered with it. */
  shop_id: string | null;
}

export interface ServerIdentityTable {
  /** Always 1: one row. */
  one: number;
  /** Random, made with the database: a restored backup keeps it, another server has another. */
  id: string;
  created_at: number;
}

// ---- Issue 15, server-auth: roles, owner sessions, counted guesses, one rating per visit ----

export type DeviceRole = 'owner' | 'counter';

/** A counter tablet's unlocked owner area: only the session token's hash is kept. */
export interface OwnerSessionTable {
  token_hash: string;
  shop_id: string;
  device_id: string;
  /** It lapses OWNER_SESSION_IDLE_MS after this; each use moves it on. */
  last_used_at: number;
}

/** Wrong answers per key ('owner-pin:<shop>', 'join:<address>', 'card:<member>'), shared by processes. */
export interface GuessTable {
  key: string;
  fails: number;
  /** No try is checked before this time (ms). */
  until: number;
}

/** The visit (its stamp event) a customer rated: the primary key makes it once per visit. */
export interface RatingTable {
  shop_id: string;
  member_id: string;
  visit_id: string;
}

// ---- end server-auth ----

export interface Database {
  shops: ShopTable;
  devices: DeviceTable;
  pairing_codes: PairingCodeTable;
  log: LogTable;
  members: MemberTable;
  shop_usage: ShopUsageTable;
  signup_codes: SignupCodeTable;
  server_identity: ServerIdentityTable;
  owner_sessions: OwnerSessionTable;
  guesses: GuessTable;
  ratings: RatingTable;
}

export type Dialect = 'sqlite' | 'postgres';

/** Migrations run at start, in order; never edit one that has shipped. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        const big = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
          .createTable('shops')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('settings', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('revoked_at', big)
          .execute();
        await db.schema
          .createTable('pairing_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
          .addColumn('expires_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('log')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addUniqueConstraint('log_shop_item', ['shop_id', 'id'])
          .execute();
        await db.schema
          .createIndex('log_by_shop_seq')
          .on('log')
          .columns(['shop_id', 'seq'])
          .execute();
        await db.schema
          .createIndex('log_by_member')
          .on('log')
          .columns(['shop_id', 'member_id', 'seq'])
          .execute();
        await db.schema
          .createTable('members')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('clocks', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002-settings-clocks': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('shops')
          .addColumn('settings_clocks', 'text', (c) => c.notNull().defaultTo('{}'))
          .execute();
      },
    },
    // ── Hosting (quotas, sign-up codes, server identity): kept apart from the other migrations ──
    '0010-hosting': {
      async up(db: Kysely<unknown>) {
        const big = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
          .createTable('shop_usage')
          .addColumn('shop_id', 'text', (c) => c.primaryKey())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('day_events', big, (c) => c.notNull())
          .addColumn('stored_bytes', big, (c) => c.notNull())
          .execute();
        // Shops that exist already start with what their log holds.
        await sql`insert into shop_usage (shop_id, day, day_events, stored_bytes)
          select shop_id, '', 0, sum(length(body)) from log group by shop_id`.execute(db);
        await db.schema
          .createTable('signup_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('used_at', big)
          .addColumn('shop_id', 'text')
          .execute();
        await db.schema
          .createTable('server_identity')
          .addColumn('one', 'integer', (c) => c.primaryKey().check(sql`one = 1`))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await sql`insert into server_identity (one, id, created_at)
          values (1, ${randomBytes(12).toString('base64url')}, ${Date.now()})`.execute(db);
      },
    },
    // ---- Issue 15, server-auth: roles and what guards them ----
    '0003-auth-roles': {
      async up(db: Kysely<unknown>) {
        const big = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
          .alterTable('devices')
          .addColumn('role', 'text', (c) => c.notNull().defaultTo('counter'))
          .execute();
        await db.schema.alterTable('devices').addColumn('legacy_id', 'text').execute();
        // A shop paired before roles: its earliest device still in use registered it.
        await sql`UPDATE devices SET role = 'owner' WHERE id = (
          SELECT d.id FROM devices d
          WHERE d.shop_id = devices.shop_id AND d.revoked_at IS NULL
          ORDER BY d.created_at, d.id LIMIT 1)`.execute(db);
        await db.schema
          .createIndex('devices_legacy_id')
          .on('devices')
          .columns(['shop_id', 'legacy_id'])
          .unique()
          .execute();
        await db.schema
          .alterTable('pairing_codes')
          .addColumn('role', 'text', (c) => c.notNull().defaultTo('counter'))
          .execute();
        await db.schema
          .createTable('owner_sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('last_used_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('guesses')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('fails', 'integer', (c) => c.notNull())
          .addColumn('until', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('ratings')
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('visit_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('ratings_once_per_visit', ['shop_id', 'member_id', 'visit_id'])
          .execute();
      },
    },
    // ---- end server-auth ----
    ...selfJoinMigrations(dialect),
  };
}
