import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import { UNDO_WINDOW_MS } from '../domain/stamp/decision';
import { addStamps, enrollMember, redeemReward, undoLast } from './counter';
import { LedgerRuleError, memberEvents, rebuildMemberStats } from './ledger';
import { PhoneTakenError, searchMembers } from './members';
import type { SetiaDB } from './schema';
import { freshDb, memberFields } from './test-db';

const T0 = 1_750_000_000_000;
const keys = (e164: string | null) => (e164 ? [e164.slice(3), e164.slice(1)] : []);
let db: SetiaDB;
afterEach(() => db?.close());

async function enroll(name: string, phone: string | null = null) {
  return enrollMember(db, { fields: memberFields(name, phone), phoneKeys: keys(phone) }, T0);
}

describe('counter transactions', () => {
  it('stamps to a full card, redeems, undoes, and the stats match the ledger', async () => {
    db = await freshDb();
    const m = await enroll('Siti Rahma', '+628123456789');
    const ctx = (dt: number) => ({ staffId: 'owner', now: T0 + dt });
    await addStamps(db, m.id, 4, ctx(1000));
    await addStamps(db, m.id, 7, ctx(2000));
    expect((await db.members.get(m.id))!.stats).toMatchObject({ balance: 11, visits: 2 });
    await redeemReward(db, m.id, ctx(3000));
    expect((await db.members.get(m.id))!.stats).toMatchObject({ balance: 1, redeemed: 1 });
    await expect(redeemReward(db, m.id, ctx(4000))).rejects.toThrow('redeem.nothingPending');

    await undoLast(db, m.id, ctx(5000)); // undoes the redemption
    let member = (await db.members.get(m.id))!;
    expect(member.stats).toMatchObject({ balance: 11, redeemed: 0 });
    await undoLast(db, m.id, ctx(6000)); // then the 7 stamps
    member = (await db.members.get(m.id))!;
    expect(member.stats).toMatchObject({ balance: 4, visits: 1 });

    const events = await memberEvents(db, m.id);
    expect(events.map((e) => e.type)).toEqual(['stamp', 'stamp', 'redeem', 'reversal', 'reversal']);
    expect(events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6]); // seq 1 was the enrollment
    expect(member.stats).toEqual(foldLedger(events, EMPTY_STATS));
    await rebuildMemberStats(db, m.id);
    expect((await db.members.get(m.id))!.stats).toEqual(member.stats);
  });

  it('refuses bad quantities, unknown members and stale undos, and writes nothing', async () => {
    db = await freshDb();
    const m = await enroll('Budi');
    for (const q of [0, 21, 1000, 1.5]) {
      await expect(addStamps(db, m.id, q, { staffId: 'owner', now: T0 })).rejects.toBeInstanceOf(
        LedgerRuleError,
      );
    }
    await expect(addStamps(db, 'nobody', 1, { staffId: 'owner', now: T0 })).rejects.toThrow(
      'member.unknown',
    );
    await addStamps(db, m.id, 1, { staffId: 'owner', now: T0 });
    await expect(
      undoLast(db, m.id, { staffId: 'owner', now: T0 + UNDO_WINDOW_MS + 1 }),
    ).rejects.toThrow('undo.nothing');
    expect(await db.events.count()).toBe(1);
  });

  it('stamps a member known only by a verified card on a placeholder, and only then', async () => {
    db = await freshDb();
    const elsewhere = '01JH8ZQ3V0M6X1TS5Y2B7C9D4E'; // enrolled on another tablet
    await expect(addStamps(db, elsewhere, 2, { staffId: 'owner', now: T0 })).rejects.toThrow(
      'member.unknown',
    );
    expect(await db.members.count()).toBe(0);
    await addStamps(db, elsewhere, 2, { staffId: 'owner', now: T0, verifiedCard: true });
    const placeholder = (await db.members.get(elsewhere))!;
    expect(placeholder).toMatchObject({ placeholder: true, name: '', clocks: {} });
    expect(placeholder.stats).toMatchObject({ balance: 2, visits: 1 });
    // No member change: the real member's details, when sync brings them, are not overwritten.
    expect(await db.memberChanges.count()).toBe(0);
    const events = await memberEvents(db, elsewhere);
    expect(events).toMatchObject([{ memberId: elsewhere, type: 'stamp', stamps: 2 }]);
    // Stamping again uses the same row.
    await addStamps(db, elsewhere, 1, { staffId: 'owner', now: T0 + 1, verifiedCard: true });
    expect((await db.members.get(elsewhere))!.stats.balance).toBe(3);
  });

  it('keeps a phone to one member and finds members by name or either phone spelling', async () => {
    db = await freshDb();
    await enroll('Nguyễn Văn Đức', '+628123456789');
    await enroll('Ana Dewi', '+628129999999');
    await expect(enroll('Copy', '+628123456789')).rejects.toBeInstanceOf(PhoneTakenError);
    expect((await searchMembers(db, 'nguyen d')).map((m) => m.name)).toEqual(['Nguyễn Văn Đức']);
    expect((await searchMembers(db, 'DEWI')).map((m) => m.name)).toEqual(['Ana Dewi']);
    expect((await searchMembers(db, '0812-3456')).map((m) => m.name)).toEqual(['Nguyễn Văn Đức']);
    expect((await searchMembers(db, '+62 812 3456 789')).map((m) => m.name)).toEqual([
      'Nguyễn Văn Đức',
    ]);
    expect((await searchMembers(db, '0812')).length).toBe(2);
    expect(await db.memberChanges.count()).toBe(2);
  });
});
