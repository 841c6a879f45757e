import { afterEach, describe, expect, it } from 'vitest';
import { addStamps, enrollMember } from './counter';
import { searchMembers, updateMember } from './members';
import type { SetiaDB } from './schema';
import { freshDb, memberFields } from './test-db';

const T0 = 1_750_000_000_000;
const keys = (e164: string | null) => (e164 ? [e164.slice(3), e164.slice(1)] : []);
let db: SetiaDB;
afterEach(() => db?.close());

async function enroll(name: string, phone: string | null = null) {
  return enrollMember(db, { fields: memberFields(name, phone), phoneKeys: keys(phone) }, T0);
}

describe('member edits', () => {
  it('records each edit as a member change with a newer clock, and anonymising keeps the ledger', async () => {
    db = await freshDb();
    const m = await enroll('Siti Rahma', '+628123456789');
    await addStamps(db, m.id, 2, { staffId: 'owner', now: T0 + 1 });
    const edited = await updateMember(db, m.id, { name: 'Siti R. Putri' }, undefined, T0 + 2);
    expect(edited.nameWords).toEqual(['siti', 'r', 'putri']);
    expect(edited.clocks.name! > m.clocks.name!).toBe(true);
    expect((await searchMembers(db, 'putri')).map((x) => x.id)).toEqual([m.id]);
    await updateMember(
      db,
      m.id,
      { name: '—', phone: null, email: null, anonymised: true },
      undefined,
      T0 + 3,
    );
    const gone = (await db.members.get(m.id))!;
    expect(gone).toMatchObject({
      phone: null,
      phoneKeys: [],
      anonymised: true,
      stats: { balance: 2 },
    });
    expect(await searchMembers(db, '0812')).toEqual([]);
    expect(await db.memberChanges.where('memberId').equals(m.id).count()).toBe(3);
  });
});
