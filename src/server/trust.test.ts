/**
 * Issue 15: a sync server a shop can trust. Each finding of the issue, tried
 * as an attacker would, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hlcToString } from '../domain/hlc';
import type { LedgerEvent } from '../domain/ledger';
import { hashPin } from '../shared/pin';
import { testShop, TEST_OWNER_PIN } from '../shared/test-shop';
import { createServerApp } from './app';
import { migrations } from './store/schema';
import { Store } from './store/store';
import { backends, dropBackend } from './test-backends';
import { stampEvent, uid } from './testing/events';

const PIN = TEST_OWNER_PIN;

describe.each(backends())('a server a shop can trust, on %s', (_name, options) => {
  let store: Store;
  let now = 1_750_000_000_000;
  let app: ReturnType<typeof createServerApp>;
  beforeAll(async () => {
    store = await Store.open(options);
    app = createServerApp({ store, clock: () => now, signup: { mode: 'open' } });
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  type Reply = { status: number; body: Record<string, unknown> };
  const call = async (
    method: string,
    path: string,
    o: { token?: string; json?: unknown; session?: string; type?: string } = {},
  ): Promise<Reply> => {
    const res = await app.request(`/api${path}`, {
      method,
      headers: {
        'content-type': o.type ?? 'application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(o.session ? { 'x-owner-session': o.session } : {}),
      },
      body: o.json === undefined ? undefined : JSON.stringify(o.json),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** A shop with its owner device and one counter tablet. */
  async function shopWithCounter() {
    const shop = await testShop();
    const reg = await call('POST', '/shops', { json: { shop, deviceName: 'Owner' } });
    const owner = reg.body.token as string;
    const code = await call('POST', '/pairing-codes', { token: owner, json: { ownerPin: PIN } });
    const joined = await call('POST', '/devices/join', {
      json: { code: code.body.code, deviceName: 'Counter' },
    });
    return {
      shop,
      owner,
      ownerId: reg.body.deviceId as string,
      counter: joined.body.token as string,
      counterId: joined.body.deviceId as string,
      joined,
    };
  }

  const stamp = (
    memberId: string,
    deviceId: string,
    seq: number,
    extra: Partial<LedgerEvent> = {},
  ) => stampEvent(memberId, deviceId, seq, now, extra);

  const push = (token: string, json: unknown, session?: string) =>
    call('POST', '/sync/push', { token, json, ...(session ? { session } : {}) });

  it('a counter tablet cannot take over the shop: settings pushes are owner-only, the owner PIN keeps working', async () => {
    const { shop, owner, counter, counterId, joined } = await shopWithCounter();
    expect(joined.body.role).toBe('counter');
    expect(joined.body.shop).not.toHaveProperty('ownerPin');
    const takeover = await push(counter, {
      events: [],
      memberChanges: [],
      settings: [
        {
          hlc: hlcToString({ millis: now, counter: 0, node: counterId }),
          fields: { ownerPin: await hashPin('0000', 100_000), name: 'Mine now' },
        },
      ],
    });
    expect(takeover).toMatchObject({ status: 403, body: { error: 'owner_only' } });
    expect(await store.shop(shop.shopId)).toEqual(shop); // nothing stored
    const code = await call('POST', '/pairing-codes', { token: owner, json: { ownerPin: PIN } });
    expect(code.status).toBe(201);
    // Nor can it make pairing codes, list or revoke devices.
    expect(
      (await call('POST', '/pairing-codes', { token: counter, json: { ownerPin: PIN } })).body
        .error,
    ).toBe('owner_only');
    expect((await call('GET', '/devices', { token: counter })).body.error).toBe('owner_only');
    expect(
      (await call('POST', `/devices/x/revoke`, { token: counter, json: { ownerPin: PIN } })).body
        .error,
    ).toBe('owner_only');
  });

  it('a counter tablet unlocks the owner area through the server, for five idle minutes', async () => {
    const { shop, owner, counter, counterId, ownerId } = await shopWithCounter();
    expect(
      (await call('POST', '/owner-sessions', { token: counter, json: { ownerPin: '1357' } })).body
        .error,
    ).toBe('wrong_pin');
    const opened = await call('POST', '/owner-sessions', {
      token: counter,
      json: { ownerPin: PIN },
    });
    expect(opened).toMatchObject({ status: 200, body: { idleMs: 300_000 } });
    const session = opened.body.session as string;
    // Another device cannot use it.
    expect((await call('GET', '/devices', { token: owner, session })).status).toBe(200);
    const listed = await call('GET', '/devices', { token: counter, session });
    expect(listed.status).toBe(200);
    expect(listed.body.devices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ownerId, role: 'owner' }),
        expect.objectContaining({ id: counterId, role: 'counter' }),
      ]),
    );
    const renamed = await push(
      counter,
      {
        events: [],
        memberChanges: [],
        settings: [
          {
            hlc: hlcToString({ millis: now, counter: 0, node: counterId }),
            fields: { name: 'Kopi Baru' },
          },
        ],
      },
      session,
    );
    expect(renamed.status).toBe(200);
    expect((await store.shop(shop.shopId)).name).toBe('Kopi Baru');
    const code = await call('POST', '/pairing-codes', { token: counter, session, json: {} });
    expect(code.status).toBe(201);
    now += 5 * 60_000 + 1; // five idle minutes
    expect((await call('GET', '/devices', { token: counter, session })).body.error).toBe(
      'owner_only',
    );
    const again = await call('POST', '/owner-sessions', {
      token: counter,
      json: { ownerPin: PIN },
    });
    const second = again.body.session as string;
    expect(
      (await call('DELETE', '/owner-sessions', { token: counter, session: second })).status,
    ).toBe(200);
    expect((await call('GET', '/devices', { token: counter, session: second })).status).toBe(403);
  });

  it('pulls settings to a counter tablet without the owner PIN hash', async () => {
    const { owner, counter, ownerId } = await shopWithCounter();
    const newPin = await hashPin('97531', 100_000);
    const hlc = (i: number) => hlcToString({ millis: now + i, counter: 0, node: ownerId });
    const res = await push(owner, {
      events: [],
      memberChanges: [],
      settings: [
        { hlc: hlc(1), fields: { ownerPin: newPin } },
        { hlc: hlc(2), fields: { ownerPin: newPin, rewardName: 'Free tea' } },
      ],
    });
    expect(res.status).toBe(200);
    const mine = await call('GET', '/sync/pull?cursor=0', { token: counter });
    expect(mine.body.you).toMatchObject({ role: 'counter' });
    expect(JSON.stringify(mine.body.items)).not.toContain('ownerPin');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ change: { hlc: hlc(2), fields: { rewardName: 'Free tea' } } }),
    ]);
    const theirs = await call('GET', '/sync/pull?cursor=0', { token: owner });
    expect(JSON.stringify(theirs.body.items)).toContain('ownerPin');
  });

  it('binds what a tablet pushes to it: its own id, or the one local id it had before pairing', async () => {
    const { owner, counter, counterId } = await shopWithCounter();
    const member = uid('MEM');
    // A tablet whose events predate the change: made offline under a local id.
    const legacy = 'localtab01';
    const first = await push(counter, { events: [stamp(member, legacy, 1)], memberChanges: [] });
    expect(first.status).toBe(200);
    expect(
      (
        await push(counter, {
          events: [stamp(member, legacy, 2), stamp(member, counterId, 3)],
          memberChanges: [],
        })
      ).status,
    ).toBe(200);
    const pulled = async () =>
      ((await call('GET', '/sync/pull?cursor=0', { token: owner })).body.items as unknown[]).length;
    const stored = await pulled();
    expect(stored).toBe(3);

    const refused: [string, unknown, number, string][] = [
      // Another tablet's id (the owner writing as the counter, or as its local id).
      [
        'victim id',
        { events: [stamp(member, counterId, 1e6)], memberChanges: [] },
        403,
        'wrong_device',
      ],
      [
        'victim legacy id',
        { events: [stamp(member, legacy, 99)], memberChanges: [] },
        403,
        'wrong_device',
      ],
      ['seq 1e9', { events: [stamp(member, counterId, 1e9)], memberChanges: [] }, 400, 'bad_seq'],
      ['server', { events: [stamp(member, 'server', 5)], memberChanges: [] }, 403, 'server_only'],
      [
        'customer',
        {
          events: [stamp(member, counterId, 5, { staffId: 'customer', rating: 5 })],
          memberChanges: [],
        },
        403,
        'server_only',
      ],
      [
        'staff',
        { events: [stamp(member, counterId, 5, { staffId: 'ghost' })], memberChanges: [] },
        403,
        'unknown_staff',
      ],
    ];
    for (const [what, body, status, error] of refused) {
      const token = what.startsWith('victim') ? owner : counter;
      const res = await push(token, body);
      expect({ what, status: res.status, error: res.body.error }).toEqual({ what, status, error });
    }
    // A second local id is refused too: one device, one identity.
    const other = await push(counter, {
      events: [stamp(member, 'localtab02', 1)],
      memberChanges: [],
    });
    expect(other.body.error).toBe('wrong_device');
    expect(await pulled()).toBe(stored); // nothing of a refused push was stored
  });

  it('counts owner-PIN guesses in the database: 40 at once, at most 5 checked', async () => {
    const { owner, counter } = await shopWithCounter();
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call('POST', '/owner-sessions', {
          token: i % 2 ? owner : counter,
          json: { ownerPin: String(1000 + i) },
        }),
      ),
    );
    const wrong = guesses.filter((g) => g.body.error === 'wrong_pin').length;
    const waits = guesses.filter((g) => g.body.error === 'too_many_tries');
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThanOrEqual(5);
    expect(wrong + waits.length).toBe(40);
    expect(waits[0]!.body.retryAfterMs).toBeGreaterThan(0);
    // The budget is the shop's: the right PIN waits too, then works.
    expect(
      (await call('POST', '/pairing-codes', { token: owner, json: { ownerPin: PIN } })).status,
    ).toBe(429);
    now += 60 * 60_000;
    expect(
      (await call('POST', '/pairing-codes', { token: owner, json: { ownerPin: PIN } })).status,
    ).toBe(201);
  });

  it('accepts only the app’s own PIN hashes and clocks no further than 5 minutes ahead', async () => {
    const bomb = await testShop({ ownerPin: await hashPin(PIN, 100_000) });
    const bad = [
      { ...bomb.ownerPin, iterations: 10_000_000 },
      { ...bomb.ownerPin, iterations: 1_000 },
      { ...bomb.ownerPin, salt: 'not base64!' },
      { ...bomb.ownerPin, salt: 'AAAA' },
    ];
    for (const ownerPin of bad) {
      const res = await call('POST', '/shops', {
        json: { shop: { ...bomb, ownerPin }, deviceName: 'x' },
      });
      expect([res.status, res.body.error]).toEqual([400, 'invalid']);
    }
    const { owner, ownerId } = await shopWithCounter();
    const weak = await push(owner, {
      events: [],
      memberChanges: [],
      settings: [
        {
          hlc: hlcToString({ millis: now, counter: 0, node: ownerId }),
          fields: { ownerPin: await hashPin('1', 1000) },
        },
      ],
    });
    expect(weak.status).toBe(400);
    const future = [
      'zzzzzzzzzzz-0000-' + ownerId,
      hlcToString({ millis: now + 6 * 60_000, counter: 0, node: ownerId }),
    ];
    for (const hlc of future) {
      const settings = await push(owner, {
        events: [],
        memberChanges: [],
        settings: [{ hlc, fields: { name: 'Forever' } }],
      });
      expect(settings.body.error).toBe('clock_ahead');
      const member = await push(owner, {
        events: [],
        memberChanges: [
          {
            id: uid('MC'),
            memberId: uid('M'),
            deviceId: ownerId,
            seq: 1,
            hlc,
            fields: { name: 'X' },
            at: now,
          },
        ],
      });
      expect(member.body.error).toBe('clock_ahead');
    }
  });

  it('takes API POSTs only as application/json (415 otherwise)', async () => {
    const shop = await testShop();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', ''])
      expect(await call('POST', '/shops', { json: { shop, deviceName: 'x' }, type })).toMatchObject(
        { status: 415, body: { error: 'not_json' } },
      );
    expect(
      (
        await call('POST', '/shops', {
          json: { shop, deviceName: 'x' },
          type: 'application/json; charset=utf-8',
        })
      ).status,
    ).toBe(201);
  });
});

describe('a 413 over a real socket', () => {
  it('answers with Connection: close, and the next request works', async () => {
    const store = await Store.open({ dataDir: ':memory:' });
    const server = serve({
      fetch: createServerApp({ store, signup: { mode: 'open' } }).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, method: string, body?: string) =>
      new Promise<{ status: number; connection?: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path,
            method,
            agent,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({ status: res.statusCode!, connection: res.headers.connection }),
            );
          },
        );
        req.on('error', reject);
        if (body) req.write(body);
        req.end();
      });
    const big = await send('/api/shops', 'POST', `{"x":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    expect(big).toMatchObject({ status: 413, connection: 'close' });
    expect((await send('/api/health', 'GET')).status).toBe(200);
    agent.destroy();
    await new Promise((r) => server.close(r));
    await store.close();
  });
});

describe.each(backends())('upgrading a server with paired shops, on %s', (_name, options) => {
  it('makes each shop’s earliest device its owner device, the others counter tablets', async () => {
    let db: Kysely<unknown>;
    let dataDir = ':memory:';
    if (options.databaseUrl) {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${options.pgSchema}`);
      await admin.end();
      const pool = new pg.Pool({
        connectionString: options.databaseUrl,
        options: `-c search_path=${options.pgSchema}`,
      });
      db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'setia-upgrade-'));
      db = new Kysely({
        dialect: new SqliteDialect({ database: new SQLite(join(dataDir, 'setia.sqlite')) }),
      });
    }
    const all = migrations(options.databaseUrl ? 'postgres' : 'sqlite');
    // The server as it was before roles.
    const old = {
      '0001-initial': all['0001-initial']!,
      '0002-settings-clocks': all['0002-settings-clocks']!,
    };
    const migrated = await new Migrator({
      db,
      provider: { getMigrations: async () => old },
      ...(options.pgSchema ? { migrationTableSchema: options.pgSchema } : {}),
    }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    const shop = await testShop();
    await db
      .insertInto('shops' as never)
      .values({ id: shop.shopId, settings: JSON.stringify(shop), created_at: 1 } as never)
      .execute();
    const device = (id: string, created_at: number, revoked_at: number | null = null) => ({
      id,
      shop_id: shop.shopId,
      token_hash: `hash-${id}-${options.pgSchema ?? dataDir}`,
      name: id,
      created_at,
      revoked_at,
    });
    await db
      .insertInto('devices' as never)
      .values([device('lost', 1, 5), device('first', 2), device('second', 3)] as never)
      .execute();
    await db.destroy();

    const store = await Store.open(options.databaseUrl ? options : { dataDir });
    const roles = Object.fromEntries((await store.devices(shop.shopId)).map((d) => [d.id, d.role]));
    expect(roles).toEqual({ lost: 'counter', first: 'owner', second: 'counter' });
    await store.close();
    await dropBackend(options);
  });
});
