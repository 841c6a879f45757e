/**
 * The snapshot's member pages computed ahead (snapshot.ts PagesAhead) and the
 * snapshot's token check on every route it mounts. Written against surviving
 * mutants (docs/mutation-survivors.md). What a tablet reads is the same whether
 * a page was computed ahead or not, so the page fold is watched: the server
 * computes the page a tablet will ask for next while the tablet reads the last
 * one, serves it once, keeps it a minute and keeps the 16 computed last. The app
 * is built inside each test, so that its routes are set up while the test runs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testShop } from '../../shared/test-shop';
import { createServerApp } from '../app';
import { snapshotMembers } from '../store/snapshot';
import type * as SnapshotStore from '../store/snapshot';
import { Store } from '../store/store';
import { backends, dropBackend } from '../test-backends';
import { stampEvent, uid } from '../testing/events';

// The real fold, watched: which member pages the server computes, and when.
vi.mock('../store/snapshot', async (importOriginal) => {
  const real = await importOriginal<typeof SnapshotStore>();
  return { ...real, snapshotMembers: vi.fn(real.snapshotMembers) };
});
const folded = vi.mocked(snapshotMembers);

/** Lets a page the server put aside start computing (it starts on setImmediate), and finish. */
async function settled() {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  await Promise.allSettled(folded.mock.results.map((r) => r.value));
}

describe.each(backends())('the snapshot at its edges, on %s', (_name, options) => {
  let store: Store;
  const now = 1_750_000_000_000;
  beforeAll(async () => {
    store = await Store.open(options);
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const makeApp = () => createServerApp({ store, clock: () => now, signup: { mode: 'open' } });
  type App = ReturnType<typeof makeApp>;

  const call = async (app: App, path: string, token?: string) => {
    const res = await app.request(`/api${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** A shop whose owner device stamped `count` members (ids in order), and its snapshot's `at`. */
  async function withMembers(app: App, count: number) {
    const shop = await testShop();
    const reg = await app.request('/api/shops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shop, deviceName: 'Owner' }),
    });
    expect(reg.status).toBe(201);
    const { token, deviceId } = (await reg.json()) as { token: string; deviceId: string };
    const members = Array.from({ length: count }, (_, i) => `${uid('M')}${i}`).sort();
    const pushed = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        events: members.map((m, i) => stampEvent(m, deviceId, i + 1, now)),
        memberChanges: [],
      }),
    });
    expect(pushed.status).toBe(200);
    const start = await call(app, '/sync/snapshot', token);
    expect(start).toMatchObject({ status: 200, body: { members: count, events: count } });
    return { token, shopId: shop.shopId, members, at: start.body.at as number };
  }

  /** One member page as the tablet reads it: its member ids and whether more follow. */
  const page = async (app: App, token: string, at: number, after: string, limit: number) => {
    const res = await call(
      app,
      `/sync/snapshot/members?at=${at}&after=${after}&limit=${limit}`,
      token,
    );
    expect(res.status).toBe(200);
    await settled();
    return {
      ids: (res.body.members as { id: string }[]).map((m) => m.id),
      more: res.body.more as boolean,
    };
  };

  /** The member pages the server folded since the last look, as [after, limit]. */
  const foldedSince = () => {
    const pages = folded.mock.calls.map(([, , , after, limit]) => [after, limit]);
    folded.mockClear();
    return pages;
  };

  it('folds the page a tablet asks for next while it reads this one, once, and none after the last', async () => {
    const app = makeApp();
    const { token, shopId, members, at } = await withMembers(app, 3);
    const [m0, m1, m2] = members;
    folded.mockClear();

    expect(await page(app, token, at, '', 1)).toEqual({ ids: [m0], more: true });
    // The first page, then the one after it, ahead, for the same shop and cursor.
    expect(folded.mock.calls.map(([, shop, cursor]) => [shop, cursor])).toEqual([
      [shopId, at],
      [shopId, at],
    ]);
    expect(foldedSince()).toEqual([
      ['', 1],
      [m0, 1],
    ]);
    // Asked for, the page after m0 is the one folded ahead: only the next is folded now.
    expect(await page(app, token, at, m0!, 1)).toEqual({ ids: [m1], more: true });
    expect(foldedSince()).toEqual([[m1, 1]]);
    // A page folded ahead is served once: asked again, it is folded again.
    expect(await page(app, token, at, m0!, 1)).toEqual({ ids: [m1], more: true });
    expect(foldedSince()).toEqual([
      [m0, 1],
      [m1, 1],
    ]);
    // The last page (no more) is served from what was folded ahead, and nothing follows it.
    expect(await page(app, token, at, m1!, 1)).toEqual({ ids: [m2], more: false });
    expect(foldedSince()).toEqual([]);
    // A page of several members is followed by the one after its last member.
    expect(await page(app, token, at, '', 2)).toEqual({ ids: [m0, m1], more: true });
    expect(foldedSince()).toEqual([
      ['', 2],
      [m1, 2],
    ]);
  });

  it('keeps a page folded ahead for a minute, not a moment longer', async () => {
    const app = makeApp();
    const { token, members, at } = await withMembers(app, 4);
    const [m0, m1, m2, m3] = members;
    let t = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => t);
    folded.mockClear();

    expect(await page(app, token, at, '', 1)).toEqual({ ids: [m0], more: true });
    expect(foldedSince()).toEqual([
      ['', 1],
      [m0, 1],
    ]);
    t += 59_999; // one millisecond left: served
    expect(await page(app, token, at, m0!, 1)).toEqual({ ids: [m1], more: true });
    expect(foldedSince()).toEqual([[m1, 1]]);
    t += 60_000; // the page after m1 was folded exactly a minute ago: folded again
    expect(await page(app, token, at, m1!, 1)).toEqual({ ids: [m2], more: true });
    expect(foldedSince()).toEqual([
      [m1, 1],
      [m2, 1],
    ]);
    t += 60_001;
    expect(await page(app, token, at, m2!, 1)).toEqual({ ids: [m3], more: false });
    expect(foldedSince()).toEqual([[m2, 1]]);
  });

  it('keeps the 16 pages folded ahead last, letting the oldest go', async () => {
    const app = makeApp();
    const { token, members, at } = await withMembers(app, 18);
    // 17 tablets each read a first page, of 1 to 17 members: 17 pages are folded ahead.
    for (let limit = 1; limit <= 17; limit++)
      expect((await page(app, token, at, '', limit)).more).toBe(true);
    folded.mockClear();
    // The second oldest is still kept: served as folded.
    expect((await page(app, token, at, members[1]!, 2)).ids).toEqual(members.slice(2, 4));
    expect(foldedSince()).toEqual([[members[3], 2]]);
    // The oldest was let go when the 17th was folded: folded again.
    expect((await page(app, token, at, members[0]!, 1)).ids).toEqual([members[1]]);
    expect(foldedSince()).toEqual([
      [members[0], 1],
      [members[1], 1],
    ]);
  });

  it('lets a page folded a minute ago go, so that it does not push out one still fresh', async () => {
    const app = makeApp();
    const { token, members, at } = await withMembers(app, 18);
    let t = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => t);
    const t0 = t;
    await page(app, token, at, '', 1); // folds ahead the page after members[0], by 1
    await page(app, token, at, '', 2); // and the page after members[1], by 2
    t = t0 + 30_000;
    // The first tablet asks for its first page again: its page ahead is folded anew, kept first.
    await page(app, token, at, '', 1);
    t = t0 + 60_000; // the page by 2 is exactly a minute old: let go when the next is folded
    for (let limit = 3; limit <= 17; limit++)
      expect((await page(app, token, at, '', limit)).more).toBe(true);
    folded.mockClear();
    // 16 kept: the first tablet's page ahead, folded 30 s ago, is still there.
    expect((await page(app, token, at, members[0]!, 1)).ids).toEqual([members[1]]);
    expect(foldedSince()).toEqual([[members[1], 1]]);
  });

  it('asks for the device token on every snapshot route', async () => {
    const app = makeApp();
    const { at } = await withMembers(app, 1);
    const noToken = {
      status: 401,
      body: { error: 'no_token', message: 'Send the device token as "Authorization: Bearer …".' },
    };
    for (const path of ['', '/', `/members?at=${at}`, `/events?at=${at}`])
      expect({ path, ...(await call(app, `/sync/snapshot${path}`)) }).toEqual({
        path,
        ...noToken,
      });
  });
});
