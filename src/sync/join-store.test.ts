/** Members held in packs while a tablet catches up: found, stamped, then indexed without loss. */
import { addStamps } from '../db/counter';
import { describe, expect, it } from 'vitest';
import { indexNextPack } from '../db/member-packs';
import { getMember, searchMembers } from '../db/members';
import { NEW_JOIN } from '../db/sync-state';
import { freshDb } from '../db/test-db';
import { foldLedger } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import { connectToServer } from './connect';
import { saveMemberPage, snapshotToMember } from './join-store';

const history = (memberId: string, stamps: number[]): LedgerEvent[] =>
  stamps.map((n, i) => ({
    id: `${memberId}E${i}`,
    memberId,
    type: 'stamp',
    stamps: n,
    quantity: n,
    at: 1_700_000_000_000 + i * 1000,
    deviceId: 'old',
    staffId: 'owner',
    seq: i + 1,
  }));

const packed = (id: string, name: string, phone: string | null, stamps: number[]) =>
  snapshotToMember({
    id,
    fields: { name, phone },
    clocks: { name: '0000000000a-0000-old' },
    joinedAt: 1_700_000_000_000,
    stats: foldLedger(history(id, stamps)),
  });

describe('member packs', () => {
  it('finds and stamps a packed member, then indexes every member once, searchable', async () => {
    const db = await freshDb();
    await connectToServer(
      db,
      'http://setia.test',
      { token: 't', deviceId: 'new' },
      { snapshot: true },
    );
    const members = [
      packed('M001', 'Ana Wijaya', '+6281234567890', [3, 2]),
      packed('M002', 'Budi Santoso', null, [1]),
      packed('M003', 'Citra Lestari', null, []),
    ];
    await saveMemberPage(db, members, { ...NEW_JOIN, membersSaved: 3 });
    expect(await db.members.count()).toBe(0);
    expect(await getMember(db, 'M002')).toMatchObject({
      name: 'Budi Santoso',
      stats: { balance: 1 },
    });
    expect(await getMember(db, 'M000')).toBeUndefined();
    expect(await getMember(db, 'M004')).toBeUndefined();

    const now = 1_760_000_000_000;
    await addStamps(db, 'M002', 4, { staffId: 'owner', now, verifiedCard: true });
    expect((await db.members.get('M002'))?.stats).toMatchObject({ balance: 5, visits: 2 });

    expect(await indexNextPack(db, (phone) => [phone.slice(1), phone.slice(3)])).toBe(3);
    expect(await indexNextPack(db, () => [])).toBeNull();
    expect(await db.memberPacks.count()).toBe(0);
    const rows = await db.members.orderBy('id').toArray();
    expect(rows.map((m) => [m.id, m.stats.balance, m.placeholder ?? false])).toEqual([
      ['M001', 5, false],
      ['M002', 5, false],
      ['M003', 0, false],
    ]);
    expect((await searchMembers(db, '0812 3456')).map((m) => m.id)).toEqual(['M001']);
    expect((await searchMembers(db, 'budi')).map((m) => m.id)).toEqual(['M002']);
  });
});
