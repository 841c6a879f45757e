/**
 * Reading and writing members. Enrolling writes the member and its change
 * record (what sync will send) in one transaction.
 */
import { EMPTY_STATS } from '../domain/balance';
import type { Member, MemberFields } from '../domain/member';
import { indexWord, nameMatches, parseMemberQuery } from '../domain/search';
import { nameWords } from '../domain/text';
import { openCounter } from './device';
import { newId } from './ids';
import type { SetiaDB } from './schema';

export const SEARCH_LIMIT = 20;

export interface EnrollInput {
  fields: MemberFields;
  /** Search keys of the normalised phone (domain/phone.ts). */
  phoneKeys: string[];
}

export class PhoneTakenError extends Error {
  constructor(readonly memberId: string) {
    super('phone.taken');
  }
}

export async function enrollMember(db: SetiaDB, input: EnrollInput, now: number): Promise<Member> {
  return db.transaction('rw', [db.members, db.memberChanges, db.settings], async () => {
    if (input.fields.phone) {
      const holder = await findByPhone(db, input.fields.phone);
      if (holder) throw new PhoneTakenError(holder.id);
    }
    const counter = await openCounter(db, now);
    const hlc = counter.nextHlc(now);
    const member: Member = {
      id: newId(now),
      ...input.fields,
      joinedAt: now,
      nameWords: nameWords(input.fields.name),
      phoneKeys: input.phoneKeys,
      clocks: Object.fromEntries(Object.keys(input.fields).map((f) => [f, hlc])),
      stats: EMPTY_STATS,
    };
    await db.members.add(member);
    await db.memberChanges.add({
      id: newId(now),
      memberId: member.id,
      deviceId: counter.deviceId,
      seq: counter.nextSeq(),
      hlc,
      fields: input.fields,
      at: now,
    });
    await counter.save(db);
    return member;
  });
}

export function getMember(db: SetiaDB, id: string): Promise<Member | undefined> {
  return db.members.get(id);
}

/** The member holding this E.164 number, if any. */
export async function findByPhone(db: SetiaDB, e164: string): Promise<Member | undefined> {
  const digits = e164.replace(/\D/g, '');
  const candidates = await db.members.where('phoneKeys').equals(digits).toArray();
  return candidates.find((m) => m.phone === e164);
}

/** "Search members": a name (any word's prefix, diacritics ignored) or a phone prefix. */
export async function searchMembers(
  db: SetiaDB,
  raw: string,
  limit = SEARCH_LIMIT,
): Promise<Member[]> {
  const query = parseMemberQuery(raw);
  if (query.kind === 'empty') return [];
  if (query.kind === 'phone') {
    return db.members.where('phoneKeys').startsWith(query.digits).distinct().limit(limit).toArray();
  }
  const words = query.words;
  return db.members
    .where('nameWords')
    .startsWith(indexWord(words))
    .distinct()
    .filter((m) => nameMatches(words, m.nameWords))
    .limit(limit)
    .toArray();
}

export function countMembers(db: SetiaDB): Promise<number> {
  return db.members.count();
}
