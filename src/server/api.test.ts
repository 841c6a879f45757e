/**
 * The sync API, through Hono's request handler, against SQLite and (when
 * TEST_DATABASE_URL is set) PostgreSQL: one suite, both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hlcReceive, hlcSend, hlcToString, parseHlc } from '../domain/hlc';
import type { LedgerEvent } from '../domain/ledger';
import { randomKey } from '../shared/base64url';
import { signCard } from '../shared/card-link';
import { hashPin } from '../shared/pin';
import type { MemberChangeWire } from '../shared/sync-protocol';
import { testShop, TEST_OWNER_PIN } from '../shared/test-shop';
import { createServerApp } from './app';
import { Store } from './store/store';
import { backends, dropBackend } from './test-backends';
import { stampEvent, uid } from './testing/events';

const PIN = TEST_OWNER_PIN;

const newShop = (name = 'Kopi Kita') => testShop({ name });

function event(memberId: string, deviceId: string, seq: number, stamps = 1): LedgerEvent {
  return {
    id: uid('EV'),
    memberId,
    type: 'stamp',
    stamps,
    quantity: stamps,
    at: 1_750_000_000_000 + seq * 1000,
    deviceId,
    staffId: 'owner',
    seq,
  };
}

describe.each(backends())('sync API on %s', (_name, options) => {
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

  const call = async (
    method: string,
    path: string,
    { token, json, raw }: { token?: string; json?: unknown; raw?: string } = {},
  ) => {
    const res = await app.request(`/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: raw ?? (json === undefined ? undefined : JSON.stringify(json)),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function registered(name?: string) {
    const shop = await newShop(name);
    const res = await call('POST', '/shops', { json: { shop, deviceName: 'Counter 1' } });
    expect(res.status).toBe(201);
    return { shop, token: res.body.token as string, deviceId: res.body.deviceId as string };
  }

  async function pullAll(token: string, limit = 1000) {
    const items: { seq: number; kind: string }[] = [];
    let cursor = 0;
    for (;;) {
      const page = await call('GET', `/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
      expect(page.status).toBe(200);
      items.push(...(page.body.items as { seq: number; kind: string }[]));
      cursor = page.body.cursor as number;
      if (!page.body.more) return items;
    }
  }

  it('registers a shop once, and pairs a second tablet with a code used once, within 10 minutes', async () => {
    const { shop, token } = await registered();
    expect((await call('POST', '/shops', { json: { shop, deviceName: 'Again' } })).status).toBe(
      409,
    );

    expect(
      (await call('POST', '/pairing-codes', { token, json: { ownerPin: '1111' } })).body.error,
    ).toBe('wrong_pin');
    const code = await call('POST', '/pairing-codes', { token, json: { ownerPin: PIN } });
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    const joined = await call('POST', '/devices/join', {
      json: { code: (code.body.code as string).toLowerCase(), deviceName: 'Counter 2' },
    });
    expect(joined.status).toBe(201);
    // The card key comes with it (QR codes verify offline); a counter tablet gets no owner-PIN hash.
    const { ownerPin: _ownerPin, ...counterShop } = shop;
    expect(joined.body).toMatchObject({ role: 'counter', shop: counterShop });
    expect(joined.body.shop).not.toHaveProperty('ownerPin');
    expect(joined.body.token).not.toBe(token);
    const again = await call('POST', '/devices/join', {
      json: { code: code.body.code, deviceName: 'Counter 3' },
    });
    expect(again.status).toBe(404);

    const late = await call('POST', '/pairing-codes', { token, json: { ownerPin: PIN } });
    now += 11 * 60_000;
    const expired = await call('POST', '/devices/join', {
      json: { code: late.body.code, deviceName: 'Late' },
    });
    expect(expired).toMatchObject({ status: 404, body: { error: 'bad_code' } });
  });

  it('stores each pushed item once, however often the push is retried, and pulls it in pages', async () => {
    const { token, deviceId } = await registered();
    const member = uid('MEM');
    const events = Array.from({ length: 25 }, (_, i) => event(member, deviceId, i + 1));
    const change: MemberChangeWire = {
      id: uid('MC'),
      memberId: member,
      deviceId,
      seq: 26,
      hlc: hlcToString({ millis: now, counter: 0, node: deviceId }),
      fields: { name: 'Siti Rahma', phone: '+628123456789' },
      at: now,
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await call('POST', '/sync/push', {
        token,
        json: { events, memberChanges: [change] },
      });
      expect(res.status).toBe(200);
      expect(res.body.events).toEqual(events.map((e) => e.id));
      expect(res.body.memberChanges).toEqual([change.id]);
    }
    const items = await pullAll(token, 10);
    expect(items).toHaveLength(26);
    expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => a - b));
    expect(new Set(items.map((i) => i.seq)).size).toBe(26);
  });

  it('keeps shops apart: a device reads nothing of another shop and cannot write to its members', async () => {
    const a = await registered('Shop A');
    const b = await registered('Shop B');
    const member = uid('MEM');
    await call('POST', '/sync/push', {
      token: a.token,
      json: { events: [event(member, a.deviceId, 1)], memberChanges: [] },
    });
    expect(await pullAll(b.token)).toEqual([]);
    const intrusion = await call('POST', '/sync/push', {
      token: b.token,
      json: {
        events: [event(member, b.deviceId, 1), event(uid('MEM'), b.deviceId, 2)],
        memberChanges: [],
      },
    });
    expect(intrusion).toMatchObject({ status: 403, body: { error: 'foreign_member' } });
    expect(await pullAll(b.token)).toEqual([]); // nothing of the push was stored
    expect(await pullAll(a.token)).toHaveLength(1);
  });

  it('two shops creating the same member id at the same moment: one gets it, the other a clear 403, never a 500', async () => {
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      const a = await registered('Shop A');
      const b = await registered('Shop B');
      const member = uid('MEM');
      const push = (shop: { token: string; deviceId: string }) =>
        call('POST', '/sync/push', {
          token: shop.token,
          json: { events: [event(member, shop.deviceId, 1)], memberChanges: [] },
        });
      const replies = await Promise.all([push(a), push(b)]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 403]);
      const loser = replies.find((r) => r.status === 403)!;
      expect(loser.body).toMatchObject({ error: 'foreign_member' });
      // The winner's log holds its event; the loser's holds nothing of that member.
      const [aItems, bItems] = [await pullAll(a.token), await pullAll(b.token)];
      expect(aItems.length + bItems.length).toBe(1);
    }
  });

  it('refuses a revoked device', async () => {
    const { token } = await registered();
    const code = await call('POST', '/pairing-codes', { token, json: { ownerPin: PIN } });
    const second = await call('POST', '/devices/join', {
      json: { code: code.body.code, deviceName: 'Old tablet' },
    });
    const revoked = await call('POST', `/devices/${second.body.deviceId}/revoke`, {
      token,
      json: { ownerPin: PIN },
    });
    expect(revoked.status).toBe(200);
    const res = await call('GET', '/sync/pull', { token: second.body.token as string });
    expect(res).toMatchObject({ status: 401, body: { error: 'bad_token' } });
    const { devices } = (await call('GET', '/devices', { token })).body as {
      devices: { id: string; revokedAt: number | null }[];
    };
    expect(devices).toHaveLength(2);
    expect(devices.find((d) => d.id === second.body.deviceId)?.revokedAt).toEqual(
      expect.any(Number),
    );
    expect(devices.find((d) => d.id !== second.body.deviceId)?.revokedAt).toBeNull();
  });

  it("merges a member's edits by hybrid clock: a tablet hours ahead does not win over a later edit", async () => {
    const { token, shop } = await registered();
    const code = await call('POST', '/pairing-codes', { token, json: { ownerPin: PIN } });
    const slow = await call('POST', '/devices/join', {
      json: { code: code.body.code, deviceName: 'Slow tablet' },
    });
    const member = uid('MEM');
    // As far ahead as the server accepts (5 minutes): further would be refused.
    const ahead = { millis: now + 4 * 60_000, counter: 0, node: 'fast-tablet' };
    const first: MemberChangeWire = {
      id: uid('MC'),
      memberId: member,
      deviceId: 'fast-tablet',
      seq: 1,
      hlc: hlcToString(ahead),
      fields: { name: 'Siti' },
      at: ahead.millis,
    };
    // The slow tablet saw the first edit (pulled it), then corrected the name.
    const seen = hlcReceive(
      { millis: now, counter: 0, node: 'slow-tablet' },
      parseHlc(first.hlc)!,
      now,
    );
    const later: MemberChangeWire = {
      id: uid('MC'),
      memberId: member,
      deviceId: 'slow-tablet',
      seq: 1,
      hlc: hlcToString(hlcSend(seen, now)),
      fields: { name: 'Siti Rahma' },
      at: now,
    };
    // Arriving in the "wrong" order changes nothing.
    const slowToken = slow.body.token as string;
    const pushLater = { events: [], memberChanges: [later] };
    expect((await call('POST', '/sync/push', { token: slowToken, json: pushLater })).status).toBe(
      200,
    );
    const pushFirst = { events: [], memberChanges: [first] };
    expect((await call('POST', '/sync/push', { token, json: pushFirst })).status).toBe(200);
    const card = await call('GET', `/card/${await signCard(member, shop.cardKey)}`);
    expect(card.body.firstName).toBe('Siti');
    const stored = await store.db
      .selectFrom('members')
      .select('fields')
      .where('id', '=', member)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.fields).name).toBe('Siti Rahma');
  });

  it('gives a new tablet a snapshot of its shop at a cursor: members folded up to it, history in pages', async () => {
    const { token, deviceId } = await registered();
    const other = await registered('Other shop');
    const members = [uid('MA'), uid('MB'), uid('MC')].sort();
    const hlc = (i: number) => hlcToString({ millis: now + i, counter: 0, node: deviceId });
    const changes: MemberChangeWire[] = members.map((memberId, i) => ({
      id: uid('CH'),
      memberId,
      deviceId,
      seq: 100 + i,
      hlc: hlc(i),
      fields: { name: `Member ${i}`, phone: null },
      at: now + i,
    }));
    const rename: MemberChangeWire = {
      ...changes[0]!,
      id: uid('CH'),
      seq: 103,
      hlc: hlc(9),
      fields: { name: 'Renamed' },
    };
    const events = [
      ...members.map((m, i) => event(m, deviceId, i + 1, 12)),
      { ...event(members[0]!, deviceId, 4, -10), type: 'redeem' as const, quantity: undefined },
      event(members[1]!, deviceId, 5, 2),
    ];
    const pushed = await call('POST', '/sync/push', {
      token,
      json: { events, memberChanges: [...changes, rename] },
    });
    expect(pushed.status).toBe(200);
    await call('POST', '/sync/push', {
      token: other.token,
      json: { events: [event(uid('MX'), other.deviceId, 1)], memberChanges: [] },
    });

    const start = await call('GET', '/sync/snapshot', { token });
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ members: 3, events: 5 });
    const at = start.body.at as number;
    // Written after the snapshot: not in it (the tablet pulls it after `at`).
    const later = event(members[2]!, deviceId, 6, 3);
    await call('POST', '/sync/push', { token, json: { events: [later], memberChanges: [] } });

    const first = await call('GET', `/sync/snapshot/members?at=${at}&limit=2`, { token });
    expect(first.body.more).toBe(true);
    const firstPage = first.body.members as { id: string }[];
    const second = await call(
      'GET',
      `/sync/snapshot/members?at=${at}&limit=2&after=${firstPage.at(-1)!.id}`,
      { token },
    );
    expect(second.body.more).toBe(false);
    const all = [...firstPage, ...(second.body.members as { id: string }[])];
    expect(all).toMatchObject([
      {
        id: members[0],
        fields: { name: 'Renamed', phone: null },
        joinedAt: now,
        stats: { balance: 2, redeemed: 1, visits: 1 },
      },
      { id: members[1], fields: { name: 'Member 1' }, stats: { balance: 14, visits: 2 } },
      { id: members[2], fields: { name: 'Member 2' }, stats: { balance: 12, visits: 1 } },
    ]);

    const ids: string[] = [];
    for (let after = 0, more = true; more;) {
      const page = await call('GET', `/sync/snapshot/events?at=${at}&after=${after}&limit=2`, {
        token,
      });
      expect(page.status).toBe(200);
      ids.push(...(page.body.events as { id: string }[]).map((e) => e.id));
      after = page.body.after as number;
      more = page.body.more as boolean;
    }
    expect(ids).toEqual(events.map((e) => e.id));

    // The other shop's snapshot holds only its own.
    const theirs = await call('GET', '/sync/snapshot', { token: other.token });
    expect(theirs.body).toMatchObject({ members: 1, events: 1 });
    const theirMembers = await call('GET', `/sync/snapshot/members?at=${at + 1}`, {
      token: other.token,
    });
    expect((theirMembers.body.members as unknown[]).length).toBe(1);

    const bad: [string, { token?: string }, number, string][] = [
      ['/sync/snapshot', {}, 401, 'no_token'],
      [`/sync/snapshot/members?at=${at}`, { token: 'x'.repeat(43) }, 401, 'bad_token'],
      ['/sync/snapshot/members', { token }, 400, 'bad_at'],
      ['/sync/snapshot/members?at=-1', { token }, 400, 'bad_at'],
      ['/sync/snapshot/members?at=abc', { token }, 400, 'bad_at'],
      [`/sync/snapshot/members?at=${at + 1000}`, { token }, 400, 'bad_at'],
      [`/sync/snapshot/members?at=${at}&limit=0`, { token }, 400, 'bad_limit'],
      [`/sync/snapshot/members?at=${at}&limit=999999`, { token }, 400, 'bad_limit'],
      [`/sync/snapshot/members?at=${at}&after=../etc`, { token }, 400, 'bad_after'],
      [`/sync/snapshot/events?at=${at}&after=-5`, { token }, 400, 'bad_after'],
      [`/sync/snapshot/events?at=${at}&limit=1.5`, { token }, 400, 'bad_limit'],
      [`/sync/snapshot/events?at=${at + 1000}`, { token }, 400, 'bad_at'],
    ];
    for (const [path, opts, status, error] of bad) {
      const res = await call('GET', path, opts);
      expect({ path, status: res.status, error: res.body.error }).toEqual({ path, status, error });
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('names the installed card after the shop: a manifest per card link, in the asked language', async () => {
    const { shop, token, deviceId } = await registered('Kedai Kopi Nusantara Jaya');
    const memberId = `MEMMANIFEST${Date.now().toString(36)}`.toUpperCase();
    await call('POST', '/sync/push', {
      token,
      json: { events: [stampEvent(memberId, deviceId, 1, now)], memberChanges: [] },
    });
    const link = await signCard(memberId, shop.cardKey);
    const res = await app.request(`/api/card/${link}/manifest.webmanifest?lang=id`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.json()).toEqual({
      id: `/c/${memberId}`,
      name: 'Kedai Kopi Nusantara Jaya',
      short_name: 'Kedai Kopi',
      lang: 'id',
      start_url: `/c/${link}`,
      scope: `/c/${link}`,
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#7a3e1d',
      background_color: '#faf6f0',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    });
    // An unknown language falls back to English; a link that does not verify gets nothing.
    const odd = await app.request(`/api/card/${link}/manifest.webmanifest?lang=xx`);
    expect(((await odd.json()) as { lang: string }).lang).toBe('en');
    const forged = `${memberId}.${'A'.repeat(22)}`;
    const refused = await app.request(`/api/card/${forged}/manifest.webmanifest`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: 'no_card' });
    // Whoever asks — no token, this shop's tablet, another shop's — gets the same manifest;
    // a link signed with another shop's key gets none.
    const other = await registered('Another café');
    for (const as of [token, other.token]) {
      const again = await app.request(`/api/card/${link}/manifest.webmanifest?lang=id`, {
        headers: { authorization: `Bearer ${as}` },
      });
      expect(((await again.json()) as { name: string }).name).toBe('Kedai Kopi Nusantara Jaya');
    }
    const otherKey = await signCard(memberId, other.shop.cardKey);
    const foreign = await app.request(`/api/card/${otherKey}/manifest.webmanifest`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(foreign.status).toBe(404);
  });

  it("shows a customer's card only to its signed link, with only the card's fields", async () => {
    const { token, shop, deviceId } = await registered();
    const member = uid('MEM');
    await call('POST', '/sync/push', {
      token,
      json: {
        events: [event(member, deviceId, 1, 7), event(member, deviceId, 2, 5)],
        memberChanges: [
          {
            id: uid('MC'),
            memberId: member,
            deviceId,
            seq: 3,
            hlc: hlcToString({ millis: now, counter: 0, node: deviceId }),
            fields: { name: 'Dewi Lestari', phone: '+628111', email: 'dewi@example.com' },
            at: now,
          },
        ],
      },
    });
    const link = await signCard(member, shop.cardKey);
    const card = await call('GET', `/card/${link}`);
    expect(card.status).toBe(200);
    expect(Object.keys(card.body).sort()).toEqual(
      [
        'balance',
        'firstName',
        'recentVisits',
        'rewardName',
        'shopName',
        'stampsPerCard',
        'tier',
      ].sort(),
    );
    expect(card.body).toMatchObject({ shopName: shop.name, firstName: 'Dewi', balance: 12 });
    expect(JSON.stringify(card.body)).not.toContain('dewi@example.com');
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    expect((await call('GET', `/card/${tampered}`)).status).toBe(404);
    expect((await call('GET', `/card/${await signCard(member, randomKey())}`)).status).toBe(404);
  });

  it('answers bad requests with a 4xx and a clear message, never a 500', async () => {
    const { token, deviceId } = await registered();
    const cases: [string, string, Parameters<typeof call>[2], number, string][] = [
      ['POST', '/sync/push', { token, raw: '{"events": [' }, 400, 'bad_json'],
      [
        'POST',
        '/sync/push',
        { token, json: { events: [], memberChanges: [], extra: 1 } },
        400,
        'invalid',
      ],
      [
        'POST',
        '/sync/push',
        { token, json: { events: [{ id: 'x' }], memberChanges: [] } },
        400,
        'invalid',
      ],
      [
        'POST',
        '/sync/push',
        {
          token,
          json: {
            events: Array.from({ length: 1001 }, (_, i) => event('M', deviceId, i + 1)),
            memberChanges: [],
          },
        },
        400,
        'invalid',
      ],
      [
        'POST',
        '/sync/push',
        { token, raw: `{"events":"${'x'.repeat(3 * 1024 * 1024)}"}` },
        413,
        'too_large',
      ],
      ['POST', '/sync/push', { json: { events: [], memberChanges: [] } }, 401, 'no_token'],
      [
        'POST',
        '/sync/push',
        { token: 'A'.repeat(43), json: { events: [], memberChanges: [] } },
        401,
        'bad_token',
      ],
      ['GET', '/sync/pull?cursor=-1', { token }, 400, 'bad_cursor'],
      ['GET', '/sync/pull?limit=999999', { token }, 400, 'bad_limit'],
      ['POST', '/shops', { json: { shop: { shopId: '../etc' }, deviceName: 'x' } }, 400, 'invalid'],
      ['GET', '/card/not-a-card', {}, 404, 'no_card'],
      ['GET', '/nothing-here', {}, 404, 'not_found'],
    ];
    for (const [method, path, opts, status, error] of cases) {
      const res = await call(method, path, opts);
      expect({ path, status: res.status, error: res.body.error }).toEqual({ path, status, error });
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('makes PIN and pairing-code guessers wait', async () => {
    const { token } = await registered();
    for (let i = 0; i < 5; i++)
      expect(
        (await call('POST', '/pairing-codes', { token, json: { ownerPin: '0000' } })).status,
      ).toBe(403);
    const blocked = await call('POST', '/pairing-codes', { token, json: { ownerPin: PIN } });
    expect(blocked).toMatchObject({ status: 429, body: { error: 'too_many_tries' } });
    for (let i = 0; i < 5; i++)
      await call('POST', '/devices/join', { json: { code: 'WRONG999', deviceName: 'x' } });
    const guess = await call('POST', '/devices/join', {
      json: { code: 'WRONG998', deviceName: 'x' },
    });
    expect(guess.status).toBe(429);
    now += 60 * 60_000; // an hour later the waits are over
  });
  it('reads X-Forwarded-For only from a proxy the operator named (TRUST_PROXY)', async () => {
    now += 60 * 60_000; // earlier tests' waits are over
    // In-process requests come from the socket address "local": here it plays the proxy.
    const behindProxy = createServerApp({
      store,
      clock: () => now,
      signup: { mode: 'open' },
      trustProxy: ['local'],
    });
    const direct = createServerApp({ store, clock: () => now, signup: { mode: 'open' } });
    const join = (via: typeof app, code: string, forwardedFor: string) =>
      via.request('/api/devices/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ code, deviceName: 'Counter 2' }),
      });
    // Behind the named proxy: a guesser at one address waits…
    for (let i = 0; i < 5; i++)
      expect((await join(behindProxy, `WRONG${i}AA`, '203.0.113.9')).status).toBe(404);
    expect((await join(behindProxy, 'WRONG9AA', '203.0.113.9')).status).toBe(429);
    // …and cannot step aside by writing another address before the proxy's own entry.
    expect((await join(behindProxy, 'WRONG8AA', '198.51.100.1, 203.0.113.9')).status).toBe(429);
    // Another shop's tablet, behind the same proxy, pairs at once.
    const other = await registered('Other café');
    const code = await call('POST', '/pairing-codes', {
      token: other.token,
      json: { ownerPin: PIN },
    });
    const paired = await join(behindProxy, code.body.code as string, '198.51.100.7');
    expect(paired.status).toBe(201);
    // With no proxy named, the header is anyone's to write: ignored, the socket counts,
    // so a fresh forged address each time still ends in a wait within five tries.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await join(direct, `WRONG${i}BB`, `192.0.2.${i}`)).status);
    expect(statuses).toContain(429);
    expect((await join(direct, 'WRONG7BB', '192.0.2.200')).status).toBe(429);
  });

  it("merges the owner's settings by hybrid clock, checks a changed owner PIN, and refuses bad settings", async () => {
    const { shop, token } = await registered('Settings Café');
    const clock = (millis: number, node: string) => hlcToString({ millis, counter: 0, node });
    const push = (settings: unknown[]) =>
      call('POST', '/sync/push', { token, json: { events: [], memberChanges: [], settings } });
    const newPin = await hashPin('13579', 100_000);
    const later = clock(now, 'tab1');
    const earlier = clock(now - 60_000, 'tab1');
    const first = await push([
      { hlc: later, fields: { name: 'Kafe Baru', ownerPin: newPin } },
      { hlc: earlier, fields: { name: 'Kafe Lama', rewardName: 'Free tea' } },
    ]);
    expect(first).toMatchObject({ status: 200, body: { settings: [later, earlier] } });
    // Retried: stored once.
    await push([{ hlc: later, fields: { name: 'Kafe Baru', ownerPin: newPin } }]);
    const stored = await store.shop(shop.shopId);
    expect(stored).toMatchObject({
      name: 'Kafe Baru',
      rewardName: 'Free tea',
      cardKey: shop.cardKey,
    });
    const items = (await pullAll(token)).filter((i) => i.kind === 'settings');
    expect(items).toHaveLength(2);

    expect((await call('POST', '/pairing-codes', { token, json: { ownerPin: PIN } })).status).toBe(
      403,
    );
    now += 60 * 60_000; // past the wait the wrong PIN earned
    expect(
      (await call('POST', '/pairing-codes', { token, json: { ownerPin: '13579' } })).status,
    ).toBe(201);

    const bad: [unknown, RegExp][] = [
      [{ hlc: later, fields: { cardKey: randomKey() } }, /never change by sync/],
      [{ hlc: later, fields: { shopId: 'OTHER' } }, /never change by sync/],
      [{ hlc: later, fields: { favouriteColour: 'red' } }, /unknown setting favouriteColour/],
      [{ hlc: later, fields: {} }, /names a setting/],
      [{ hlc: later, fields: { stampsPerCard: 1000 } }, /stampsPerCard/],
      [{ hlc: 'yesterday', fields: { name: 'X' } }, /hlc/],
      [{ hlc: later, fields: { ownerPin: { algorithm: 'MD5', hash: '' } } }, /ownerPin/],
    ];
    for (const [change, message] of bad) {
      const res = await push([change]);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    expect(await store.shop(shop.shopId)).toEqual(stored);
  });
});
