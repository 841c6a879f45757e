/**
 * Reading the outbox: every change this tablet makes comes back by sequence,
 * in batches that leave nothing out, and the pending count says how many the
 * server does not have yet.
 */
import { addStamps, enrollMember } from '../db/counter';
import { afterEach, describe, expect, it } from 'vitest';
import { importMembers } from '../db/csv';
import { updateMember } from '../db/members';
import type { SetiaDB } from '../db/schema';
import { getSettingClocks, updateShop } from '../db/settings';
import { updateSyncState } from '../db/sync-state';
import { freshDb, memberFields } from '../db/test-db';
import type { ImportMember } from '../domain/member-csv';
import { connectToServer } from './connect';
import { outgoing, outgoingSettings, pendingCount } from './outgoing';

const T0 = 1_750_000_000_000;
const OPTS = { now: T0, staffId: 'owner', reason: 'Carried over from import' };
let db: SetiaDB;
afterEach(() => db?.close());

const row = (n: number, name: string, phone: string | null, stamps = 0): ImportMember => ({
  row: n,
  id: null,
  fields: memberFields(name, phone),
  joinedAt: null,
  stamps,
  phoneKeys: [],
});

describe('the outbox, read by sync', () => {
  it('numbers events, member changes and settings edits in one sequence', async () => {
    db = await freshDb();
    await connectToServer(db, 'https://setia.test', { token: 't', deviceId: 'dev' });
    const ana = await enrollMember(db, { fields: memberFields('Ana'), phoneKeys: [] }, T0);
    const stamp = await addStamps(db, ana.id, 2, { staffId: 'owner', now: T0 + 1000 });
    await updateShop(db, { rewardName: 'Free tea' }, T0 + 2000);
    await updateMember(db, ana.id, { email: 'ana@example.com' }, undefined, T0 + 3000);
    expect(await pendingCount(db)).toBe(4);

    const batch = await outgoing(db, 0, 100);
    expect(batch.memberChanges.map((c) => [c.seq, c.fields])).toEqual([
      [1, memberFields('Ana')],
      [4, { email: 'ana@example.com' }],
    ]);
    expect(batch.events).toEqual([stamp]);
    expect(stamp.seq).toBe(2);
    expect(batch.lastSeq).toBe(4);
    const settings = await outgoingSettings(db, 0);
    expect(settings).toEqual({
      changes: [
        { hlc: (await getSettingClocks(db)).rewardName, fields: { rewardName: 'Free tea' } },
      ],
      lastSeq: 3,
    });

    await updateSyncState(db, { pushedSeq: 4 });
    expect(await pendingCount(db)).toBe(1);
    await updateSyncState(db, { settingsPushedSeq: 3 });
    expect(await pendingCount(db)).toBe(0);
  });

  it('sends a setting edited twice once, with the later edit', async () => {
    db = await freshDb();
    await updateShop(db, { rewardName: 'Free tea', stampsPerCard: 8 }, T0);
    await updateShop(db, { rewardName: 'Free cake' }, T0 + 1000);
    const clocks = await getSettingClocks(db);
    expect(await outgoingSettings(db, 0)).toEqual({
      changes: [
        { hlc: clocks.stampsPerCard, fields: { stampsPerCard: 8 } },
        { hlc: clocks.rewardName, fields: { rewardName: 'Free cake' } },
      ],
      lastSeq: 2,
    });
    expect(await pendingCount(db)).toBe(2);
  });

  it('puts every imported member and event in the sync outbox, in packs', async () => {
    db = await freshDb();
    await connectToServer(db, 'https://setia.test', { token: 't', deviceId: 'dev' });
    const rows = Array.from({ length: 2500 }, (_, i) =>
      row(i + 2, `Member ${i}`, null, i === 0 ? 4 : 0),
    );
    await importMembers(db, rows, OPTS);
    expect(await db.memberChanges.count()).toBe(0);
    expect(await db.changePacks.count()).toBe(3);
    expect(await pendingCount(db)).toBe(2501);

    const first = await outgoing(db, 0, 1000);
    expect(first.memberChanges).toHaveLength(1000);
    expect(first.lastSeq).toBe(1000);
    const seen = new Set(first.memberChanges.map((c) => c.memberId));
    let after = first.lastSeq;
    for (;;) {
      const batch = await outgoing(db, after, 1000);
      if (batch.lastSeq === after) break;
      batch.memberChanges.forEach((c) => seen.add(c.memberId));
      if (batch.events.length) expect(batch.events[0]).toMatchObject({ stamps: 4 });
      after = batch.lastSeq;
    }
    expect(seen.size).toBe(2500);
    expect(after).toBe(2501);
    await updateSyncState(db, { pushedSeq: 1500 });
    expect(await pendingCount(db)).toBe(1001);
  });
});
