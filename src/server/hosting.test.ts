/**
 * Hosting many shops: who may register (SETIA_SIGNUP first / open / token) and
 * per-shop quotas (events a day, stored bytes), on SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/ledger';
import { testShop } from '../shared/test-shop';
import { createServerApp } from './app';
import type { StoreOptions } from './store/connect';
import { DEFAULT_QUOTAS, Store, type Quotas, type SignupPolicy } from './store/store';
import { backends, dropBackend } from './test-backends';
import { jsonPoster } from './testing/requests';

const DAY = 86_400_000;

describe.each(backends())('hosting on %s', (_name, options) => {
  const opened: { store: Store; options: StoreOptions }[] = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.store.close();
      await dropBackend(o.options);
    }
  });

  /** A server of its own (an empty database), with this sign-up policy and these quotas. */
  async function server(signup: SignupPolicy, quotas: Quotas = DEFAULT_QUOTAS) {
    const own = options.pgSchema
      ? { ...options, pgSchema: `${options.pgSchema}_${opened.length}` }
      : options;
    const store = await Store.open({ ...own, quotas });
    opened.push({ store, options: own });
    const clock = { now: 1_750_000_000_000 };
    const app = createServerApp({ store, signup, clock: () => clock.now });
    const call = jsonPoster(app);
    const register = async (signupCode?: string) =>
      call('/shops', {
        shop: await testShop(),
        deviceName: 'Counter',
        ...(signupCode === undefined ? {} : { signupCode }),
      });
    return { store, clock, call, register };
  }

  it('first: the first shop registers, then registration closes (even for two at once)', async () => {
    const { register, call } = await server({ mode: 'first' });
    const [a, b] = await Promise.all([register(), register()]);
    expect([a.status, b.status].sort()).toEqual([201, 403]);
    const refused = a.status === 403 ? a : b;
    expect(refused.body.error).toBe('signup_closed');
    expect(refused.body.message).toMatch(/pairing code/);
    expect((await register()).body.error).toBe('signup_closed');
    // The registered shop retrying its own registration still hears that it exists.
    const first = a.status === 201 ? a : b;
    const again = await call('/shops', { shop: first.body.shop, deviceName: 'Counter' });
    expect(again).toMatchObject({ status: 409, body: { error: 'shop_exists' } });
  });

  it('open: anyone registers', async () => {
    const { register } = await server({ mode: 'open' });
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
  });

  it("token: a shop registers only with an operator's code, each good for one shop", async () => {
    const { store, register } = await server({ mode: 'token', tokens: ['KOPI2026CAFE'] });
    expect((await register()).body).toMatchObject({ error: 'signup_code_needed' });
    expect((await register('NOPE-NOPE-NOPE')).body).toMatchObject({ error: 'bad_signup_code' });

    const code = await store.createSignupCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Typed as people type it: lower case, no dashes.
    expect((await register(code.toLowerCase().replaceAll('-', ''))).status).toBe(201);
    const reused = await register(code);
    expect(reused).toMatchObject({ status: 403, body: { error: 'bad_signup_code' } });
    expect(reused.body.message).toMatch(/already used/);

    expect((await register('kopi-2026-cafe')).status).toBe(201);
    expect((await register('KOPI2026CAFE')).body).toMatchObject({ error: 'bad_signup_code' });
  });

  const events = (deviceId: string, from: number, n: number, tag = 'E'): LedgerEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${tag}${deviceId}${(from + i).toString(36).padStart(5, '0')}`,
      memberId: `MQ${(from + i) % 7}`,
      type: 'stamp',
      stamps: 1,
      quantity: 1,
      at: 1_750_000_000_000 + from + i,
      deviceId,
      staffId: 'owner',
      seq: from + i + 1,
    }));

  it('refuses a push that would go over the events-a-day quota, stores none of it, and takes more the next day', async () => {
    const { register, call, clock, store } = await server(
      { mode: 'open' },
      { eventsPerDay: 100, storedBytes: 0 },
    );
    const { token, deviceId } = (await register()).body as { token: string; deviceId: string };
    const push = (list: LedgerEvent[]) =>
      call('/sync/push', { events: list, memberChanges: [] }, token);
    const first = events(deviceId, 0, 60);
    expect((await push(first)).status).toBe(200);
    const over = await push(events(deviceId, 60, 60));
    expect(over).toMatchObject({ status: 429, body: { error: 'quota_events_per_day' } });
    expect(over.body.message).toMatch(/100 events a day/);
    // A retry of what is stored costs nothing; what fits still goes in.
    expect((await push(first)).status).toBe(200);
    expect((await push(events(deviceId, 60, 40))).status).toBe(200);
    expect((await push(events(deviceId, 100, 1))).status).toBe(429);
    const stored = await store.db
      .selectFrom('log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(100);

    clock.now += DAY;
    expect((await push(events(deviceId, 100, 60))).status).toBe(200);
  });

  it('refuses a push that would go over the stored-bytes quota, whatever the day', async () => {
    const { register, call, clock } = await server(
      { mode: 'open' },
      { eventsPerDay: 0, storedBytes: 30_000 },
    );
    const { token, deviceId } = (await register()).body as { token: string; deviceId: string };
    const push = (list: LedgerEvent[]) =>
      call('/sync/push', { events: list, memberChanges: [] }, token);
    let from = 0;
    let reply = await push(events(deviceId, from, 50));
    while (reply.status === 200) {
      from += 50;
      clock.now += DAY;
      reply = await push(events(deviceId, from, 50));
    }
    expect(reply).toMatchObject({ status: 429, body: { error: 'quota_stored_bytes' } });
    expect(reply.body.message).toMatch(/storage/);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThan(300);
  });
});
