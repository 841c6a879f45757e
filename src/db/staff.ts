/**
 * Staff members (in the synced shop settings) and who is working on this
 * tablet (a local settings row: each tablet has its own person at the counter).
 */
import type { PinHash } from '../domain/program';
import { DEFAULT_STAFF_ID } from '../domain/program';
import { effectiveStaffId, type StaffMember } from '../domain/staff';
import { newId } from './ids';
import type { SetiaDB } from './schema';
import { getShop, updateShop } from './settings';

const CURRENT = 'currentStaff';

export async function addStaffMember(
  db: SetiaDB,
  name: string,
  pin: PinHash,
  now: number,
): Promise<StaffMember> {
  return db.transaction('rw', db.settings, async () => {
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
  await db.transaction('rw', db.settings, async () => {
    const shop = await getShop(db);
    if (!shop) throw new Error('shop.missing');
    const staff = (shop.staff ?? []).map((s) => (s.id === staffId ? { ...s, active } : s));
    await updateShop(db, { staff });
  });
}

/** Who this tablet's actions are recorded as (the owner if nobody, or a deactivated person, is chosen). */
export async function currentStaffId(db: SetiaDB): Promise<string> {
  const [shop, row] = await Promise.all([getShop(db), db.settings.get(CURRENT)]);
  return effectiveStaffId(shop?.staff, row?.value as string | undefined);
}

export async function setCurrentStaff(db: SetiaDB, staffId: string): Promise<void> {
  await db.settings.put({ key: CURRENT, value: staffId || DEFAULT_STAFF_ID });
}
