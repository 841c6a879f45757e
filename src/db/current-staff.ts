/**
 * Who is working at this tablet's counter: a local settings row (not the
 * synced 'shop' row), since each tablet has its own person at the counter.
 */
import { DEFAULT_STAFF_ID } from '../domain/shop';
import { effectiveStaffId } from '../domain/staff';
import type { SetiaDB } from './schema';
import { getShop } from './settings';

const CURRENT = 'currentStaff';

/** Who this tablet's actions are recorded as (the owner if nobody, or a deactivated person, is chosen). */
export async function currentStaffId(db: SetiaDB): Promise<string> {
  const [shop, row] = await Promise.all([getShop(db), db.settings.get(CURRENT)]);
  return effectiveStaffId(shop?.staff, row?.value as string | undefined, DEFAULT_STAFF_ID);
}

export async function setCurrentStaff(db: SetiaDB, staffId: string): Promise<void> {
  await db.settings.put({ key: CURRENT, value: staffId || DEFAULT_STAFF_ID });
}
