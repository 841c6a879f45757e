/**
 * Staff members: who is working at the counter. Each event records the staff
 * member's id; their PIN is kept only as a hash (src/shared/pin.ts).
 */
import { DEFAULT_STAFF_ID, type PinHash } from './program';
import { charCount } from './text';

export const STAFF_NAME_MAX = 40;
export const STAFF_PIN_MIN = 4;
export const STAFF_PIN_MAX = 6;

export interface StaffMember {
  /** Unique (ULID); recorded on every event this person makes. */
  id: string;
  name: string;
  pin: PinHash;
  /** A deactivated staff member can no longer be chosen; their past events keep their name. */
  active: boolean;
  createdAt: number;
}

export interface StaffInput {
  name: string;
  pin: string;
}

export type StaffError =
  'staffName.required' | 'staffName.tooLong' | 'staffName.taken' | 'staffPin.format';

export type StaffErrors = Partial<Record<keyof StaffInput, StaffError>>;

export function isStaffPin(pin: string): boolean {
  return new RegExp(`^\\d{${STAFF_PIN_MIN},${STAFF_PIN_MAX}}$`).test(pin);
}

/** Checks a new staff member; names must differ from the active staff's (the switch lists names). */
export function validateStaffInput(
  input: StaffInput,
  staff: readonly StaffMember[] = [],
): StaffErrors {
  const errors: StaffErrors = {};
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.name = 'staffName.required';
  else if (charCount(name) > STAFF_NAME_MAX) errors.name = 'staffName.tooLong';
  else if (staff.some((s) => s.active && s.name.toLowerCase() === name.toLowerCase()))
    errors.name = 'staffName.taken';
  if (!isStaffPin(input.pin)) errors.pin = 'staffPin.format';
  return errors;
}

export function activeStaff(staff: readonly StaffMember[] | undefined): StaffMember[] {
  return (staff ?? []).filter((s) => s.active);
}

/**
 * Who the tablet's actions are recorded as: the chosen staff member while
 * they are active, else the owner (also when the shop has no staff).
 */
export function effectiveStaffId(
  staff: readonly StaffMember[] | undefined,
  chosen: string | null | undefined,
): string {
  if (!chosen || chosen === DEFAULT_STAFF_ID) return DEFAULT_STAFF_ID;
  return activeStaff(staff).some((s) => s.id === chosen) ? chosen : DEFAULT_STAFF_ID;
}

/** The staff member's name for a ledger line, or null for the owner (the UI words it). */
export function staffName(
  staff: readonly StaffMember[] | undefined,
  staffId: string,
): string | null {
  return (staff ?? []).find((s) => s.id === staffId)?.name ?? null;
}
