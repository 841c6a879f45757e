/**
 * A customer's rating from their card reaches the shop: the server stores it as
 * a ledger event the tablets pull, once per visit, the bonus at most monthly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/ledger';
import { DEFAULT_RULES } from '../domain/stamp/rules';
import { signCard } from '../shared/card-link';
import { testShop } from '../shared/test-shop';
import { createServerApp } from './app';
import { Store } from './store/store';
import { backends, dropBackend } from './test-backends';

const T0 = 1_760_000_000_000;

describe.each(backends())('card feedback on %s', (_name, options) => {
  let store: Store;
  let now = T0;
  let app: ReturnType<typeof createServerApp>;
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

  it('stores a rating once per visit, as an event the tablets pull', async () => {
    const shop = await testShop({ program: { ...DEFAULT_RULES, feedback: { stamps: 1 } } });
    const reg = await call('POST', '/shops', { shop, deviceName: 'Counter' });
    const token = reg.body.token as string;
    const deviceId = reg.body.deviceId as string;
    const member = `MEMFEEDBACK${Date.now().toString(36)}`.toUpperCase();
    const link = await signCard(member, shop.cardKey);
    const stamp = (seq: number): LedgerEvent => ({
      id: `EVFB${seq}${Date.now().toString(36)}`.toUpperCase(),
      memberId: member,
      type: 'stamp',
      stamps: 1,
      at: T0 + seq,
      deviceId,
      staffId: 'owner',
      seq,
    });
    // Nothing to rate before a visit.
    expect((await call('POST', `/card/${link}/feedback`, { rating: 5 })).status).toBe(404);
    await call('POST', '/sync/push', { events: [stamp(1)], memberChanges: [] }, token);
    expect((await call('POST', `/card/${link}/feedback`, { rating: 9 })).status).toBe(400);
    now += 10_000;
    const ok = await call('POST', `/card/${link}/feedback`, { rating: 5, comment: 'Lovely' });
    expect(ok.status).toBe(201);
    now += 10_000;
    const again = await call('POST', `/card/${link}/feedback`, { rating: 4 });
    expect([again.status, again.body.error]).toEqual([429, 'already_rated']);

    const pulled = await call('GET', '/sync/pull?cursor=0&limit=100', undefined, token);
    const events = (pulled.body.items as { kind: string; event?: LedgerEvent }[])
      .filter((i) => i.kind === 'event')
      .map((i) => i.event!);
    const rating = events.find((e) => e.rating !== undefined)!;
    expect(rating).toMatchObject({ type: 'bonus', stamps: 1, rating: 5, comment: 'Lovely' });
    const card = await call('GET', `/card/${link}`);
    expect(card.body.balance).toBe(2);
  });
});
