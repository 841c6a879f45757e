/**
 * A new tablet joining a shop from a snapshot (the real Hono app over an
 * in-memory SQLite store): it ends with exactly the members, balances and
 * history of the shop; events written after the snapshot arrive by pull,
 * once; a member can be stamped while still packed; a join cut short resumes.
 */
import { addStamps, redeemReward, undoLast, enrollMember } from '../db/counter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionContext } from '../db/ledger';
import { getMember, searchMembers, updateMember } from '../db/members';
import type { SetiaDB } from '../db/schema';
import { getSyncState } from '../db/sync-state';
import { freshDb, memberFields } from '../db/test-db';
import { testShop } from '../shared/test-shop';
import { openHarness, SERVER, type Harness } from '../../tests/support/tablets';
import type { SyncApi } from './client';
import { connectToServer } from './connect';
import { syncRound } from './round';
import { catchUpStatus } from './status';

let h: Harness;
let shops = 0;
let api: SyncApi;
const clock = () => h.clock.now;
const ctx = (extra: Partial<ActionContext> = {}) => h.ctx(extra);

beforeAll(async () => {
  h = await openHarness({ now: 1_760_000_000_000 });
  api = h.api;
});
afterAll(() => h.store.close());

/** The same API with small snapshot pages (to page through a small shop) and hooks. */
function smallPages(hooks: {
  onMembers?: (after: string) => Promise<void>;
  onEvents?: (after: number) => Promise<void>;
}): SyncApi {
  return {
    ...api,
    snapshotMembers: async (server, token, at, after) => {
      await hooks.onMembers?.(after);
      return api.snapshotMembers(server, token, at, after, 4);
    },
    snapshotEvents: async (server, token, at, after) => {
      await hooks.onEvents?.(after);
      return api.snapshotEvents(server, token, at, after, 7);
    },
  };
}

/** The owner's tablet and a second one, with a shop's worth of history on the server. */
async function busyShop() {
  const shop = await testShop();
  const a = await freshDb(shop);
  await connectToServer(a, SERVER, await api.register(SERVER, shop, 'Owner'));
  const b = await joinWith(a, false);
  const ids: string[] = [];
  for (let i = 0; i < 13; i++) {
    const phone = i % 2 ? `+62812345678${String(i).padStart(2, '0')}` : null;
    const m = await enrollMember(
      a,
      {
        fields: memberFields(`Member ${i} Wijaya`, phone),
        phoneKeys: phone ? [phone.slice(1)] : [],
      },
      (h.clock.now += 1000),
    );
    ids.push(m.id);
  }
  for (const [i, id] of ids.entries()) {
    await addStamps(a, id, 1 + (i % 4), ctx());
    if (i % 3 === 0) await addStamps(a, id, 10, ctx());
  }
  await syncRound(a, api, clock);
  await syncRound(b, api, clock);
  await redeemReward(b, ids[0]!, ctx());
  await undoLast(a, ids[1]!, ctx());
  await updateMember(b, ids[2]!, { name: 'Renamed Member' }, undefined, (h.clock.now += 1000));
  await updateMember(a, ids[3]!, { email: 'three@example.com' }, undefined, (h.clock.now += 1000));
  // A card scanned on B for a member nobody enrolled: a placeholder with stamps.
  await addStamps(b, `PLACEHOLDER${++shops}`, 2, ctx({ verifiedCard: true }));
  for (let k = 0; k < 2; k++) for (const t of [a, b]) await syncRound(t, api, clock);
  return { shop, a, b, ids };
}

const joinWith = (owner: SetiaDB, snapshot = true) => h.joinTablet(owner, { snapshot });

/** What a tablet knows: every member as the counter sees them, and the history's event ids. */
async function view(db: SetiaDB) {
  const members = await db.members.orderBy('id').toArray();
  const packed = (await db.eventPacks.toArray()).flatMap((p) => p.events.map((e) => e.id));
  const rows = (await db.events.toCollection().primaryKeys()) as string[];
  return {
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      phone: m.phone,
      email: m.email,
      joinedAt: m.joinedAt,
      clocks: m.clocks,
      nameWords: m.nameWords,
      placeholder: m.placeholder ?? false,
      stats: m.stats,
    })),
    history: [...packed, ...rows].sort(),
  };
}

describe('a new tablet joining a shop', () => {
  it('has exactly the members, balances and history of the shop, in a few pages', async () => {
    const { a, b, ids } = await busyShop();
    const pages: string[] = [];
    const c = await joinWith(a);
    const joined = await syncRound(
      c,
      smallPages({ onMembers: async (after) => void pages.push(after) }),
      clock,
    );
    expect(joined).toEqual({ pushed: 0, pulled: 0 });
    expect(pages.length).toBe(4); // 14 members, 4 a page
    const reference = await view(b);
    expect(reference.members).toHaveLength(14);
    expect(await view(c)).toEqual(reference);
    // The history is held in packs (no row per event), and the stats count it once.
    expect(await c.events.count()).toBe(0);
    expect(await c.memberPacks.count()).toBe(0);
    const state = (await getSyncState(c))!;
    expect(state.join).toBeUndefined();
    expect(state.cursor).toBe((await getSyncState(b))!.cursor);
    expect(catchUpStatus.get()).toBeNull();
    expect((await getMember(c, ids[0]!))?.stats).toMatchObject({
      balance: 1 + 10 - 10,
      redeemed: 1,
    });
    expect((await searchMembers(c, 'renamed')).map((m) => m.id)).toEqual([ids[2]]);
    expect(await searchMembers(c, '+62 812 345 678')).toHaveLength(6);
  });

  it('pulls what was written after the snapshot once, and folds it on top of the history', async () => {
    const { a, b, ids } = await busyShop();
    const c = await joinWith(a);
    let once = false;
    await syncRound(
      c,
      smallPages({
        // Between the snapshot's start and its pages, the owner stamps and syncs.
        onMembers: async () => {
          if (once) return;
          once = true;
          await addStamps(a, ids[4]!, 3, ctx());
          await undoLast(a, ids[5]!, ctx()); // reverses an event the snapshot holds in a pack
          await syncRound(a, api, clock);
        },
      }),
      clock,
    );
    await syncRound(b, api, clock);
    await syncRound(c, api, clock);
    // Undoing a visit the tablet holds only in its base cannot restore the visit dates
    // before it (the base keeps totals, not every date): all else must match.
    const approx = (v: Awaited<ReturnType<typeof view>>) => ({
      ...v,
      members: v.members.map((m) =>
        m.id === ids[5]
          ? { ...m, stats: { ...m.stats, firstVisitAt: 0, lastVisitAt: 0, lastEventAt: 0 } }
          : m,
      ),
    });
    expect(approx(await view(c))).toEqual(approx(await view(b)));
    expect(await c.events.count()).toBe(2);
    const before = (await b.members.get(ids[5]!))!.stats.balance;
    expect((await c.members.get(ids[5]!))!.stats.balance).toBe(before);
    expect((await c.members.get(ids[4]!))!.stats.balance).toBe(1 + 3);
  });

  it('stamps a member while the tablet catches up, and loses or doubles nothing', async () => {
    const { a, b, ids } = await busyShop();
    const c = await joinWith(a);
    const target = ids[0]!;
    let stamped = false;
    await syncRound(
      c,
      smallPages({
        onMembers: async (after) => {
          if (after === '' || stamped) return;
          stamped = true;
          expect(catchUpStatus.get()?.ready).toBe(false);
          await addStamps(c, target, 2, ctx({ verifiedCard: true }));
        },
      }),
      clock,
    );
    expect(stamped).toBe(true);
    expect((await c.members.get(target))?.stats).toMatchObject({ balance: 3, visits: 3 });
    for (let k = 0; k < 2; k++) for (const t of [c, a, b]) await syncRound(t, api, clock);
    const all = await Promise.all([a, b, c].map(view));
    expect(all[1]).toEqual(all[0]);
    expect(all[2]).toEqual(all[0]);
    expect(all[0]!.members.find((m) => m.id === target)?.stats.balance).toBe(3);
  });

  it('gives a card scanned before its pack arrived its details and history', async () => {
    const { a, b, ids } = await busyShop();
    const c = await joinWith(a);
    const target = ids[0]!;
    await syncRound(
      c,
      smallPages({
        onMembers: async (after) => {
          if (after !== '') return;
          // Nothing is on the tablet yet: a verified card is stamped on a placeholder.
          await addStamps(c, target, 2, ctx({ verifiedCard: true }));
          expect(await c.members.get(target)).toMatchObject({ placeholder: true });
        },
      }),
      clock,
    );
    expect(await c.members.get(target)).toMatchObject({
      name: 'Member 0 Wijaya',
      stats: { balance: 3, visits: 3, redeemed: 1 },
    });
    expect((await c.members.get(target))?.placeholder).toBeUndefined();
    for (let k = 0; k < 2; k++) for (const t of [c, a, b]) await syncRound(t, api, clock);
    const all = await Promise.all([a, b, c].map(view));
    expect(all[2]).toEqual(all[0]);
  });

  it('resumes a join cut short without loading anything twice', async () => {
    const { a, b } = await busyShop();
    const c = await joinWith(a);
    let calls = 0;
    const flaky = smallPages({
      onEvents: async () => {
        calls += 1;
        if (calls === 2) throw new TypeError('network dropped');
      },
    });
    await expect(syncRound(c, flaky, clock)).rejects.toThrow();
    expect((await getSyncState(c))!.join).toMatchObject({ membersLoaded: true });
    await syncRound(c, flaky, clock);
    expect(await view(c)).toEqual(await view(b));
  });

  it('joins an empty shop', async () => {
    const shop = await testShop();
    const a = await freshDb(shop);
    await connectToServer(a, SERVER, await api.register(SERVER, shop, 'Owner'));
    const c = await joinWith(a);
    await syncRound(c, api, clock);
    expect(await c.members.count()).toBe(0);
    expect((await getSyncState(c))!.join).toBeUndefined();
  });
});
