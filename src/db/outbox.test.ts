/** The outbox's watchers hear of a write once it is committed, and never of one that failed. */
import { addStamps, enrollMember } from './counter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WRITE_TABLES } from './ledger';
import { watchOutbox } from './outbox-watch';
import type { SetiaDB } from './schema';
import { updateShop } from './settings';
import { freshDb, memberFields } from './test-db';

const T0 = 1_750_000_000_000;
let db: SetiaDB;
let stop = () => {};
afterEach(() => {
  stop();
  db?.close();
});

describe('watching the outbox', () => {
  it('tells its watchers after each committed write, once per transaction', async () => {
    db = await freshDb();
    const counts: Promise<number>[] = [];
    // Each call reads what was stored: the write is there by then.
    stop = watchOutbox(db, () => counts.push(db.events.count()));
    const ana = await enrollMember(db, { fields: memberFields('Ana'), phoneKeys: [] }, T0);
    await vi.waitFor(() => expect(counts).toHaveLength(1));
    await db.transaction('rw', WRITE_TABLES(db), async () => {
      await addStamps(db, ana.id, 1, { staffId: 'owner', now: T0 + 1 });
      await addStamps(db, ana.id, 2, { staffId: 'owner', now: T0 + 2 });
    });
    await vi.waitFor(() => expect(counts).toHaveLength(2));
    await updateShop(db, { rewardName: 'Free tea' }, T0 + 3);
    await vi.waitFor(() => expect(counts).toHaveLength(3));
    expect(await Promise.all(counts)).toEqual([0, 2, 2]);
  });

  it('says nothing of a write whose transaction failed, nor of another database', async () => {
    db = await freshDb();
    const other = await freshDb();
    const ana = await enrollMember(db, { fields: memberFields('Ana'), phoneKeys: [] }, T0);
    const heard: string[] = [];
    const stopDb = watchOutbox(db, () => heard.push('db'));
    const stopOther = watchOutbox(other, () => heard.push('other'));
    stop = () => {
      stopDb();
      stopOther();
      other.close();
    };
    await expect(
      db.transaction('rw', WRITE_TABLES(db), async () => {
        await addStamps(db, ana.id, 1, { staffId: 'owner', now: T0 + 1 });
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    await expect(addStamps(db, 'nobody', 1, { staffId: 'owner', now: T0 + 2 })).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
    // Announcements arrive in order: once the other database's is heard, any earlier one was.
    await enrollMember(other, { fields: memberFields('Budi'), phoneKeys: [] }, T0);
    await vi.waitFor(() => expect(heard).toContain('other'));
    expect(heard).toEqual(['other']);
  });
});
