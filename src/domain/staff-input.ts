/**
 * The owner's form for a new staff member: a name and a short PIN (kept only
 * as a hash). Lengths count code points: importing text.ts here made the
 * bundler split it into its own chunk in the counter's first load.
 */
import type { StaffMember } from './staff';

export const STAFF_NAME_MAX = 40;
export const STAFF_PIN_MIN = 4;
export const STAFF_PIN_MAX = 6;

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
  else if ([...name].length > STAFF_NAME_MAX) errors.name = 'staffName.tooLong';
  else if (staff.some((s) => s.active && s.name.toLowerCase() === name.toLowerCase()))
    errors.name = 'staffName.taken';
  if (!isStaffPin(input.pin)) errors.pin = 'staffPin.format';
  return errors;
}
