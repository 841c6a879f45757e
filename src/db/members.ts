/**
 * Reading and writing members. Every edit writes the member and its change
 * record (in the outbox, for the other tablets) in one transaction; enrolling a new member is
 * one of the counter's commands (db/counter.ts).
 */
import { mergeMemberFields, searchKeys, type Member, type MemberFields } from '../domain/member';
import { indexWord, nameMatches, parseMemberQuery } from '../domain/search';
import { refreshDuplicates } from './duplicate-notes';
import { lookupMember } from './member-packs';
import { openOutbox } from './outbox';
import type { SetiaDB } from './schema';

export const SEARCH_LIMIT = 20;

export class PhoneTakenError extends Error {
  constructor(readonly memberId: string) {
    super('phone.taken');
  }
}

/**
 * Edits (and anonymisation) of a member: the changed fields merge with the
 * member's per-field clocks and are recorded as a member change for sync, in
 * one transaction. `phoneKeys` must be given when the phone changes.
 */
export async function updateMember(
  db: SetiaDB,
  memberId: string,
  fields: Partial<MemberFields>,
  phoneKeys: string[] | undefined,
  now: number,
): Promise<Member> {
  return db.transaction(
    'rw',
    [db.members, db.memberPacks, db.memberChanges, db.settings],
    async () => {
      const member = await lookupMember(db, memberId);
      if (!member) throw new Error('member.unknown');
      if (fields.phone && fields.phone !== member.phone) {
        const holder = await findByPhone(db, fields.phone);
        if (holder && holder.id !== memberId) throw new PhoneTakenError(holder.id);
      }
      const outbox = await openOutbox(db, now);
      const hlc = outbox.clock();
      const merged = mergeMemberFields(member, fields, hlc).member;
      const next: Member = {
        ...merged,
        ...searchKeys(
          merged,
          'phone' in fields ? (fields.phone ? (phoneKeys ?? []) : []) : member.phoneKeys,
        ),
      };
      await db.members.put(next);
      if ('phone' in fields)
        await refreshDuplicates(
          db,
          [member.phone, next.phone].filter((p): p is string => Boolean(p)),
        );
      outbox.memberChange({ memberId, hlc, fields, at: now });
      await outbox.save();
      return next;
    },
  );
}

export function getMember(db: SetiaDB, id: string): Promise<Member | undefined> {
  return lookupMember(db, id);
}

/** The member holding this E.164 number, if any. */
export async function findByPhone(db: SetiaDB, e164: string): Promise<Member | undefined> {
  const digits = e164.replace(/\D/g, '');
  const candidates = await db.members.where('phoneKeys').equals(digits).toArray();
  return candidates.find((m) => m.phone === e164);
}

/**
 * "Search members": a name (any word's prefix, diacritics ignored) or a phone prefix.
 *
 * A bounded index read (one IDBIndex.getAll under Dexie) is an order of magnitude
 * faster than walking a cursor with a filter, so we read a capped batch of
 * candidates and dedupe/filter in memory; the cursor walk is only the fallback
 * for a multi-word query whose matches lie beyond the batch.
 */
export async function searchMembers(
  db: SetiaDB,
  raw: string,
  limit = SEARCH_LIMIT,
): Promise<Member[]> {
  const query = parseMemberQuery(raw);
  if (query.kind === 'empty') return [];
  const [index, prefix, accept] =
    query.kind === 'phone'
      ? (['phoneKeys', query.digits, () => true] as const)
      : ([
          'nameWords',
          indexWord(query.words),
          (m: Member) => nameMatches(query.words, m.nameWords),
        ] as const);
  const batch = query.kind === 'name' && query.words.length > 1 ? limit * 10 : limit * 2;
  const candidates = await db.members.where(index).startsWith(prefix).limit(batch).toArray();
  const found = uniqueMatches(candidates, accept, limit);
  if (found.length >= limit || candidates.length < batch) return found;
  const more = await db.members
    .where(index)
    .startsWith(prefix)
    .distinct()
    .filter(accept)
    .limit(limit)
    .toArray();
  return uniqueMatches(more, accept, limit);
}

function uniqueMatches(rows: Member[], accept: (m: Member) => boolean, limit: number): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const m of rows) {
    if (seen.has(m.id) || !accept(m)) continue;
    seen.add(m.id);
    out.push(m);
    if (out.length === limit) break;
  }
  return out;
}

export function countMembers(db: SetiaDB): Promise<number> {
  return db.members.count();
}
