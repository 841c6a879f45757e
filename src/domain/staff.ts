/**
 * Staff members: who is working at the counter. Each event records the staff
 * member's id; their PIN is kept only as a hash (src/shared/pin.ts).
 */
import type { PinHash } from './pin-hash';

export interface StaffMember {
  /** Unique (ULID); recorded on every event this person makes. */
  id: string;
  name: string;
  pin: PinHash;
  /** A deactivated staff member can no longer be chosen; their past events keep their name. */
  active: boolean;
  createdAt: number;
}

export function activeStaff(staff: readonly StaffMember[] | undefined): StaffMember[] {
  return (staff ?? []).filter((s) => s.active);
}

/**
 * Who the tablet's actions are recorded as: the chosen staff member while
 * they are active, else `owner` (also when the shop has no staff).
 */
export function effectiveStaffId(
  staff: readonly StaffMember[] | undefined,
  chosen: string | null | undefined,
  owner: string,
): string {
  return chosen && activeStaff(staff).some((s) => s.id === chosen) ? chosen : owner;
}

/** The staff member's name for a ledger line, or null for the owner (the UI words it). */
export function staffName(
  staff: readonly StaffMember[] | undefined,
  staffId: string,
): string | null {
  return (staff ?? []).find((s) => s.id === staffId)?.name ?? null;
}
