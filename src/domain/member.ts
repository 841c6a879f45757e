/**
 * A member of the shop's program and the rules for the fields a cashier types.
 * Validation returns error codes (i18n keys), never sentences: the UI words them.
 */
import type { MemberStats } from './balance';
import { charCount, nameWords } from './text';

export const NAME_MAX = 80;
export const EMAIL_MAX = 254;

/** The fields a person edits; each merges on its own (latest edit wins) across tablets. */
export interface MemberFields {
  name: string;
  /** E.164, or null. */
  phone: string | null;
  email: string | null;
  /** YYYY-MM-DD, or null. */
  birthday: string | null;
  marketingConsent: boolean;
  /** When consent was given or withdrawn (ms), for the personal-data laws. */
  consentAt: number | null;
  /** Personal fields erased on the member's request; the ledger stays for the totals. */
  anonymised: boolean;
  /**
   * The owner merged this member (a duplicate: the same person enrolled on two
   * offline tablets) into that member. Kept, with its ledger, but no longer found.
   */
  mergedInto?: string | null;
  /** The member whose referral brought this one (set at enrollment). */
  referredBy?: string | null;
  /**
   * Joined from their own phone (the counter poster): the welcome stamps come
   * with the first stamp at the counter, not at sign-up.
   */
  selfJoined?: boolean;
}

export type MemberField = keyof MemberFields;

export interface Member extends MemberFields {
  id: string;
  joinedAt: number;
  /** Derived search keys (indexed). */
  nameWords: string[];
  phoneKeys: string[];
  /** Per-field hybrid-logical-clock stamps of the last edit, for the field-by-field merge. */
  clocks: Partial<Record<MemberField, string>>;
  /** Derived from the ledger; rebuildable. */
  stats: MemberStats;
  /** Stats of history held only in packed form (a tablet that joined from a snapshot). */
  base?: MemberStats;
  /**
   * Known to this tablet only from a verified card code (the member enrolled on
   * another tablet, not synced yet). No fields, no clocks: whatever sync brings wins.
   */
  placeholder?: boolean;
}

/** A member edit as it travels between tablets: the changed fields and the clock of the edit. */
export interface MemberChange {
  id: string;
  memberId: string;
  deviceId: string;
  seq: number;
  hlc: string;
  fields: Partial<MemberFields>;
  at: number;
}

/** What the new-member form sends, before the phone is normalised. */
export interface MemberInput {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  marketingConsent: boolean;
}

export type MemberError =
  | 'name.required'
  | 'name.tooLong'
  | 'phone.invalid'
  | 'phone.taken'
  | 'email.invalid'
  | 'birthday.invalid'
  | 'birthday.future'
  | 'birthday.tooOld';

export type MemberErrors = Partial<Record<keyof MemberInput, MemberError>>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks everything that needs no phone metadata. `today` is YYYY-MM-DD in the shop's zone. */
export function validateMemberInput(input: MemberInput, today: string): MemberErrors {
  const errors: MemberErrors = {};
  const name = input.name.trim();
  const hasLetters = nameWords(name).length > 0 || /\p{Extended_Pictographic}/u.test(name);
  if (!hasLetters) errors.name = 'name.required';
  else if (charCount(name) > NAME_MAX) errors.name = 'name.tooLong';

  const email = input.email.trim();
  if (email && (email.length > EMAIL_MAX || !EMAIL.test(email))) errors.email = 'email.invalid';

  const birthday = input.birthday.trim();
  if (birthday) {
    const error = birthdayError(birthday, today);
    if (error) errors.birthday = error;
  }
  return errors;
}

function birthdayError(value: string, today: string): MemberError | null {
  const m = ISO_DATE.exec(value);
  if (!m) return 'birthday.invalid';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return 'birthday.invalid';
  if (value > today) return 'birthday.future';
  if (y < 1900) return 'birthday.tooOld';
  return null;
}

/** Tidy the free-text fields the way they are stored. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function cleanEmail(email: string): string | null {
  const e = email.trim();
  return e ? e.toLowerCase() : null;
}

/**
 * The name a card greets with. Vietnamese names put the given name last
 * ("Nguyễn Văn Đức" → "Đức"), so a shop in Vietnam takes the last word.
 */
export function firstName(name: string, country?: string): string {
  const words = name.trim().split(/\s+/);
  return (country === 'VN' ? words[words.length - 1] : words[0]) ?? '';
}

/** The fields anonymising clears (PDP / PDPA right to be forgotten). */
export function anonymisedFields(): Partial<MemberFields> {
  return {
    name: '—',
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: true,
  };
}

/** Search keys of a member: none once merged into another, so only the kept member is found. */
export function searchKeys(
  member: Pick<MemberFields, 'name' | 'mergedInto'>,
  phoneKeys: string[],
): { nameWords: string[]; phoneKeys: string[] } {
  if (member.mergedInto) return { nameWords: [], phoneKeys: [] };
  return { nameWords: nameWords(member.name), phoneKeys };
}

/**
 * Field-by-field merge, latest edit wins: a field takes the change's value only
 * if the change's hybrid-logical-clock stamp is newer than the field's. Applying
 * the same change twice, or changes in any order, gives the same member.
 */
export function mergeMemberFields<T extends MemberFields & { clocks: Member['clocks'] }>(
  member: T,
  fields: Partial<MemberFields>,
  hlc: string,
): { member: T; changed: MemberField[] } {
  const next = { ...member, clocks: { ...member.clocks } };
  const changed: MemberField[] = [];
  for (const field of Object.keys(fields) as MemberField[]) {
    const current = member.clocks[field];
    if (current !== undefined && current >= hlc) continue;
    (next as MemberFields)[field] = fields[field] as never;
    next.clocks[field] = hlc;
    changed.push(field);
  }
  return { member: next, changed };
}
