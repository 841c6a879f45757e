import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportMember } from '../domain/member-csv';
import { phoneKeys } from '../domain/phone';
import { findClashes, forEachEventPage, forEachMemberPage, importMembers } from './csv';
import { addStamps, enrollMember } from './counter';
import { searchMembers } from './members';
import type { SetiaDB } from './schema';
import { freshDb, memberFields } from './test-db';

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
  phoneKeys: phone ? phoneKeys(phone) : [],
});

describe('importing members', () => {
  it('writes members that the counter finds, with carried-over stamps as adjustments', async () => {
    db = await freshDb();
    const result = await importMembers(
      db,
      [row(2, 'Nguyễn Thị Hà', '+84912345678', 7), row(3, 'Siti Rahma', '+628123456789')],
      OPTS,
    );
    expect(result).toEqual({ imported: 2, clashes: [] });
    const [ha] = await searchMembers(db, 'nguyen ha');
    expect(ha).toMatchObject({ name: 'Nguyễn Thị Hà', joinedAt: T0 });
    expect(ha!.stats).toMatchObject({ balance: 7, adjusted: 7, visits: 0 });
    expect((await searchMembers(db, '0812 345')).map((m) => m.name)).toEqual(['Siti Rahma']);
    const events = await db.events.toArray();
    expect(events).toMatchObject([
      { memberId: ha!.id, type: 'adjustment', stamps: 7, reason: 'Carried over from import' },
    ]);
  });

  it('keeps ids and reports members already here by id or phone', async () => {
    db = await freshDb();
    const existing = await enrollMember(
      db,
      { fields: memberFields('Budi', '+628111222333'), phoneKeys: ['8111222333', '628111222333'] },
      T0,
    );
    const withId = { ...row(2, 'Dewi', null), id: '01JAAAAAAAAAAAAAAAAAAAAAAA' };
    const again = { ...row(3, 'Budi again', null), id: existing.id };
    const samePhone = row(4, 'Budi Santoso', '+628111222333');
    expect(await findClashes(db, [withId, again, samePhone])).toEqual([
      { row: 3, code: 'duplicate.idExists' },
      { row: 4, code: 'duplicate.phoneExists', other: 'Budi' },
    ]);
    const result = await importMembers(db, [withId, again, samePhone], OPTS);
    expect(result.imported).toBe(1);
    expect(result.clashes).toHaveLength(2);
    expect(await db.members.get('01JAAAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ name: 'Dewi' });
    expect(await db.members.count()).toBe(2);
  });

  it('writes everything or nothing', async () => {
    db = await freshDb();
    const before = await db.settings.get('device');
    // The last write of the transaction fails (a full disk): nothing of the import stays.
    const spy = vi
      .spyOn(db.changePacks, 'bulkAdd')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(
      importMembers(db, [row(2, 'Siti', '+628123456789', 5), row(3, 'Budi', null)], OPTS),
    ).rejects.toThrow();
    spy.mockRestore();
    expect(await db.members.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.changePacks.count()).toBe(0);
    expect(await db.settings.get('device')).toEqual(before);
  });
});

describe('reading for an export', () => {
  it('pages through all members and every event, packed history included', async () => {
    db = await freshDb();
    await importMembers(
      db,
      Array.from({ length: 25 }, (_, i) => row(i + 2, `M ${i}`, null)),
      OPTS,
    );
    const [m] = await searchMembers(db, 'M 3');
    await addStamps(db, m!.id, 2, { staffId: 'owner', now: T0 + 1 });
    await db.eventPacks.add({
      id: 'p1',
      events: [{ ...(await db.events.toArray())[0]!, id: 'old-1', seq: 1 }],
    });
    const ids: string[] = [];
    await forEachMemberPage(db, 10, (page, total) => {
      expect(total).toBe(25);
      ids.push(...page.map((x) => x.id));
    });
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    const events: string[] = [];
    await forEachEventPage(db, 10, (page) => {
      events.push(...page.map((e) => e.id));
    });
    expect(events).toHaveLength(2);
    expect(events).toContain('old-1');
  });
});
