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
import { stampEvent } from './testing/events';

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
    // Right away: the card's pause (5 s) answers first.
    expect((await call('POST', `/card/${link}/feedback`, { rating: 4 })).body.error).toBe(
      'too_fast',
    );
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

  /** A shop with one member and their card link; `visit(at)` pushes a stamp for them. */
  async function memberWithCard() {
    const shop = await testShop({ program: { ...DEFAULT_RULES, feedback: { stamps: 1 } } });
    const reg = await call('POST', '/shops', { shop, deviceName: 'Counter' });
    const token = reg.body.token as string;
    const deviceId = reg.body.deviceId as string;
    const member = `MEMRATE${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
    const link = await signCard(member, shop.cardKey);
    let seq = 0;
    const visit = async (at: number) => {
      seq += 1;
      const res = await call(
        'POST',
        '/sync/push',
        { events: [stampEvent(member, deviceId, seq, at)], memberChanges: [] },
        token,
      );
      expect(res.status).toBe(200);
    };
    const ratings = async () => {
      const pulled = await call('GET', '/sync/pull?cursor=0&limit=500', undefined, token);
      return (pulled.body.items as { kind: string; event?: LedgerEvent }[]).filter(
        (i) => i.event?.rating !== undefined,
      ).length;
    };
    return { link, visit, ratings };
  }

  it('never rates a visit stamped later than now (a tablet whose clock runs ahead)', async () => {
    const { link, visit, ratings } = await memberWithCard();
    now += 60_000;
    await visit(now + 4 * 60_000); // within the push's clock tolerance, still in the future
    const early = await call('POST', `/card/${link}/feedback`, { rating: 5 });
    expect([early.status, early.body.error]).toEqual([409, 'no_visit']);
    now += 5 * 60_000; // the visit's time has come
    expect((await call('POST', `/card/${link}/feedback`, { rating: 5 })).status).toBe(201);
    expect(await ratings()).toBe(1);
  });

  it('stores one rating per visit even when ratings arrive at once (the database decides)', async () => {
    for (let round = 0; round < 5; round++) {
      const { link, visit, ratings } = await memberWithCard();
      now += 60_000;
      await visit(now - 1000);
      // Straight to the store with no per-card pause, so only the database stands in the way.
      const tries = await Promise.allSettled(
        Array.from({ length: 4 }, () => store.feedback(link, 5, undefined, now, 0)),
      );
      expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
      for (const t of tries)
        if (t.status === 'rejected')
          expect((t.reason as { code?: string }).code).toBe('already_rated');
      expect(await ratings()).toBe(1);
    }
  });

  // 10,001 requests: a few seconds on an idle machine, sized for a loaded one.
  it(
    'keeps the per-card gap however many bogus links are tried meanwhile',
    { timeout: 60_000 },
    async () => {
      const { link, visit } = await memberWithCard();
      now += 60_000;
      await visit(now - 1000);
      expect((await call('POST', `/card/${link}/feedback`, { rating: 3 })).status).toBe(201);
      now += 500;
      await visit(now); // a second visit, to rate once the pause is over
      now += 500;
      // 10,001 links that do not verify (the old in-memory limit forgot everything after 10,000).
      const [memberId] = link.split('.');
      for (let batch = 0; batch < 10_001; batch += 200)
        await Promise.all(
          Array.from({ length: Math.min(200, 10_001 - batch) }, async (_, i) => {
            const bogus = `${i % 2 ? memberId : `NOBODY${batch + i}`}.${'A'.repeat(21)}${(batch + i) % 10}`;
            expect((await call('POST', `/card/${bogus}/feedback`, { rating: 5 })).status).toBe(404);
          }),
        );
      const soon = await call('POST', `/card/${link}/feedback`, { rating: 5 });
      expect([soon.status, soon.body.error]).toEqual([429, 'too_fast']);
      // How long to wait, for the card page: within the 5 s after which the rating is taken.
      expect(soon.body.retryAfterMs).toBeGreaterThan(0);
      expect(soon.body.retryAfterMs).toBeLessThanOrEqual(5_000);
      now += 5_000;
      expect((await call('POST', `/card/${link}/feedback`, { rating: 5 })).status).toBe(201);
    },
  );
});
