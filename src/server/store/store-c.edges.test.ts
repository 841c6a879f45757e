/**
 * More of the store at its edges (cards, connect, devices, guesses, the log and
 * its lock, owner sessions), for what store-edges.test.ts leaves open: how long
 * a losing try keeps at the compare-and-set, a member another shop creates while
 * a push runs (on SQLite a trigger stands in for the other writer), and
 * PostgreSQL opened without a schema name. SQLite always; PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testShop } from '../../shared/test-shop';
import { backends, dropBackend } from '../test-backends';
import { refusal } from '../testing/refusal';
import { stampEvent, uid } from '../testing/events';
import { scratchDatabase } from '../testing/real-server';
import { takeTry } from './guesses';
import { Store } from './store';

const T = 1_750_000_000_000; // 2025-06-15T15:06:40Z

describe.each(backends())('the store at more of its edges on %s', (_name, options) => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(options);
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  // ---- guesses.ts ----

  it('a try that keeps losing the compare-and-set gives up after 50 rounds, not one more', async () => {
    // Every update misses, as if another request changed the count each time; count the rounds.
    let rounds = 0;
    const loses: KyselyPlugin = {
      transformQuery: ({ node }): RootOperationNode => {
        if (node.kind !== 'UpdateQueryNode') return node;
        rounds++;
        return store.db
          .updateTable('guesses')
          .set({ fails: 0 })
          .where(sql<boolean>`1 = 0`)
          .toOperationNode();
      },
      transformResult: ({ result }) => Promise.resolve(result),
    };
    const key = `test:${uid('ROUNDS')}`;
    expect(await takeTry(store.db.withPlugin(loses), key, T)).toBe(1000);
    expect(rounds).toBe(50);
    // Nothing was counted against the key: the next try is checked at once.
    expect(await takeTry(store.db, key, T)).toBe(0);
  });
});

// ---- log.ts on SQLite: a trigger stands in for another shop creating the same member at once ----

describe('a member another shop creates while a push runs, on SQLite', () => {
  it('is theirs: the push is refused whole, saying why, and stores nothing', async () => {
    const store = await Store.open({ dataDir: ':memory:' });
    try {
      const shop = await testShop();
      const grant = await store.registerShop(shop, 'Owner', T);
      const auth = { ...(await store.authenticate(grant.token))!, now: T };
      const member = uid('MEMRACE');
      // Our insert of the new member finds it made by another shop just before (and does nothing).
      await sql
        .raw(
          `create trigger created_meanwhile before insert on members
           when new.shop_id <> 'ANOTHERSHOP'
           begin insert into members (id, shop_id, fields, clocks)
             values (new.id, 'ANOTHERSHOP', '{}', '{}'); end`,
        )
        .execute(store.db);
      expect(
        await refusal(
          store.push(auth, {
            events: [stampEvent(member, auth.deviceId, 1, T - 10)],
            memberChanges: [],
          }),
        ),
      ).toEqual({
        status: 403,
        code: 'foreign_member',
        message: 'This push names a member of another shop; nothing was stored.',
      });
      expect((await store.pull(shop.shopId, 0, 10)).items).toEqual([]);
      // (The trigger's row went with the push's transaction; in a real race it is the other shop's.)
      const ours = await store.db
        .selectFrom('members')
        .select('id')
        .where('shop_id', '=', shop.shopId)
        .execute();
      expect(ours).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

// ---- connect.ts on PostgreSQL: a server given no schema name (production's DATABASE_URL) ----

for (const [name, options] of backends().filter(([n]) => n === 'PostgreSQL'))
  describe(`opening ${name} without a schema name`, () => {
    it('migrates into the database’s own schema and creates no other', async () => {
      const scratch = await scratchDatabase(
        options.databaseUrl!,
        `setia_noschema_${process.pid}_${Date.now().toString(36)}`,
      );
      try {
        const store = await Store.open({ databaseUrl: scratch.url });
        try {
          expect(store.dialect).toBe('postgres');
          const schemas = await sql<{ s: string }>`select schema_name as s
            from information_schema.schemata
            where schema_name not like 'pg\\_%' and schema_name <> 'information_schema'`.execute(
            store.db,
          );
          expect(schemas.rows.map((r) => r.s)).toEqual(['public']);
          const tables = await sql<{ t: string }>`select table_name as t
            from information_schema.tables where table_schema = 'public'`.execute(store.db);
          expect(tables.rows.map((r) => r.t)).toEqual(
            expect.arrayContaining(['log', 'shops', 'members', 'kysely_migration']),
          );
          const shop = await testShop();
          await store.registerShop(shop, 'Owner', T);
          expect((await store.shop(shop.shopId)).name).toBe(shop.name);
        } finally {
          await store.close();
        }
      } finally {
        await scratch.drop();
      }
    });
  });
