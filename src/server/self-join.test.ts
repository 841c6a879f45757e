/**
 * Joining from one's own phone: the member lands in the shop's log for the
 * tablets, the card link verifies, a known phone never gets its card back,
 * the owner's switch and the limits hold. SQLite and (when set) PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimCode, verifyCard } from '../shared/card-link';
import { SELF_JOIN_PER_ADDRESS, SELF_JOIN_PER_SHOP } from '../shared/self-join';
import { testShop, TEST_OWNER_PIN } from '../shared/test-shop';
import { createServerApp } from './app';
import { Store } from './store/store';
import { backends, dropBackend } from './test-backends';

describe.each(backends())('self-join on %s', (_name, options) => {
  let store: Store;
  let now = 1_760_000_000_000;
  let app: ReturnType<typeof createServerApp>;
  let phoneSerial = 1000;
  const nextPhone = () => `0812 3456 ${String(phoneSerial++).padStart(4, '0')}`;

  beforeAll(async () => {
    store = await Store.open(options);
    app = createServerApp({ store, clock: () => now, signup: { mode: 'open' } });
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  const call = async (method: string, path: string, json?: unknown, token?: string) => {
    const res = await app.request(`/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function registered(overrides = {}) {
    const shop = await testShop(overrides);
    const res = await call('POST', '/shops', { shop, deviceName: 'Counter 1' });
    expect(res.status).toBe(201);
    return { shop, token: res.body.token as string };
  }

  const join = (shopId: string, phone: string, extra = {}) =>
    call('POST', `/shops/${shopId}/self-join`, {
      name: '  Siti   Rahma ',
      phone,
      birthday: '1990-05-17',
      marketingConsent: false,
      ...extra,
    });

  it('stores the member as a server member change the tablets pull, and signs the card', async () => {
    const { shop, token } = await registered();
    const info = await call('GET', `/shops/${shop.shopId}/join-info`);
    expect(info).toEqual({
      status: 200,
      body: { shopName: 'Kopi Kita', country: 'ID', open: true },
    });
    const res = await join(shop.shopId, '0812-3456-7890');
    expect(res.status).toBe(201);
    const cardToken = res.body.cardToken as string;
    const check = await verifyCard(cardToken, shop.cardKey);
    expect(check.ok).toBe(true);

    const pulled = await call('GET', '/sync/pull?cursor=0&limit=100', undefined, token);
    const items = pulled.body.items as { kind: string; change: Record<string, unknown> }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('member');
    expect(items[0]!.change).toMatchObject({
      memberId: cardToken.split('.')[0],
      deviceId: 'server',
      fields: {
        name: 'Siti Rahma',
        phone: '+6281234567890',
        birthday: '1990-05-17',
        marketingConsent: false,
        consentAt: null,
        selfJoined: true,
      },
    });
    // The card shows at once, with no stamps: the welcome bonus comes at the counter.
    const card = await call('GET', `/card/${cardToken}`);
    expect(card.body).toMatchObject({ firstName: 'Siti', balance: 0, shopName: 'Kopi Kita' });
  });

  it('never hands out a known phone’s card: "already a member", in any spelling', async () => {
    const { shop } = await registered();
    const phone = nextPhone();
    expect((await join(shop.shopId, phone)).status).toBe(201);
    const again = await join(shop.shopId, `+62 ${phone.slice(1)}`, { name: 'Someone Else' });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('already_member');
    expect(again.body).not.toHaveProperty('cardToken');
  });

  it('gives a known phone its card back only with the code the tablet shows for that member', async () => {
    const { shop } = await registered();
    const phone = nextPhone();
    const joined = await join(shop.shopId, phone);
    const memberId = (joined.body.cardToken as string).split('.')[0]!;
    const claim = (code: string, as = phone) =>
      call('POST', `/shops/${shop.shopId}/claim-card`, { phone: as, code });

    // The phone number alone, or a code made up, opens nothing.
    const guessed = await claim('123456');
    expect([guessed.status, guessed.body.error]).toEqual([403, 'wrong_code']);
    expect((await claim('12345')).status).toBe(400);
    // The code the cashier reads off the tablet for this member opens their card.
    const code = await claimCode(memberId, shop.cardKey, now);
    const back = await claim(code, `+62 ${phone.slice(1)}`);
    expect(back.status).toBe(200);
    expect(back.body.cardToken).toBe(joined.body.cardToken);
    // Another phone number with this member's code: not theirs.
    expect((await claim(code, nextPhone())).body.error).toBe('wrong_code');
    // Twenty minutes later the code is spent.
    now += 20 * 60_000;
    expect((await claim(code)).body.error).toBe('wrong_code');
  });

  it('claim-card answers the same whoever calls: a token grants nothing, another shop cannot use the code', async () => {
    const { shop, token: owner } = await registered();
    const other = await registered();
    const code = await call('POST', '/pairing-codes', { ownerPin: TEST_OWNER_PIN }, owner);
    const counter = (
      await call('POST', '/devices/join', { code: code.body.code, deviceName: 'Counter 2' })
    ).body.token as string;
    const phone = nextPhone();
    const joined = await join(shop.shopId, phone);
    const memberId = (joined.body.cardToken as string).split('.')[0]!;
    const claim = async (shopId: string, claimCode: string, token?: string) =>
      call('POST', `/shops/${shopId}/claim-card`, { phone, code: claimCode }, token);
    const right = await claimCode(memberId, shop.cardKey, now);
    // No token, this shop's counter tablet, another shop's owner device: the code decides alone.
    for (const token of [undefined, counter, other.token]) {
      const wrong = await claim(
        shop.shopId,
        String((Number(right) + 7) % 1e6).padStart(6, '0'),
        token,
      );
      expect([wrong.status, wrong.body.error]).toEqual([403, 'wrong_code']);
      now += 60 * 60_000; // past any wait the wrong code started
    }
    const fresh = await claimCode(memberId, shop.cardKey, now);
    for (const token of [undefined, counter, other.token])
      expect((await claim(shop.shopId, fresh, token)).body.cardToken).toBe(joined.body.cardToken);
    // Another shop: this member's code (or one made with the other shop's key) opens nothing there.
    const elsewhere = await claim(other.shop.shopId, fresh, other.token);
    expect([elsewhere.status, elsewhere.body.error]).toEqual([403, 'wrong_code']);
    const forged = await claimCode(memberId, other.shop.cardKey, now);
    expect((await claim(shop.shopId, forged)).body.error).toBe('wrong_code');
  });

  it('makes a code guesser wait after five wrong codes, shared per shop and phone', async () => {
    const { shop, token } = await registered();
    const other = await registered({ name: 'Other café' });
    const phone = nextPhone();
    const joined = await join(shop.shopId, phone);
    const memberId = (joined.body.cardToken as string).split('.')[0]!;
    const right = await claimCode(memberId, shop.cardKey, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const tries = await Promise.all(
      Array.from({ length: 8 }, () =>
        call('POST', `/shops/${shop.shopId}/claim-card`, { phone, code: wrong }),
      ),
    );
    expect(tries.filter((t) => t.body.error === 'wrong_code').length).toBeLessThanOrEqual(5);
    const res = await app.request(`/api/shops/${shop.shopId}/claim-card`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, code: right }),
    });
    const waited = (await res.json()) as Record<string, unknown>;
    expect([res.status, waited.error]).toEqual([429, 'too_many_tries']);
    // The phone is told how long, in the body and in Retry-After, as the message says.
    const waitMs = waited.retryAfterMs as number;
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(30_000);
    const seconds = res.headers.get('retry-after');
    expect(seconds).toBe(String(Math.ceil(waitMs / 1000)));
    expect(waited.message).toBe(
      `Too many wrong codes. Wait ${seconds} seconds and ask the cashier again.`,
    );
    // A tablet's token, this shop's or another's, buys no extra tries.
    for (const t of [token, other.token]) {
      const again = await call(
        'POST',
        `/shops/${shop.shopId}/claim-card`,
        { phone, code: right },
        t,
      );
      expect([again.status, again.body.error]).toEqual([429, 'too_many_tries']);
    }
    // Another shop's budget for the same phone is its own: no wait there, just no card.
    const elsewhere = await call('POST', `/shops/${other.shop.shopId}/claim-card`, {
      phone,
      code: right,
    });
    expect([elsewhere.status, elsewhere.body.error]).toEqual([403, 'wrong_code']);
    now += 60 * 60_000;
    const fresh = await claimCode(memberId, shop.cardKey, now);
    const back = await call('POST', `/shops/${shop.shopId}/claim-card`, { phone, code: fresh });
    expect(back.status).toBe(200);
  });

  it('refuses a bad form with the field to fix, and stores nothing', async () => {
    const { shop, token } = await registered();
    const res = await join(shop.shopId, '12', { name: ' ', birthday: '2999-01-01' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'invalid_member',
      fields: { name: 'name.required', phone: 'phone.invalid', birthday: 'birthday.future' },
    });
    expect(typeof res.body.message).toBe('string');
    const bad = await call('POST', `/shops/${shop.shopId}/self-join`, { name: 'A' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid' } });
    const pulled = await call('GET', '/sync/pull?cursor=0&limit=100', undefined, token);
    expect(pulled.body.items).toEqual([]);
  });

  it('answers 404 for an unknown shop and 403 when the owner turned self-enrolment off', async () => {
    expect((await join('NOSUCHSHOP', nextPhone())).body.error).toBe('no_shop');
    const { shop } = await registered({ selfJoin: false });
    expect((await call('GET', `/shops/${shop.shopId}/join-info`)).body.open).toBe(false);
    const res = await join(shop.shopId, nextPhone());
    expect(res).toMatchObject({ status: 403, body: { error: 'self_join_off' } });
  });

  it('limits sign-ups per address and per shop within an hour, counted in the database', async () => {
    now += 2 * 60 * 60_000; // earlier tests' tries are out of the window
    const { shop } = await registered();
    for (let i = 0; i < SELF_JOIN_PER_ADDRESS; i++)
      expect((await join(shop.shopId, nextPhone())).status).toBe(201);
    const over = await join(shop.shopId, nextPhone());
    expect(over).toMatchObject({ status: 429, body: { error: 'too_many_joins' } });
    // Another process on the same database sees the same count.
    const other = createServerApp({ store, clock: () => now, signup: { mode: 'open' } });
    const res = await other.request(`/api/shops/${shop.shopId}/self-join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana', phone: nextPhone(), marketingConsent: true }),
    });
    expect(res.status).toBe(429);
    now += 61 * 60_000;
    expect((await join(shop.shopId, nextPhone())).status).toBe(201);
    expect(SELF_JOIN_PER_SHOP).toBeGreaterThan(SELF_JOIN_PER_ADDRESS);
  });
});
