/**
 * The store at its edges, part d: what the migrations make — a log sequence
 * number never given twice, and exactly the schema a shipped database has. The
 * other edges are in store-edges.test.ts. SQLite always; PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testShop } from '../../shared/test-shop';
import { backends, dropBackend } from '../test-backends';
import { stampEvent, uid } from '../testing/events';
import type { StoreOptions } from './connect';
import { Store } from './store';

const T = 1_750_000_000_000; // 2025-06-15T15:06:40Z

describe.each(backends())('the store at its edges (d) on %s', (name, options) => {
  let fresh = 0;
  /**
   * A database of its own, opened in the test (so the migrations run inside it);
   * PostgreSQL: a schema of its own, dropped after (also when opening fails).
   */
  async function withFreshStore(run: (store: Store) => Promise<void>) {
    const opts: StoreOptions = options.databaseUrl
      ? { ...options, pgSchema: `${options.pgSchema}_d${++fresh}` }
      : { dataDir: ':memory:' };
    try {
      const store = await Store.open(opts);
      try {
        await run(store);
      } finally {
        await store.close();
      }
    } finally {
      await dropBackend(opts);
    }
  }

  async function ownerOf(store: Store) {
    const shop = await testShop();
    const grant = await store.registerShop(shop, 'Owner', T, { policy: { mode: 'open' } });
    return { shop, auth: { ...(await store.authenticate(grant.token))!, now: T } };
  }

  // ---- schema.ts ----

  it('a log sequence number is never given twice, even once its row is gone', async () => {
    await withFreshStore(async (store) => {
      const { shop, auth } = await ownerOf(store);
      const member = uid('MEMSEQ');
      const d = auth.deviceId;
      await store.push(auth, {
        events: [stampEvent(member, d, 1, T - 30), stampEvent(member, d, 2, T - 20)],
        memberChanges: [],
      });
      const seqs = (await store.pull(shop.shopId, 0, 10)).items.map((i) => i.seq);
      expect(seqs).toHaveLength(2);
      // The last row goes (an operator's repair, say): its number stays used.
      await store.db.deleteFrom('log').where('seq', '=', seqs[1]!).execute();
      await store.push(auth, {
        events: [stampEvent(member, d, 3, T - 10)],
        memberChanges: [],
      });
      const after = (await store.pull(shop.shopId, 0, 10)).items.map((i) => i.seq);
      expect(after).toHaveLength(2);
      expect(after[0]).toBe(seqs[0]);
      expect(after[1]).toBeGreaterThan(seqs[1]!);
    });
  });

  it('a new database has exactly the schema the shipped migrations make', async () => {
    // Never edit a migration that has shipped: databases made by it have this schema.
    await withFreshStore(async (store) => {
      if (store.dialect === 'postgres') {
        // Every time in milliseconds, and the log's sequence, is past 2^31: a bigint.
        const numbers = await sql<{ t: string; c: string; type: string; d: string | null }>`
          select table_name as t, column_name as c, data_type as type, column_default as d
          from information_schema.columns
          where table_schema = current_schema() and table_name not like 'kysely%'
            and data_type <> 'text'
          order by table_name, ordinal_position`.execute(store.db);
        expect(numbers.rows.map((r) => `${r.t}.${r.c} ${r.type}${r.d ? ` ${r.d}` : ''}`)).toEqual([
          'devices.created_at bigint',
          'devices.revoked_at bigint',
          'guesses.fails integer',
          'guesses.until bigint',
          "log.seq bigint nextval('log_seq_seq'::regclass)",
          'owner_sessions.last_used_at bigint',
          'pairing_codes.expires_at bigint',
          'self_join_tries.at bigint',
          'server_identity.one integer',
          'server_identity.created_at bigint',
          'shop_usage.day_events bigint',
          'shop_usage.stored_bytes bigint',
          'shops.created_at bigint',
          'signup_codes.created_at bigint',
          'signup_codes.used_at bigint',
        ]);
        return;
      }
      const rows = await sql<{ type: string; name: string; sql: string }>`
        select type, name, sql from sqlite_master
        where name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
        store.db,
      );
      expect(rows.rows.map((r) => `${r.type} ${r.name}: ${r.sql}`)).toEqual([
        'table devices: CREATE TABLE "devices" ("id" text primary key, "shop_id" text not null references "shops" ("id"), "token_hash" text not null unique, "name" text not null, "created_at" integer not null, "revoked_at" integer, "role" text default \'counter\' not null, "legacy_id" text)',
        'index devices_legacy_id: CREATE UNIQUE INDEX "devices_legacy_id" on "devices" ("shop_id", "legacy_id")',
        'table guesses: CREATE TABLE "guesses" ("key" text primary key, "fails" integer not null, "until" integer not null)',
        'table log: CREATE TABLE "log" ("seq" integer primary key autoincrement, "shop_id" text not null, "id" text not null, "kind" text not null, "member_id" text not null, "body" text not null, constraint "log_shop_item" unique ("shop_id", "id"))',
        'index log_by_member: CREATE INDEX "log_by_member" on "log" ("shop_id", "member_id", "seq")',
        'index log_by_shop_seq: CREATE INDEX "log_by_shop_seq" on "log" ("shop_id", "seq")',
        'table members: CREATE TABLE "members" ("id" text primary key, "shop_id" text not null, "fields" text not null, "clocks" text not null)',
        'table owner_sessions: CREATE TABLE "owner_sessions" ("token_hash" text primary key, "shop_id" text not null, "device_id" text not null, "last_used_at" integer not null)',
        'table pairing_codes: CREATE TABLE "pairing_codes" ("code_hash" text primary key, "shop_id" text not null references "shops" ("id"), "expires_at" integer not null, "role" text default \'counter\' not null)',
        'table ratings: CREATE TABLE "ratings" ("shop_id" text not null, "member_id" text not null, "visit_id" text not null, constraint "ratings_once_per_visit" primary key ("shop_id", "member_id", "visit_id"))',
        'table self_join_tries: CREATE TABLE "self_join_tries" ("shop_id" text not null, "address" text not null, "at" integer not null)',
        'index self_join_tries_by_address: CREATE INDEX "self_join_tries_by_address" on "self_join_tries" ("address", "at")',
        'index self_join_tries_by_shop: CREATE INDEX "self_join_tries_by_shop" on "self_join_tries" ("shop_id", "at")',
        'table server_identity: CREATE TABLE "server_identity" ("one" integer primary key check (one = 1), "id" text not null, "created_at" integer not null)',
        'table shop_usage: CREATE TABLE "shop_usage" ("shop_id" text primary key, "day" text not null, "day_events" integer not null, "stored_bytes" integer not null)',
        'table shops: CREATE TABLE "shops" ("id" text primary key, "settings" text not null, "created_at" integer not null, "settings_clocks" text default \'{}\' not null)',
        'table signup_codes: CREATE TABLE "signup_codes" ("code_hash" text primary key, "created_at" integer not null, "used_at" integer, "shop_id" text)',
      ]);
    });
  });
});
