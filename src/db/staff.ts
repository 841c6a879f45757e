/** The owner's staff list, kept in the synced shop settings (see current-staff.ts for the counter). */
import type { PinHash } from '../domain/shop';
import type { StaffMember } from '../domain/staff';
import { newId } from './ids';
import type { SetiaDB } from './schema';
import { getShop, SHOP_EDIT_TABLES, updateShop } from './settings';

export async function addStaffMember(
  db: SetiaDB,
  name: string,
  pin: PinHash,
  now: number,
): Promise<StaffMember> {
  return db.transaction('rw', SHOP_EDIT_TABLES(db), async () => {
    const shop = await getShop(db);
    if (!shop) throw new Error('shop.missing');
    const member: StaffMember = {
      id: newId(now),
      name: name.trim().replace(/\s+/g, ' '),
      pin,
      active: true,
      createdAt: now,
    };
    await updateShop(db, { staff: [...(shop.staff ?? []), member] });
    return member;
  });
}

/** Deactivating keeps the record: past events still show the person's name. */
export async function setStaffActive(db: SetiaDB, staffId: string, active: boolean): Promise<void> {
  await db.transaction('rw', SHOP_EDIT_TABLES(db), async () => {
    const shop = await getShop(db);
    if (!shop) throw new Error('shop.missing');
    const staff = (shop.staff ?? []).map((s) => (s.id === staffId ? { ...s, active } : s));
    await updateShop(db, { staff });
  });
}
