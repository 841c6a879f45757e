/**
 * Members as CSV rows: the export's columns, and reading rows back (from a
 * Setia export, a paper-card list typed into a spreadsheet, or another app's
 * export) into members to import, with per-row errors and duplicates by phone.
 * Error and duplicate reasons are codes (i18n keys); the UI words them.
 */
import { neutralise, unneutralise } from './csv';
import type { LedgerEvent } from './ledger';
import {
  anonymisedFields,
  cleanEmail,
  cleanName,
  validateMemberInput,
  type Member,
  type MemberError,
  type MemberFields,
} from './member';
import { normalisePhone } from './phone';
import { foldText } from './text';

/** The export's columns, in order. Headers stay English whatever the UI language (files travel). */
export const MEMBER_COLUMNS = [
  'id',
  'name',
  'phone',
  'email',
  'birthday',
  'marketing consent',
  'consent date',
  'joined',
  'last visit',
  'visits',
  'stamps earned',
  'current stamps',
  'rewards redeemed',
  'tier',
] as const;

const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());

/** One member as an export row; text a person typed is neutralised against formulas. */
export function memberRow(member: Member, tier: string | null = null): string[] {
  const s = member.stats;
  return [
    member.id,
    neutralise(member.name),
    neutralise(member.phone ?? ''),
    neutralise(member.email ?? ''),
    member.birthday ?? '',
    member.marketingConsent ? 'yes' : 'no',
    iso(member.consentAt),
    iso(member.joinedAt),
    iso(s.lastVisitAt),
    String(s.visits),
    String(s.earned),
    String(s.balance),
    String(s.redeemed),
    neutralise(tier ?? ''),
  ];
}

export const LEDGER_COLUMNS = [
  'id',
  'member id',
  'member name',
  'type',
  'stamps',
  'at',
  'device',
  'staff',
  'seq',
  'quantity',
  'reward',
  'reverses',
  'reason',
] as const;

export function eventRow(event: LedgerEvent, memberName: string): string[] {
  return [
    event.id,
    event.memberId,
    neutralise(memberName),
    event.type,
    String(event.stamps),
    iso(event.at),
    neutralise(event.deviceId),
    neutralise(event.staffId),
    String(event.seq),
    event.quantity === undefined ? '' : String(event.quantity),
    neutralise(event.rewardName ?? ''),
    event.reverses ?? '',
    neutralise(event.reason ?? event.override?.reason ?? ''),
  ];
}

/** `setia-members-2026-11-25.csv`: `today` is YYYY-MM-DD in the shop's zone. */
export function exportFileName(kind: 'members' | 'ledger', today: string): string {
  return `setia-${kind}-${today}.csv`;
}

// ——— Import ———

/** What a column of the file may hold; `ignore` columns are not read. */
export const IMPORT_TARGETS = [
  'ignore',
  'id',
  'name',
  'firstName',
  'lastName',
  'phone',
  'email',
  'birthday',
  'consent',
  'consentAt',
  'joined',
  'stamps',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Header words (folded, letters and digits only) that name each target, in the four languages. */
const SYNONYMS: Record<Exclude<ImportTarget, 'ignore'>, string[]> = {
  id: ['id', 'memberid', 'setiaid'],
  name: [
    'name',
    'fullname',
    'membername',
    'customer',
    'customername',
    'nama',
    'namalengkap',
    'namapelanggan',
    'ten',
    'hoten',
    'hovaten',
    'tenkhachhang',
  ],
  firstName: ['firstname', 'givenname', 'namadepan', 'tenrieng'],
  lastName: ['lastname', 'surname', 'familyname', 'namabelakang', 'ho'],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'tel',
    'telephone',
    'whatsapp',
    'wa',
    'hp',
    'nohp',
    'nomorhp',
    'telepon',
    'notelefon',
    'nombortelefon',
    'telefon',
    'sodienthoai',
    'dienthoai',
    'sdt',
  ],
  email: ['email', 'emailaddress', 'mail', 'surel', 'emel', 'thudientu'],
  birthday: [
    'birthday',
    'birthdate',
    'dateofbirth',
    'dob',
    'tanggallahir',
    'tarikhlahir',
    'ulangtahun',
    'ngaysinh',
    'sinhnhat',
  ],
  consent: ['marketingconsent', 'consent', 'optin', 'persetujuan', 'kebenaran', 'dongy'],
  consentAt: ['consentdate', 'consentat', 'tanggalpersetujuan', 'ngaydongy'],
  joined: [
    'joined',
    'joinedat',
    'joindate',
    'since',
    'created',
    'bergabung',
    'sertai',
    'ngaythamgia',
  ],
  stamps: [
    'currentstamps',
    'stamps',
    'stampbalance',
    'balance',
    'points',
    'stempel',
    'cap',
    'setem',
    'tem',
    'diem',
  ],
};

const headerKey = (header: string) => foldText(header).replace(/[^a-z0-9]/g, '');

/** A first guess at each column's meaning from its header; each target at most once. */
export function guessMapping(headers: readonly string[]): ImportTarget[] {
  const used = new Set<ImportTarget>();
  return headers.map((h) => {
    const key = headerKey(h);
    const target = (Object.keys(SYNONYMS) as (keyof typeof SYNONYMS)[]).find((t) =>
      SYNONYMS[t].includes(key),
    );
    if (!target || used.has(target)) return 'ignore';
    used.add(target);
    return target;
  });
}

/** A member read from one row, ready to write. */
export interface ImportMember {
  /** The file's row number (the header is row 1), for messages. */
  row: number;
  /** Kept from a Setia export; otherwise the importer makes one. */
  id: string | null;
  fields: MemberFields;
  joinedAt: number | null;
  /** Stamps to carry over (an adjustment), 0 for none. */
  stamps: number;
  /** Search keys of the phone (domain/phone.ts), made once while checking. */
  phoneKeys: string[];
}

export type RowErrorCode =
  MemberError | 'stamps.invalid' | 'consent.invalid' | 'consentAt.invalid' | 'joined.invalid';

export type DuplicateCode = 'duplicate.phoneInFile' | 'duplicate.idInFile';

export interface RowProblem {
  row: number;
  code: RowErrorCode | DuplicateCode | 'duplicate.phoneExists' | 'duplicate.idExists';
  /** The row number or member name the problem refers to, when there is one. */
  other?: string;
}

export interface ImportCheck {
  members: ImportMember[];
  problems: RowProblem[];
}

export interface ImportContext {
  /** The shop's country: national phone numbers are read in its format. */
  country: string;
  /** YYYY-MM-DD in the shop's zone (birthdays cannot be later). */
  today: string;
  /** Day-first dates (31/12/1990) unless the shop is in the US. */
  monthFirst?: boolean;
}

const ANONYMISED_NAME = '—';
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const STAMPS_IMPORT_MAX = 10_000;

/**
 * Reads the data rows (`rows[0]` is the header) with the given mapping. Rows
 * with an error, and later rows repeating a phone or id, are reported and left out.
 */
export function checkImportRows(
  rows: readonly (readonly string[])[],
  mapping: readonly ImportTarget[],
  ctx: ImportContext,
): ImportCheck {
  const col = (t: ImportTarget) => mapping.indexOf(t);
  const cols = Object.fromEntries(IMPORT_TARGETS.map((t) => [t, col(t)])) as Record<
    ImportTarget,
    number
  >;
  const members: ImportMember[] = [];
  const problems: RowProblem[] = [];
  const phones = new Map<string, number>();
  const ids = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const rowNumber = i + 1;
    const read = readRow(cells, cols, ctx);
    if ('error' in read) {
      problems.push({ row: rowNumber, code: read.error });
      continue;
    }
    const { phone } = read.fields;
    if (phone && phones.has(phone)) {
      problems.push({
        row: rowNumber,
        code: 'duplicate.phoneInFile',
        other: String(phones.get(phone)),
      });
      continue;
    }
    if (read.id && ids.has(read.id)) {
      problems.push({
        row: rowNumber,
        code: 'duplicate.idInFile',
        other: String(ids.get(read.id)),
      });
      continue;
    }
    if (phone) phones.set(phone, rowNumber);
    if (read.id) ids.set(read.id, rowNumber);
    members.push({ ...read, row: rowNumber });
  }
  return { members, problems };
}

type RowRead = Omit<ImportMember, 'row'> | { error: RowErrorCode };

function readRow(
  cells: readonly string[],
  cols: Record<ImportTarget, number>,
  ctx: ImportContext,
): RowRead {
  const cell = (t: ImportTarget) =>
    cols[t] < 0 ? '' : unneutralise((cells[cols[t]] ?? '').trim());
  const rawName =
    cell('name') || [cell('firstName'), cell('lastName')].filter((s) => s !== '').join(' ');
  // An anonymised member (exported as "—", nothing personal left) comes back anonymised.
  if (rawName === ANONYMISED_NAME && !cell('phone') && !cell('email'))
    return anonymisedRow(cells, cols, ctx);
  const birthday = cell('birthday') ? readDate(cell('birthday'), ctx) : '';
  const errors = validateMemberInput(
    {
      name: rawName,
      phone: '',
      email: cell('email'),
      birthday: birthday ?? cell('birthday'),
      marketingConsent: false,
    },
    ctx.today,
  );
  const first = errors.name ?? errors.email ?? errors.birthday;
  if (first) return { error: first };

  let phone: string | null = null;
  let keys: string[] = [];
  if (cell('phone')) {
    const normalised = normalisePhone(cell('phone'), ctx.country);
    if (!normalised.ok) return { error: 'phone.invalid' };
    phone = normalised.phone.e164;
    keys = normalised.phone.keys;
  }

  const consent = cell('consent') ? readYesNo(cell('consent')) : false;
  if (consent === null) return { error: 'consent.invalid' };
  const consentAt = cell('consentAt') ? readTime(cell('consentAt'), ctx) : null;
  if (consentAt === undefined) return { error: 'consentAt.invalid' };
  const joinedAt = cell('joined') ? readTime(cell('joined'), ctx) : null;
  if (joinedAt === undefined) return { error: 'joined.invalid' };

  const stamps = readStamps(cell('stamps'));
  if (stamps === null) return { error: 'stamps.invalid' };
  const rawId = cell('id');
  // Only Setia's own ids are kept: another app's "42" could clash with a member elsewhere.
  const id = ULID.test(rawId) ? rawId : null;

  return {
    id,
    fields: {
      name: cleanName(rawName),
      phone,
      email: cleanEmail(cell('email')),
      birthday: birthday || null,
      marketingConsent: consent,
      consentAt,
      anonymised: false,
    },
    joinedAt,
    stamps,
    phoneKeys: keys,
  };
}

function anonymisedRow(
  cells: readonly string[],
  cols: Record<ImportTarget, number>,
  ctx: ImportContext,
): RowRead {
  const joinedText = cols.joined < 0 ? '' : (cells[cols.joined] ?? '').trim();
  const joinedAt = joinedText ? readTime(joinedText, ctx) : null;
  if (joinedAt === undefined) return { error: 'joined.invalid' };
  const rawId = cols.id < 0 ? '' : (cells[cols.id] ?? '').trim();
  return {
    id: ULID.test(rawId) ? rawId : null,
    fields: { ...memberFieldsOf(anonymisedFields()) },
    joinedAt,
    stamps: readStamps(cols.stamps < 0 ? '' : (cells[cols.stamps] ?? '').trim()) ?? 0,
    phoneKeys: [],
  };
}

const memberFieldsOf = (f: Partial<MemberFields>) => f as MemberFields;

function readStamps(text: string): number | null {
  if (!text) return 0;
  const n = Number(text);
  return Number.isInteger(n) && Math.abs(n) <= STAMPS_IMPORT_MAX ? n : null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'ya', 'co', 'x', 'ok']);
const NO = new Set(['no', 'n', 'false', '0', 'tidak', 'tak', 'khong', '']);

function readYesNo(text: string): boolean | null {
  const key = foldText(text).trim();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A calendar date as YYYY-MM-DD (ISO, or day-first 31/12/1990), or null if unreadable. */
export function readDate(text: string, ctx: Pick<ImportContext, 'monthFirst'>): string | null {
  const t = text.trim().replace(/[T ].*$/, '');
  let y: number, m: number, d: number;
  const isoDay = ISO_DAY.exec(t);
  const slashed = SLASHED.exec(t);
  if (isoDay) [y, m, d] = [Number(isoDay[1]), Number(isoDay[2]), Number(isoDay[3])];
  else if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    [d, m] = ctx.monthFirst ? [b, a] : [a, b];
    y = Number(slashed[3]);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A moment (an ISO timestamp as Setia writes it, or a date taken as UTC midnight); undefined if
 * unreadable or before 1970, which the sync protocol cannot carry (the push would be refused).
 */
function readTime(text: string, ctx: ImportContext): number | undefined {
  const day = /^\d{4}-\d{2}-\d{2}T/.test(text) ? null : readDate(text, ctx);
  const ms = Date.parse(day ? `${day}T00:00:00Z` : text);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
