/**
 * The same person enrolled on two offline tablets: after sync every tablet
 * flags the two members as possible duplicates; the owner merges them on one
 * tablet and, after sync, every tablet shows one member with the summed
 * balance, the whole ledger kept, and not a stamp lost.
 */
import { addStamps, enrollMember } from '../db/counter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateSuspects, rescanDuplicates, resolveMerged } from '../db/duplicate-notes';
import { duplicatesForOwner, mergeDuplicate, moveLeftoverStamps } from '../db/duplicates';
import { memberEvents } from '../db/ledger';
import { findByPhone, searchMembers } from '../db/members';
import type { SetiaDB } from '../db/schema';
import { getShop } from '../db/settings';
import { memberFields } from '../db/test-db';
import { phoneKeys } from '../domain/phone';
import { signCard } from '../shared/card-link';
import { openHarness, type Harness } from '../../tests/support/tablets';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.store.close());

const PHONE = '+6281234567890';
const enrollSiti = (db: SetiaDB, name = 'Siti Aminah') =>
  enrollMember(db, { fields: memberFields(name, PHONE), phoneKeys: phoneKeys(PHONE) }, h.clock.now);

async function view(db: SetiaDB) {
  const found = await searchMembers(db, 'Siti');
  const members = await db.members.orderBy('id').toArray();
  return {
    found: found.map((m) => ({ id: m.id, balance: m.stats.balance })),
    members: members.map((m) => [m.id, m.mergedInto ?? null, m.stats.balance, m.stats.visits]),
    events: await db.events.orderBy('id').primaryKeys(),
    history: await Promise.all(
      found.map(async (m) => (await memberEvents(db, m.id)).map((e) => e.id)),
    ),
    owner: await duplicatesForOwner(db).then(({ groups, leftovers }) => ({
      groups: groups.map((g) => g.members.map((m) => m.id)),
      leftovers: leftovers.map((l) => [l.member.id, l.member.stats.balance, l.into.id]),
    })),
  };
}

async function expectSameEverywhere(tablets: SetiaDB[]) {
  const views = await Promise.all(tablets.map(view));
  for (const v of views.slice(1)) expect(v).toEqual(views[0]);
  return views[0]!;
}

describe('the same person enrolled on two offline tablets', () => {
  it('is flagged on every tablet, merged on one, and shown once everywhere with every stamp', async () => {
    const tablets = await h.shopWithTablets(2);
    const [a, b, c] = tablets as [SetiaDB, SetiaDB, SetiaDB];
    // Offline, A and B each enroll Siti with the same phone and stamp her card.
    const first = await enrollSiti(a);
    await addStamps(a, first.id, 3, h.ctx());
    h.clock.now += 1000;
    const second = await enrollSiti(b, 'Siti');
    await addStamps(b, second.id, 2, h.ctx());
    await h.syncAll(tablets);

    const before = await expectSameEverywhere(tablets);
    const [keep, dup] = [first.id, second.id].sort() as [string, string];
    expect(before.owner.groups).toEqual([[keep, dup]]);
    expect(before.found).toHaveLength(2);
    for (const t of tablets) expect(await duplicateSuspects(t)).toEqual(new Set([keep, dup]));
    // A tablet that got its members in bulk (no pulled changes) finds them by a rescan.
    await c.settings.delete('duplicates');
    expect(await duplicateSuspects(c)).toEqual(new Set());
    await rescanDuplicates(c);
    expect(await duplicateSuspects(c)).toEqual(new Set([keep, dup]));

    // The owner merges them on C (a tablet that enrolled neither).
    await mergeDuplicate(c, keep, dup, 'Same person enrolled twice', h.ctx());
    await h.syncAll(tablets);
    const after = await expectSameEverywhere(tablets);
    expect(after.found).toEqual([{ id: keep, balance: 5 }]);
    expect(after.owner).toEqual({ groups: [], leftovers: [] });
    // Two stamps and two adjustments: nothing rewritten, nothing deleted.
    expect(after.events).toHaveLength(4);
    expect(after.members).toContainEqual([dup, keep, 0, 1]);
    for (const t of tablets) {
      expect(await duplicateSuspects(t)).toEqual(new Set());
      expect(await resolveMerged(t, dup)).toBe(keep);
      expect((await findByPhone(t, PHONE))?.id).toBe(keep);
      const adjustments = (await t.events.toArray()).filter((e) => e.type === 'adjustment');
      expect(adjustments.map((e) => [e.memberId, e.stamps, e.reason]).sort()).toEqual(
        [
          [dup, -(dup === second.id ? 2 : 3), 'Same person enrolled twice'],
          [keep, dup === second.id ? 2 : 3, 'Same person enrolled twice'],
        ].sort(),
      );
    }
    // The kept member's history has its own stamp and the stamps moved to it.
    expect(after.history[0]).toHaveLength(2);
    // The duplicate's card link, on the customer's phone, shows the kept card.
    const { cardKey } = (await getShop(a))!;
    expect(await h.store.card(await signCard(dup, cardKey))).toMatchObject({ balance: 5 });
  });

  it('never loses stamps given to the duplicate after the merge, nor doubles them when two tablets merge', async () => {
    const tablets = await h.shopWithTablets(2);
    const [a, b, c] = tablets as [SetiaDB, SetiaDB, SetiaDB];
    const first = await enrollSiti(a);
    await addStamps(a, first.id, 4, h.ctx());
    h.clock.now += 1000;
    const second = await enrollSiti(b);
    await addStamps(b, second.id, 6, h.ctx());
    await h.syncAll(tablets);
    const [keep, dup] = [first.id, second.id].sort() as [string, string];
    const total = 10;

    // Offline at once: A and B both merge; C, not knowing, stamps the duplicate's card.
    await mergeDuplicate(a, keep, dup, 'merged on A', h.ctx());
    await mergeDuplicate(b, keep, dup, 'merged on B', h.ctx());
    await addStamps(c, dup, 1, h.ctx());
    await h.syncAll(tablets);
    const moved = await expectSameEverywhere(tablets);
    // The double merge moved the balance twice: the duplicate is overdrawn, and the owner sees it.
    const dupBalance = (await a.members.get(dup))!.stats.balance;
    const keepBalance = (await a.members.get(keep))!.stats.balance;
    expect(dupBalance + keepBalance).toBe(total + 1);
    expect(moved.owner.leftovers).toEqual([[dup, dupBalance, keep]]);

    await moveLeftoverStamps(b, dup, 'settled', h.ctx());
    await h.syncAll(tablets);
    const settled = await expectSameEverywhere(tablets);
    expect(settled.found).toEqual([{ id: keep, balance: total + 1 }]);
    expect(settled.owner).toEqual({ groups: [], leftovers: [] });
  });
});
