/** The owner's writes on a member: adjustment, anonymising, the full ledger, staff. */
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import { addStamps, enrollMember } from './counter';
import { LedgerRuleError, memberEvents } from './ledger';
import { addAdjustment, memberLedger } from './owner-ledger';
import { anonymiseMember } from './owner-members';
import { currentStaffId, setCurrentStaff } from './current-staff';
import type { SetiaDB } from './schema';
import { getShop } from './settings';
import { addStaffMember, setStaffActive } from './staff';
import { freshDb, memberFields } from './test-db';
import { getDevice } from './device';

const T0 = 1_750_000_000_000;
const PIN = { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: 'AA==', hash: 'AA==' } as const;
let db: SetiaDB;
afterEach(() => db?.close());

const enroll = (name: string, phone: string | null = null) =>
  enrollMember(db, { fields: memberFields(name, phone), phoneKeys: phone ? ['1'] : [] }, T0);
const ctx = (dt: number, staffId = 'owner') => ({ staffId, now: T0 + dt });

describe('manual adjustment', () => {
  it('is an adjustment event with its reason, and the balance includes it', async () => {
    db = await freshDb();
    const m = await enroll('Siti');
    await addStamps(db, m.id, 3, ctx(1000));
    const event = await addAdjustment(
      db,
      m.id,
      { stamps: '-2', reason: 'Stamped twice' },
      ctx(2000),
    );
    expect(event).toMatchObject({ type: 'adjustment', stamps: -2, reason: 'Stamped twice' });
    const member = (await db.members.get(m.id))!;
    expect(member.stats).toMatchObject({ balance: 1, adjusted: -2 });
    expect(member.stats).toEqual(foldLedger(await memberEvents(db, m.id), EMPTY_STATS));
  });

  it('is refused without a reason, and nothing is written', async () => {
    db = await freshDb();
    const m = await enroll('Siti');
    const before = await getDevice(db);
    await expect(addAdjustment(db, m.id, { stamps: '5', reason: '  ' }, ctx(1))).rejects.toThrow(
      LedgerRuleError,
    );
    expect(await db.events.count()).toBe(0);
    expect((await db.members.get(m.id))!.stats.balance).toBe(0);
    expect(await getDevice(db)).toEqual(before);
  });

  it('is one transaction: if the member cannot be saved, the event is not kept either', async () => {
    db = await freshDb();
    const m = await enroll('Siti');
    db.members.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(
      addAdjustment(db, m.id, { stamps: '4', reason: 'Paper card' }, ctx(1)),
    ).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
  });
});

describe('anonymising', () => {
  it('clears the personal fields in one synced change and leaves the ledger untouched', async () => {
    db = await freshDb();
    const m = await enrollMember(
      db,
      {
        fields: { ...memberFields('Nguyễn Văn Đức', '+84912345678'), email: 'duc@example.com' },
        phoneKeys: ['912345678', '84912345678'],
      },
      T0,
    );
    await addStamps(db, m.id, 4, ctx(1000));
    const ledgerBefore = await memberLedger(db, m.id);
    const changesBefore = await db.memberChanges.count();

    const after = await anonymiseMember(db, m.id, T0 + 5000);
    expect(after).toMatchObject({ name: '—', phone: null, email: null, anonymised: true });
    expect(after.nameWords).toEqual([]);
    expect(after.phoneKeys).toEqual([]);
    expect(after.stats.balance).toBe(4);
    expect(await memberLedger(db, m.id)).toEqual(ledgerBefore);
    expect(await db.memberChanges.count()).toBe(changesBefore + 1);
    const change = (await db.memberChanges.where('memberId').equals(m.id).last())!;
    expect(change.fields).toMatchObject({ anonymised: true, phone: null, email: null });
  });

  it('is one transaction: a failed change record leaves the member as it was', async () => {
    db = await freshDb();
    const m = await enroll('Siti', '+628123456789');
    db.memberChanges.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(anonymiseMember(db, m.id, T0 + 1)).rejects.toThrow();
    expect((await db.members.get(m.id))!).toMatchObject({ name: 'Siti', anonymised: false });
  });
});

describe('full ledger', () => {
  it('lists rows and packed history, newest first, without duplicates', async () => {
    db = await freshDb();
    const m = await enroll('Siti');
    const row = await addStamps(db, m.id, 2, ctx(5000));
    const packed = { ...row, id: 'PACKED1', at: T0 + 100, seq: 900 };
    const other = { ...row, id: 'OTHER1', memberId: 'someone-else', at: T0 + 200 };
    await db.eventPacks.add({ id: 'p1', events: [packed, other, row] });
    const ledger = await memberLedger(db, m.id);
    expect(ledger.map((e) => e.id)).toEqual([row.id, 'PACKED1']);
  });
});

describe('staff', () => {
  it('adds and deactivates staff; the tablet records the chosen, active person', async () => {
    db = await freshDb();
    const ana = await addStaffMember(db, '  Ana  ', PIN, T0);
    expect(ana).toMatchObject({ name: 'Ana', active: true });
    expect((await getShop(db))!.staff).toHaveLength(1);
    expect(await currentStaffId(db)).toBe('owner');
    await setCurrentStaff(db, ana.id);
    expect(await currentStaffId(db)).toBe(ana.id);
    await setStaffActive(db, ana.id, false);
    expect(await currentStaffId(db)).toBe('owner');
    expect((await getShop(db))!.staff![0]).toMatchObject({ name: 'Ana', active: false });
  });
});
