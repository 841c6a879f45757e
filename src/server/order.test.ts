/**
 * Gapless order: six tablets push at once while a seventh follows its cursor;
 * the follower must see every stored item, and a snapshot's `at` must never
 * gain items below it later. On PostgreSQL this failed before the push took a
 * per-shop lock (transactions committing after a later sequence was seen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/ledger';
import { testShop, TEST_OWNER_PIN } from '../shared/test-shop';
import { createServerApp } from './app';
import { Store } from './store/store';
import { backends, dropBackend } from './test-backends';

const PUSHERS = 6;
const BATCHES = Number(process.env.ORDER_TEST_BATCHES ?? 40);
const BATCH = 25;

describe.each(backends())('log order on %s', (_name, options) => {
  let store: Store;
  let app: ReturnType<typeof createServerApp>;

  beforeAll(async () => {
    store = await Store.open(options);
    app = createServerApp({ store, signup: { mode: 'open' } });
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  async function call(method: string, path: string, token?: string, json?: unknown) {
    const res = await app.request(`/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  /** The owner's tablet and `n` more, each with its own device id and token. */
  async function tablets(n: number) {
    const shop = await testShop({ name: 'Order' });
    const owner = await call('POST', '/shops', undefined, { shop, deviceName: 'Owner' });
    const list = [{ token: owner.token as string, deviceId: owner.deviceId as string }];
    for (let i = 0; i < n; i++) {
      const { code } = await call('POST', '/pairing-codes', owner.token as string, {
        ownerPin: TEST_OWNER_PIN,
      });
      const joined = await call('POST', '/devices/join', undefined, {
        code,
        deviceName: `Tablet ${i + 2}`,
      });
      list.push({ token: joined.token as string, deviceId: joined.deviceId as string });
    }
    return list;
  }

  it('a tablet following its cursor sees every item while six tablets push at once, and no snapshot start gains items later', async () => {
    const [follower, ...pushers] = await tablets(PUSHERS);
    let pushing = true;
    const pushed = new Set<string>();
    const pushOne = async (t: { token: string; deviceId: string }, p: number) => {
      for (let b = 0; b < BATCHES; b++) {
        const events: LedgerEvent[] = Array.from({ length: BATCH }, (_, i) => {
          const n = b * BATCH + i;
          return {
            id: `EV${p}X${n.toString(36)}${t.deviceId}`.slice(0, 40),
            // Members shared between tablets, as at a real counter.
            memberId: `MORD${n % 30}`,
            type: 'stamp',
            stamps: 1,
            quantity: 1,
            at: 1_750_000_000_000 + n,
            deviceId: t.deviceId,
            staffId: 'owner',
            seq: n + 1,
          };
        });
        await call('POST', '/sync/push', t.token, { events, memberChanges: [] });
        for (const e of events) pushed.add(e.id);
      }
    };

    const seen = new Set<string>();
    let cursor = 0;
    const pullOnce = async () => {
      const page = await call('GET', `/sync/pull?cursor=${cursor}&limit=200`, follower!.token);
      for (const item of page.items as { event?: LedgerEvent }[])
        if (item.event) seen.add(item.event.id);
      cursor = page.cursor as number;
      return page.more as boolean;
    };
    const follow = async () => {
      while (pushing) await pullOnce();
      while (await pullOnce());
    };

    // Snapshot starts taken while pushing: what lies at or below `at` then must stay all there is.
    const starts: { at: number; count: number }[] = [];
    const countUpTo = async (at: number) =>
      (
        await store.db
          .selectFrom('log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('seq', '<=', at)
          .where('kind', '=', 'event')
          .where('member_id', 'like', 'MORD%')
          .executeTakeFirstOrThrow()
      ).n;
    const snapshots = async () => {
      while (pushing) {
        const start = await call('GET', '/sync/snapshot', follower!.token);
        starts.push({ at: start.at as number, count: Number(await countUpTo(start.at as number)) });
        await new Promise((r) => setTimeout(r, 5));
      }
    };

    const following = follow();
    const snapshotting = snapshots();
    await Promise.all(pushers.map((t, p) => pushOne(t, p)));
    pushing = false;
    await Promise.all([following, snapshotting]);

    expect(pushed.size).toBe(PUSHERS * BATCHES * BATCH);
    const missed = [...pushed].filter((id) => !seen.has(id));
    expect(missed.length, `${missed.length} of ${pushed.size} never seen by the follower`).toBe(0);
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) expect(Number(await countUpTo(start.at))).toBe(start.count);
  }, 120_000);
});
