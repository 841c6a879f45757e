import { afterEach, describe, expect, it } from 'vitest';
import { addStamps, enrollMember, redeemReward } from './counter';
import { readMemberExpiry } from './expiry';
import type { SetiaDB } from './schema';
import { freshDb, memberFields, TEST_SHOP } from './test-db';

const DAY = 86_400_000;
// 12:00 in Jakarta on 2026-01-10.
const T0 = Date.UTC(2026, 0, 10, 5);
let db: SetiaDB;
afterEach(() => db?.close());

const expiringShop = {
  ...TEST_SHOP,
  timeZone: 'Asia/Jakarta',
  expiry: { mode: 'earned' as const, months: 1, since: '2026-01-01' },
};

describe('expiry at the counter', () => {
  it('says which stamps expire when, and redeems only what is left after expiry', async () => {
    db = await freshDb(expiringShop);
    const m = await enrollMember(db, { fields: memberFields('Siti'), phoneKeys: [] }, T0);
    await addStamps(db, m.id, 10, { staffId: 'owner', now: T0 + 1000 });

    const before = await readMemberExpiry(db, m.id, expiringShop, T0 + 20 * DAY);
    expect(before).toMatchObject({ balance: 10, next: { stamps: 10, on: '2026-02-10' } });

    // The last day counts; the day after, the full card is gone and the reward with it.
    const after = await readMemberExpiry(db, m.id, expiringShop, T0 + 32 * DAY);
    expect(after).toMatchObject({ balance: 0, expired: 10, next: null });
    await expect(redeemReward(db, m.id, { staffId: 'owner', now: T0 + 32 * DAY })).rejects.toThrow(
      'redeem.nothingPending',
    );
    // The ledger itself is untouched: nobody writes an expiry.
    expect((await db.members.get(m.id))!.stats.balance).toBe(10);
  });

  it('redeems a card still within its time', async () => {
    db = await freshDb(expiringShop);
    const m = await enrollMember(db, { fields: memberFields('Eko'), phoneKeys: [] }, T0);
    await addStamps(db, m.id, 10, { staffId: 'owner', now: T0 + 1000 });
    await redeemReward(db, m.id, { staffId: 'owner', now: T0 + 10 * DAY });
    expect((await db.members.get(m.id))!.stats.balance).toBe(0);
  });

  it('expires nothing while off', async () => {
    db = await freshDb();
    const m = await enrollMember(db, { fields: memberFields('Ani'), phoneKeys: [] }, T0);
    await addStamps(db, m.id, 3, { staffId: 'owner', now: T0 });
    expect(await readMemberExpiry(db, m.id, TEST_SHOP, T0 + 999 * DAY)).toBeNull();
  });
});
