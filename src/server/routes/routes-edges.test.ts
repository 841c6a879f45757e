/**
 * The API routes at their edges: each refusal's exact { error, message }, the
 * headers a caller reads (Retry-After, Cache-Control, Content-Type), the routes
 * each module mounts, and the client address the guess budgets are keyed by.
 * Written against surviving mutants (docs/mutation-survivors.md); each test
 * states what a tablet, a phone or a proxy sees. The app is built inside each
 * test, so that its routes are set up while the test runs.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signCard } from '../../shared/card-link';
import { testShop, TEST_OWNER_PIN } from '../../shared/test-shop';
import { createServerApp, type ServerOptions } from '../app';
import { shortName } from './card';
import { Store } from '../store/store';
import { backends, dropBackend } from '../test-backends';
import { stampEvent, uid } from '../testing/events';

const PIN = TEST_OWNER_PIN;

interface Call {
  token?: string;
  json?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

describe.each(backends())('the API routes at their edges, on %s', (_name, options) => {
  let store: Store;
  let now = 1_750_000_000_000;
  beforeAll(async () => {
    store = await Store.open(options);
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  /** The server app over this suite's store, built by the test that uses it. */
  const makeApp = (extra: Partial<ServerOptions> = {}) =>
    createServerApp({ store, clock: () => now, signup: { mode: 'open' }, ...extra });
  type App = ReturnType<typeof makeApp>;

  const send = (app: App, method: string, path: string, o: Call = {}) =>
    app.request(`/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: o.raw ?? (o.json === undefined ? undefined : JSON.stringify(o.json)),
    });
  const call = async (app: App, method: string, path: string, o: Call = {}) => {
    const res = await send(app, method, path, o);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** A registered shop: its owner device's token and id. */
  async function registered(app: App, name?: string) {
    const shop = await testShop(name === undefined ? {} : { name });
    const res = await call(app, 'POST', '/shops', { json: { shop, deviceName: 'Owner' } });
    expect(res.status).toBe(201);
    return { shop, owner: res.body.token as string, ownerId: res.body.deviceId as string };
  }

  /** A shop with its owner device and a counter tablet paired to it. */
  async function withCounter(app: App, name?: string) {
    const shop = await registered(app, name);
    const code = await call(app, 'POST', '/pairing-codes', {
      token: shop.owner,
      json: { ownerPin: PIN },
    });
    const joined = await call(app, 'POST', '/devices/join', {
      json: { code: code.body.code, deviceName: 'Counter' },
    });
    expect(joined.status).toBe(201);
    return {
      ...shop,
      counter: joined.body.token as string,
      counterId: joined.body.deviceId as string,
    };
  }

  /** A shop whose owner device stamped `count` members (ids in order). */
  async function withMembers(app: App, count: number) {
    const shop = await registered(app);
    const members = Array.from({ length: count }, (_, i) => `${uid('M')}${i}`).sort();
    const pushed = await call(app, 'POST', '/sync/push', {
      token: shop.owner,
      json: {
        events: members.map((m, i) => stampEvent(m, shop.ownerId, i + 1, now)),
        memberChanges: [],
      },
    });
    expect(pushed.status).toBe(200);
    return { ...shop, members };
  }

  // --- api-error.ts: reading a body -------------------------------------------------------

  it('says a body is not JSON, or where it is not valid, in one sentence', async () => {
    const app = makeApp();
    const { owner } = await registered(app);
    expect(await call(app, 'POST', '/sync/push', { token: owner, raw: '{"events": [' })).toEqual({
      status: 400,
      body: { error: 'bad_json', message: 'The request body is not valid JSON.' },
    });
    const nested = await call(app, 'POST', '/sync/push', {
      token: owner,
      json: { events: [{ id: 'x' }], memberChanges: [] },
    });
    expect(nested).toEqual({
      status: 400,
      body: {
        error: 'invalid',
        message:
          'The request is not valid at events.0.memberId: Invalid input: expected string, received undefined.',
      },
    });
    expect(await call(app, 'POST', '/sync/push', { token: owner, json: [] })).toEqual({
      status: 400,
      body: {
        error: 'invalid',
        message: 'The request is not valid: Invalid input: expected object, received array.',
      },
    });
  });

  // --- api.ts: the API's frame ------------------------------------------------------------

  it('answers health, and names a route it does not have', async () => {
    const app = makeApp();
    expect(await call(app, 'GET', '/health')).toEqual({ status: 200, body: { ok: true } });
    expect(await call(app, 'DELETE', '/nothing/here')).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'No API route DELETE /api/nothing/here.' },
    });
  });

  it('takes a POST only when its whole Content-Type is JSON', async () => {
    const app = makeApp();
    const shop = await testShop();
    const refused = {
      status: 415,
      body: {
        error: 'not_json',
        message: 'Send the body as JSON (Content-Type: application/json).',
      },
    };
    for (const type of ['text/plain', 'text/plain; x=application/json', 'application/jsonp'])
      expect(
        await call(app, 'POST', '/shops', {
          json: { shop, deviceName: 'x' },
          headers: { 'content-type': type },
        }),
      ).toEqual(refused);
    const spaced = await call(app, 'POST', '/shops', {
      json: { shop, deviceName: 'x' },
      headers: { 'content-type': 'application/json ; charset=utf-8' },
    });
    expect(spaced.status).toBe(201);
  });

  it('refuses a body over 2 MB, saying the limit', async () => {
    const app = makeApp();
    const { owner } = await registered(app);
    const res = await send(app, 'POST', '/sync/push', {
      token: owner,
      raw: `{"events":"${'x'.repeat(3 * 1024 * 1024)}"}`,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'too_large',
      message: 'The request body is over 2 MB; send smaller batches.',
    });
  });

  it('answers an unexpected failure with a 500 that says nothing was lost', async () => {
    const app = makeApp();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = vi.spyOn(store, 'card').mockRejectedValueOnce(new Error('disk gone'));
    try {
      const res = await send(app, 'GET', `/card/M1.${'A'.repeat(22)}`);
      expect(res.status).toBe(500);
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await res.json()).toEqual({
        error: 'server_error',
        message: 'The server hit an unexpected problem; nothing was lost. Try again.',
      });
      expect(quiet).toHaveBeenCalledWith(new Error('disk gone'));
    } finally {
      broken.mockRestore();
      quiet.mockRestore();
    }
  });

  // --- auth.ts: tokens, the owner PIN, owner authority ---------------------------------------

  it('reads the device token only from a whole "Bearer <token>" header', async () => {
    const app = makeApp();
    const { owner } = await registered(app);
    const noToken = {
      status: 401,
      body: {
        error: 'no_token',
        message: 'Send the device token as "Authorization: Bearer …".',
      },
    };
    for (const authorization of [`Token Bearer ${owner}`, `Bearer ${owner} again`, ''])
      expect(await call(app, 'GET', '/sync/pull', { headers: { authorization } })).toEqual(noToken);
    expect(await call(app, 'GET', '/sync/pull', { token: 'A'.repeat(43) })).toEqual({
      status: 401,
      body: {
        error: 'bad_token',
        message:
          'This device is not paired with a shop, or was removed by the owner. Pair it again.',
      },
    });
    expect((await call(app, 'GET', '/sync/pull', { token: owner })).status).toBe(200);
  });

  it('makes an owner-PIN guesser wait, saying how long in the body and in Retry-After', async () => {
    const app = makeApp();
    const { owner } = await registered(app);
    for (let i = 0; i < 5; i++)
      expect(
        await call(app, 'POST', '/pairing-codes', { token: owner, json: { ownerPin: '0000' } }),
      ).toEqual({
        status: 403,
        body: { error: 'wrong_pin', message: 'That owner PIN is not right.' },
      });
    now += 1; // 29.999 s left: rounded up
    const res = await send(app, 'POST', '/pairing-codes', {
      token: owner,
      json: { ownerPin: PIN },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toEqual({
      error: 'too_many_tries',
      message: 'Too many wrong tries. Wait 30 seconds and try again.',
      retryAfterMs: 29_999,
    });
    // A refusal with no wait to tell carries no Retry-After.
    const wrong = await send(app, 'GET', '/sync/pull', { token: 'B'.repeat(43) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('retry-after')).toBeNull();
    now += 60 * 60_000;
  });

  it("keeps each shop's owner-PIN budget its own", async () => {
    const app = makeApp();
    const guessed = await registered(app, 'Guessed café');
    const other = await registered(app, 'Other café');
    for (let i = 0; i < 6; i++)
      await call(app, 'POST', '/pairing-codes', {
        token: guessed.owner,
        json: { ownerPin: '0000' },
      });
    expect(
      (await call(app, 'POST', '/pairing-codes', { token: guessed.owner, json: { ownerPin: PIN } }))
        .status,
    ).toBe(429);
    expect(
      (await call(app, 'POST', '/pairing-codes', { token: other.owner, json: { ownerPin: PIN } }))
        .status,
    ).toBe(201);
    now += 60 * 60_000;
  });

  it('asks an owner device with no owner session for the PIN', async () => {
    const app = makeApp();
    const { owner } = await registered(app);
    expect(await call(app, 'POST', '/pairing-codes', { token: owner, json: {} })).toEqual({
      status: 403,
      body: { error: 'wrong_pin', message: 'Enter the owner PIN.' },
    });
  });

  it("tells a counter tablet what only the owner can do, and lets it with the owner's session", async () => {
    const app = makeApp();
    const { counter, ownerId } = await withCounter(app);
    const ownerOnly = (what: string) => ({
      status: 403,
      body: {
        error: 'owner_only',
        message: `Only the owner can ${what}. Unlock the owner area on this tablet first.`,
      },
    });
    expect(await call(app, 'GET', '/devices', { token: counter })).toEqual(
      ownerOnly('see the shop’s devices'),
    );
    expect(await call(app, 'POST', '/pairing-codes', { token: counter, json: {} })).toEqual(
      ownerOnly('pair a new tablet'),
    );
    expect(
      await call(app, 'POST', `/devices/${ownerId}/revoke`, { token: counter, json: {} }),
    ).toEqual(ownerOnly('remove a tablet'));

    const opened = await call(app, 'POST', '/owner-sessions', {
      token: counter,
      json: { ownerPin: PIN },
    });
    expect(opened).toEqual({
      status: 200,
      body: { session: expect.stringMatching(/^[A-Za-z0-9_-]{20,100}$/), idleMs: 300_000 },
    });
    const session = { 'x-owner-session': opened.body.session as string };
    const listed = await call(app, 'GET', '/devices', { token: counter, headers: session });
    expect(listed.status).toBe(200);
    expect((listed.body.devices as unknown[]).length).toBe(2);
    // Locked again: the session no longer counts.
    expect(
      await call(app, 'DELETE', '/owner-sessions', { token: counter, headers: session }),
    ).toEqual({ status: 200, body: { ended: true } });
    expect(await call(app, 'GET', '/devices', { token: counter, headers: session })).toEqual(
      ownerOnly('see the shop’s devices'),
    );
  });

  it('locks the owner area with no session sent, as a no-op', async () => {
    const app = makeApp();
    const { counter } = await withCounter(app);
    expect(await call(app, 'DELETE', '/owner-sessions', { token: counter })).toEqual({
      status: 200,
      body: { ended: true },
    });
  });

  // --- devices.ts ----------------------------------------------------------------------------

  it('revokes a device by id, and says when there is no such device', async () => {
    const app = makeApp();
    const { owner, counterId } = await withCounter(app);
    expect(
      await call(app, 'POST', `/devices/${counterId}/revoke`, {
        token: owner,
        json: { ownerPin: PIN },
      }),
    ).toEqual({ status: 200, body: { revoked: counterId } });
    expect(
      await call(app, 'POST', `/devices/${counterId}/revoke`, {
        token: owner,
        json: { ownerPin: PIN },
      }),
    ).toEqual({
      status: 404,
      body: {
        error: 'no_device',
        message: 'No such device in this shop (or it was already removed).',
      },
    });
  });

  // --- the client address (auth.ts clientAddress) --------------------------------------------

  /** A join with a wrong code, as a tablet behind a proxy sends it. */
  const wrongJoin = (app: App, forwardedFor?: string) =>
    call(app, 'POST', '/devices/join', {
      json: { code: 'WRONG999', deviceName: 'x' },
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    });
  const badCode = {
    status: 404,
    body: {
      error: 'bad_code',
      message: 'This pairing code is wrong or has expired. Ask the owner for a new one.',
    },
  };

  it("behind a named proxy, counts each client's wrong codes by the proxy's last entry, whole", async () => {
    const app = makeApp({ trustProxy: ['local'] });
    const net = `10.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 5; i++) expect(await wrongJoin(app, `${net}.1.9`)).toEqual(badCode);
    expect((await wrongJoin(app, `${net}.1.9`)).status).toBe(429);
    // Another client whose address ends alike is not held up.
    expect(await wrongJoin(app, `${net}.2.9`)).toEqual(badCode);
    // An empty last entry is skipped: the client is the entry before it.
    for (let i = 0; i < 4; i++) expect(await wrongJoin(app, `${net}.3.1, `)).toEqual(badCode);
    expect(await wrongJoin(app, `${net}.3.1`)).toEqual(badCode);
    expect((await wrongJoin(app, `${net}.3.1,`)).status).toBe(429);
  });

  it("counts a request from the named proxy with no X-Forwarded-For as the proxy's own", async () => {
    const proxied = makeApp({ trustProxy: ['local'] });
    const direct = makeApp();
    for (let i = 0; i < 5; i++) expect(await wrongJoin(proxied)).toEqual(badCode);
    expect((await wrongJoin(direct)).status).toBe(429);
    // A right code clears the count for that address.
    const { owner } = await registered(direct);
    now += 60 * 60_000;
    const code = await call(direct, 'POST', '/pairing-codes', {
      token: owner,
      json: { ownerPin: PIN },
    });
    expect(
      (
        await call(direct, 'POST', '/devices/join', {
          json: { code: code.body.code, deviceName: 'Counter' },
        })
      ).status,
    ).toBe(201);
  });

  // --- card.ts -------------------------------------------------------------------------------

  it('shows a card with no-store, and refuses a link that is not a card', async () => {
    const app = makeApp();
    const { shop, owner, ownerId } = await registered(app);
    const member = uid('MEM');
    await call(app, 'POST', '/sync/push', {
      token: owner,
      json: { events: [stampEvent(member, ownerId, 1, now)], memberChanges: [] },
    });
    const link = await signCard(member, shop.cardKey);
    const res = await send(app, 'GET', `/card/${link}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ shopName: 'Kopi Kita', balance: 1 });
    const noCard = { status: 404, body: { error: 'no_card', message: 'No card for this link.' } };
    expect(await call(app, 'GET', '/card/not-a-card')).toEqual(noCard);
    expect(
      await call(app, 'GET', `/card/${member}.${'A'.repeat(22)}/manifest.webmanifest`),
    ).toEqual(noCard);
    expect(await call(app, 'POST', '/card/not-a-card/feedback', { json: { rating: 5 } })).toEqual(
      noCard,
    );
    // The link is checked before the body: a rating sent to a bad link is about the link.
    expect(await call(app, 'POST', '/card/not-a-card/feedback', { json: {} })).toEqual(noCard);
    // A link in the card's shape that was never signed is refused by the store, alike.
    expect(
      await call(app, 'POST', `/card/${member}.${'A'.repeat(22)}/feedback`, {
        json: { rating: 5 },
      }),
    ).toEqual(noCard);
  });

  it('takes a rating of the last visit with 201 { ok: true }', async () => {
    const app = makeApp();
    const { shop, owner, ownerId } = await registered(app);
    const member = uid('MEM');
    await call(app, 'POST', '/sync/push', {
      token: owner,
      json: { events: [stampEvent(member, ownerId, 1, now)], memberChanges: [] },
    });
    const link = await signCard(member, shop.cardKey);
    expect(await call(app, 'POST', `/card/${link}/feedback`, { json: { rating: 5 } })).toEqual({
      status: 201,
      body: { ok: true },
    });
  });

  it("names an installed card after the shop's trimmed name, or Setia when it has none", async () => {
    const app = makeApp();
    for (const [name, shown] of [
      ['  Kopi Kita  ', 'Kopi Kita'],
      ['   ', 'Setia'],
    ] as const) {
      const { shop, owner, ownerId } = await registered(app, name);
      const member = uid('MEM');
      await call(app, 'POST', '/sync/push', {
        token: owner,
        json: { events: [stampEvent(member, ownerId, 1, now)], memberChanges: [] },
      });
      const link = await signCard(member, shop.cardKey);
      const res = await send(app, 'GET', `/card/${link}/manifest.webmanifest`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.json()).toMatchObject({ name: shown, short_name: shown, lang: 'en' });
    }
  });

  it('keeps a short name of up to 12 characters as written, its spaces too', () => {
    expect(shortName('Kopi  Kita')).toBe('Kopi  Kita');
    expect(shortName('Kopi  Kita 1')).toBe('Kopi  Kita 1');
    expect(shortName('Kopi  Kita 12')).toBe('Kopi Kita 12');
  });

  // --- self-join.ts --------------------------------------------------------------------------

  it("serves the join page's header with no-store, and refuses a shop id that cannot be one", async () => {
    const app = makeApp();
    const { shop } = await registered(app, 'Kedai Senja');
    const res = await send(app, 'GET', `/shops/${shop.shopId}/join-info`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ shopName: 'Kedai Senja', country: 'ID', open: true });
    const noShop = {
      status: 404,
      body: { error: 'no_shop', message: 'No such shop on this server.' },
    };
    expect(await call(app, 'GET', `/shops/${'S'.repeat(41)}/join-info`)).toEqual(noShop);
    expect(
      await call(app, 'POST', `/shops/${'S'.repeat(41)}/claim-card`, {
        json: { phone: '0812', code: '123456' },
      }),
    ).toEqual(noShop);
  });

  it('gives a member their card back on the join page only with the right code', async () => {
    const app = makeApp();
    const { shop } = await registered(app);
    const phone = `0812${String(Date.now()).slice(-8)}`;
    const joined = await call(app, 'POST', `/shops/${shop.shopId}/self-join`, {
      json: { name: 'Dewi', phone, marketingConsent: false },
    });
    expect(joined.status).toBe(201);
    expect(
      await call(app, 'POST', `/shops/${shop.shopId}/claim-card`, {
        json: { phone, code: '000000' },
      }),
    ).toMatchObject({ status: 403, body: { error: 'wrong_code' } });
  });

  // --- snapshot.ts ---------------------------------------------------------------------------

  it('pages a snapshot by member id, the same first page however often it is asked', async () => {
    const app = makeApp();
    const { owner, members } = await withMembers(app, 3);
    const start = await call(app, 'GET', '/sync/snapshot', { token: owner });
    expect(start).toMatchObject({ status: 200, body: { members: 3, events: 3 } });
    const at = start.body.at as number;
    const page = async (after?: string) => {
      const q = after === undefined ? '' : `&after=${after}`;
      const res = await call(app, 'GET', `/sync/snapshot/members?at=${at}&limit=1${q}`, {
        token: owner,
      });
      expect(res.status).toBe(200);
      return (res.body.members as { id: string }[]).map((m) => m.id);
    };
    expect(await page()).toEqual([members[0]]);
    expect(await page()).toEqual([members[0]]);
    expect(await page(members[0])).toEqual([members[1]]);
    expect(await page(members[1])).toEqual([members[2]]);
    expect(await page(members[0])).toEqual([members[1]]);
    expect(await page(members[2])).toEqual([]);
  });

  it("answers a snapshot's events as JSON, and says what is wrong with each bad parameter", async () => {
    const app = makeApp();
    const { owner } = await withMembers(app, 1);
    expect(await call(app, 'GET', '/sync/snapshot')).toEqual({
      status: 401,
      body: { error: 'no_token', message: 'Send the device token as "Authorization: Bearer …".' },
    });
    const { at } = (await call(app, 'GET', '/sync/snapshot', { token: owner })).body as {
      at: number;
    };
    const events = await send(app, 'GET', `/sync/snapshot/events?at=${at}`, { token: owner });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await events.json()) as { events: unknown[] }).events).toHaveLength(1);

    const bad = (error: string, message: string) => ({ status: 400, body: { error, message } });
    const cases: [string, ReturnType<typeof bad>][] = [
      ['/members?at=', bad('bad_at', 'at must be a whole number from 0 to 9007199254740991.')],
      [
        `/members?at=${at}&limit=`,
        bad('bad_limit', 'limit must be a whole number from 0 to 5000.'),
      ],
      [
        `/members?at=${at + 1}`,
        bad('bad_at', 'at is beyond what this shop has stored; start a new snapshot.'),
      ],
      [
        `/members?at=${at}&after=a.b`,
        bad('bad_after', 'after must be a member id (or empty to start).'),
      ],
      [`/members?at=${at}&limit=0`, bad('bad_limit', 'limit must be at least 1.')],
      [`/events?at=${at}&limit=0`, bad('bad_limit', 'limit must be at least 1.')],
      [
        `/events?at=${at}&limit=20001`,
        bad('bad_limit', 'limit must be a whole number from 0 to 20000.'),
      ],
    ];
    for (const [path, expected] of cases)
      expect({
        path,
        ...(await call(app, 'GET', `/sync/snapshot${path}`, { token: owner })),
      }).toEqual({ path, ...expected });
  });

  // --- sync.ts -------------------------------------------------------------------------------

  it('reads a counter tablet on past members who joined after its snapshot; another shop sees none of them, no token nothing', async () => {
    const app = makeApp();
    const mine = await withCounter(app);
    const other = await withCounter(app, 'Other café');
    const tag = uid('');
    const stamp = (memberId: string, seq: number) =>
      call(app, 'POST', '/sync/push', {
        token: mine.owner,
        json: { events: [stampEvent(memberId, mine.ownerId, seq, now)], memberChanges: [] },
      });
    const [first, last] = [`MGAPA${tag}`, `MGAPZ${tag}`];
    for (const [i, m] of [first, last].entries()) expect((await stamp(m, i + 1)).status).toBe(200);
    const start = await call(app, 'GET', '/sync/snapshot', { token: mine.counter });
    const at = start.body.at as number;
    // Joined after the snapshot, sorting between its two members: the pull brings them.
    for (let i = 1; i <= 3; i++) expect((await stamp(`MGAPM${i}${tag}`, 2 + i)).status).toBe(200);

    const read = async (token: string, at: number) => {
      const ids: string[] = [];
      let after = '';
      for (let pages = 0, more = true; more; pages++) {
        expect(pages).toBeLessThan(10);
        const res = await call(
          app,
          'GET',
          `/sync/snapshot/members?at=${at}&after=${after}&limit=1`,
          { token },
        );
        expect(res.status).toBe(200);
        const members = res.body.members as { id: string }[];
        more = res.body.more as boolean;
        if (more) expect(members.length).toBeGreaterThan(0);
        ids.push(...members.map((m) => m.id));
        after = members.at(-1)?.id ?? after;
      }
      return ids;
    };
    expect(await read(mine.counter, at)).toEqual([first, last]);
    // Another shop's tablet: our snapshot's point is past its own log, and its own snapshot
    // holds none of our members.
    expect(
      await call(app, 'GET', `/sync/snapshot/members?at=${at}&limit=1`, { token: other.counter }),
    ).toEqual({
      status: 400,
      body: {
        error: 'bad_at',
        message: 'at is beyond what this shop has stored; start a new snapshot.',
      },
    });
    const itsOwn = await call(app, 'GET', '/sync/snapshot', { token: other.counter });
    expect(await read(other.counter, itsOwn.body.at as number)).toEqual([]);
    expect(
      await call(app, 'GET', `/sync/snapshot/members?at=${at}&limit=1`, { token: 'B'.repeat(43) }),
    ).toMatchObject({ status: 401 });
    expect(await call(app, 'GET', `/sync/snapshot/members?at=${at}&limit=1`)).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'no_token' }),
    });
  });

  it('pulls pages of 1 to 5000 items, and says so for any other limit or a bad cursor', async () => {
    const app = makeApp();
    const { owner } = await withMembers(app, 2);
    const one = await call(app, 'GET', '/sync/pull?limit=1', { token: owner });
    expect(one.status).toBe(200);
    expect((one.body.items as unknown[]).length).toBe(1);
    expect(one.body.more).toBe(true);
    expect((await call(app, 'GET', '/sync/pull?limit=5000', { token: owner })).status).toBe(200);
    const badLimit = {
      status: 400,
      body: { error: 'bad_limit', message: 'limit must be from 1 to 5000.' },
    };
    for (const limit of ['0', '1.5', '-3', '5001'])
      expect({
        limit,
        ...(await call(app, 'GET', `/sync/pull?limit=${limit}`, { token: owner })),
      }).toEqual({ limit, ...badLimit });
    expect(await call(app, 'GET', '/sync/pull?cursor=1.5', { token: owner })).toEqual({
      status: 400,
      body: { error: 'bad_cursor', message: 'cursor must be a whole number ≥ 0.' },
    });
  });

  // --- the client's socket address (a real server) -------------------------------------------

  it('counts wrong pairing codes and phone sign-ups per socket address when no proxy is named', async () => {
    const app = makeApp();
    const { shop } = await registered(app);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    // Loopback holds all of 127/8: each client sends from an address of its own.
    const base = 10 + Math.floor(Math.random() * 200);
    const from = (host: number, path: string, json: unknown) =>
      new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: `/api${path}`,
            method: 'POST',
            localAddress: `127.0.${base}.${host}`,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                body: JSON.parse(text) as Record<string, unknown>,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(json));
      });
    try {
      const join = (host: number) =>
        from(host, '/devices/join', { code: 'WRONG999', deviceName: 'x' });
      for (let i = 0; i < 5; i++) expect(await join(1)).toEqual(badCode);
      expect((await join(1)).status).toBe(429);
      expect(await join(2)).toEqual(badCode);

      const signUp = (host: number, n: number) =>
        from(host, `/shops/${shop.shopId}/self-join`, {
          name: `Member ${n}`,
          phone: `0812${base}${host}${String(n).padStart(4, '0')}`,
          marketingConsent: false,
        });
      for (let n = 0; n < 10; n++) expect((await signUp(3, n)).status).toBe(201);
      expect(await signUp(3, 10)).toMatchObject({ status: 429, body: { error: 'too_many_joins' } });
      expect((await signUp(4, 11)).status).toBe(201);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
