/**
 * Tablets (each its own IndexedDB) syncing through the real server (Hono app
 * over an in-memory SQLite store): offline work converges on every tablet,
 * nothing is lost or doubled, and a double redemption stays as a conflict.
 */
import { membersInConflict, resolveConflict } from '../db/owner-ledger';
import { addStamps, redeemReward, enrollMember } from '../db/counter';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateMember } from '../db/members';
import type { SetiaDB } from '../db/schema';
import { getSyncState } from '../db/sync-state';
import { memberFields } from '../db/test-db';
import { openHarness, SERVER, type Harness } from '../../tests/support/tablets';
import { pendingCount } from './outgoing';

let h: Harness;
/** Set to make the next push reach the server but lose its reply. */
let dropNextPushReply = false;

beforeAll(async () => {
  h = await openHarness({
    afterReply: (url) => {
      if (dropNextPushReply && url.endsWith('/sync/push')) {
        dropNextPushReply = false;
        throw new TypeError('network dropped');
      }
    },
  });
});
afterAll(() => h.store.close());

const shopWithTablets = (extra: number) => h.shopWithTablets(extra);
const round = (db: SetiaDB) => h.round(db);
const syncAll = (tablets: SetiaDB[]) => h.syncAll(tablets);
const ctx = () => h.ctx();

async function snapshot(db: SetiaDB) {
  const members = await db.members.orderBy('id').toArray();
  return {
    events: (await db.events.orderBy('id').primaryKeys()).length,
    eventIds: await db.events.orderBy('id').primaryKeys(),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      phone: m.phone,
      placeholder: m.placeholder ?? false,
      balance: m.stats.balance,
      visits: m.stats.visits,
      redeemed: m.stats.redeemed,
      conflicts: m.stats.conflicts,
    })),
  };
}

describe('tablets syncing through the server', () => {
  it('brings a member enrolled and stamped on one tablet to the others', async () => {
    const [a, b, c] = await shopWithTablets(2);
    const ana = await enrollMember(
      a!,
      { fields: memberFields('Ana Wijaya'), phoneKeys: [] },
      h.clock.now,
    );
    await addStamps(a!, ana.id, 3, ctx());
    expect(await pendingCount(a!)).toBe(2);
    await syncAll([a!, b!, c!]);
    expect(await pendingCount(a!)).toBe(0);
    for (const t of [b!, c!]) {
      const seen = await t.members.get(ana.id);
      expect(seen).toMatchObject({ name: 'Ana Wijaya', stats: { balance: 3, visits: 1 } });
      expect(seen?.nameWords).toContain('ana');
    }
  });

  it('converges offline stamps from three tablets: nothing lost, nothing doubled', async () => {
    const tablets = await shopWithTablets(2);
    const [a, b, c] = tablets as [SetiaDB, SetiaDB, SetiaDB];
    const budi = await enrollMember(
      a,
      { fields: memberFields('Budi'), phoneKeys: [] },
      h.clock.now,
    );
    await syncAll(tablets);
    // Offline: each tablet stamps Budi on its own.
    await addStamps(a, budi.id, 2, ctx());
    await addStamps(b, budi.id, 3, ctx());
    await addStamps(c, budi.id, 4, ctx());
    await addStamps(c, budi.id, 1, ctx());
    await syncAll(tablets);
    const views = await Promise.all(tablets.map(snapshot));
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    expect(views[0]!.members[0]).toMatchObject({ balance: 10, visits: 4 });
    expect(views[0]!.events).toBe(4);
  });

  it('keeps a reward redeemed on two offline tablets as a conflict, until the owner settles it', async () => {
    const tablets = await shopWithTablets(1);
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    const citra = await enrollMember(
      a,
      { fields: memberFields('Citra'), phoneKeys: [] },
      h.clock.now,
    );
    await addStamps(a, citra.id, 10, ctx());
    await syncAll(tablets);
    await redeemReward(a, citra.id, ctx());
    await redeemReward(b, citra.id, ctx());
    await syncAll(tablets);
    for (const t of tablets) {
      const m = await t.members.get(citra.id);
      expect(m?.stats).toMatchObject({ balance: -10, redeemed: 2 });
      expect((await membersInConflict(t)).map((x) => x.id)).toEqual([citra.id]);
    }
    await resolveConflict(a, citra.id, true, 'forgiven', ctx());
    await syncAll(tablets);
    for (const t of tablets) {
      expect((await t.members.get(citra.id))?.stats).toMatchObject({ balance: 0, redeemed: 2 });
      expect(await membersInConflict(t)).toEqual([]);
    }
  });

  it('stamps a member another tablet enrolled offline, and fills in their details later', async () => {
    const tablets = await shopWithTablets(1);
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    const dewi = await enrollMember(
      a,
      { fields: memberFields('Dewi', '+6281234567890'), phoneKeys: [] },
      h.clock.now,
    );
    // Tablet B scans Dewi's verified card before A has synced.
    await addStamps(b, dewi.id, 2, h.ctx({ verifiedCard: true }));
    expect(await b.members.get(dewi.id)).toMatchObject({ placeholder: true });
    await syncAll(tablets);
    for (const t of tablets)
      expect(await snapshot(t)).toMatchObject({
        members: [{ name: 'Dewi', phone: '+6281234567890', placeholder: false, balance: 2 }],
      });
  });

  it('stores a push once when its reply was lost, and sends nothing twice', async () => {
    const tablets = await shopWithTablets(1);
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    const eko = await enrollMember(a, { fields: memberFields('Eko'), phoneKeys: [] }, h.clock.now);
    for (let i = 0; i < 5; i++) await addStamps(a, eko.id, 1, ctx());
    dropNextPushReply = true;
    await expect(round(a)).rejects.toThrow();
    expect(await pendingCount(a)).toBe(6);
    await round(a);
    await round(a);
    expect(await pendingCount(a)).toBe(0);
    await round(b);
    expect(await b.events.count()).toBe(5);
    expect((await b.members.get(eko.id))?.stats.balance).toBe(5);
    const state = (await getSyncState(b))!;
    const all = await h.api.pull(SERVER, state.token, 0);
    expect(all.items.filter((i) => i.kind === 'event')).toHaveLength(5);
  });

  it('merges member edits from two tablets field by field', async () => {
    const tablets = await shopWithTablets(1);
    const [a, b] = tablets as [SetiaDB, SetiaDB];
    const fajar = await enrollMember(
      a,
      { fields: memberFields('Fajar'), phoneKeys: [] },
      h.clock.now,
    );
    await syncAll(tablets);
    await updateMember(
      a,
      fajar.id,
      { email: 'fajar@example.com' },
      undefined,
      (h.clock.now += 1000),
    );
    await updateMember(b, fajar.id, { name: 'Fajar Nugroho' }, undefined, (h.clock.now += 1000));
    await syncAll(tablets);
    for (const t of tablets)
      expect(await t.members.get(fajar.id)).toMatchObject({
        name: 'Fajar Nugroho',
        email: 'fajar@example.com',
      });
  });

  it('converges whatever the tablets do offline and whenever they sync (property)', async () => {
    type Step = { tablet: number; action: 'stamp' | 'redeem' | 'sync'; qty: number };
    const step = fc.record({
      tablet: fc.integer({ min: 0, max: 2 }),
      action: fc.constantFrom<Step['action']>('stamp', 'stamp', 'redeem', 'sync'),
      qty: fc.integer({ min: 1, max: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const tablets = await shopWithTablets(2);
        const member = await enrollMember(
          tablets[0]!,
          { fields: memberFields('Gita'), phoneKeys: [] },
          h.clock.now,
        );
        await syncAll(tablets);
        let written = 0;
        for (const s of steps) {
          const t = tablets[s.tablet]!;
          if (s.action === 'sync') await round(t);
          else if (s.action === 'stamp') {
            await addStamps(t, member.id, s.qty, ctx());
            written += 1;
          } else {
            // A tablet refuses a redemption it cannot see stamps for: that is not a write.
            written += await redeemReward(t, member.id, ctx()).then(
              () => 1,
              () => 0,
            );
          }
        }
        await syncAll(tablets);
        const views = await Promise.all(tablets.map(snapshot));
        expect(views[1]).toEqual(views[0]);
        expect(views[2]).toEqual(views[0]);
        expect(views[0]!.events).toBe(written);
      }),
      { numRuns: 15 },
    );
    // Fifteen three-tablet histories through the real server: seconds on a busy 2-core machine.
  }, 60_000);
});
