/**
 * Possible duplicate members, as sync notes them: members sharing a phone
 * (the same person enrolled on two offline tablets), and members the owner
 * merged into another. Light (no ledger code): the counter and sync use it.
 */
import type { Member } from '../domain/member';
import type { SetiaDB } from './schema';

const KEY = 'duplicates';

export interface DuplicateNotes {
  /** Members that share their phone with another member not merged. */
  suspects: string[];
  /** Members merged into another: watched for stamps given after the merge. */
  merged: string[];
}

export async function getNotes(db: SetiaDB): Promise<DuplicateNotes> {
  return (
    ((await db.settings.get(KEY))?.value as DuplicateNotes | undefined) ?? {
      suspects: [],
      merged: [],
    }
  );
}

/** The members (not merged) holding this E.164 number, first enrolled first. */
async function holders(db: SetiaDB, e164: string): Promise<Member[]> {
  const rows = await db.members.where('phoneKeys').equals(e164.replace(/\D/g, '')).toArray();
  return rows
    .filter((m) => m.phone === e164 && !m.mergedInto)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Brings the notes up to date for these phone numbers (whose holders changed)
 * and these members (just merged); call inside a transaction over members and settings.
 */
export async function refreshDuplicates(
  db: SetiaDB,
  phones: readonly string[],
  mergedIds: readonly string[] = [],
): Promise<void> {
  const notes = await getNotes(db);
  const suspects = new Set(notes.suspects);
  for (const phone of new Set(phones)) {
    const all = await db.members.where('phoneKeys').equals(phone.replace(/\D/g, '')).toArray();
    for (const m of all) suspects.delete(m.id);
    const current = await holders(db, phone);
    if (current.length > 1) for (const m of current) suspects.add(m.id);
  }
  for (const id of mergedIds) suspects.delete(id);
  const next = {
    suspects: [...suspects].sort(),
    merged: [...new Set([...notes.merged, ...mergedIds])].sort(),
  };
  if (JSON.stringify(next) !== JSON.stringify(notes))
    await db.settings.put({ key: KEY, value: next });
}

/** Ids the counter's search marks "possible duplicate". */
export async function duplicateSuspects(db: SetiaDB): Promise<Set<string>> {
  return new Set((await getNotes(db)).suspects);
}

/** The member to serve for this id: the kept one if it was merged (a duplicate's card scanned). */
export async function resolveMerged(db: SetiaDB, memberId: string): Promise<string> {
  let id = memberId;
  for (let hops = 0; hops < 5; hops++) {
    const next = (await db.members.get(id))?.mergedInto;
    if (!next) break;
    id = next;
  }
  return id;
}

/**
 * Finds every phone held by two members from scratch (one pass over the phone
 * index's keys), for a tablet whose members arrived in bulk rather than
 * through pulled changes (a snapshot, an import).
 */
export async function rescanDuplicates(db: SetiaDB): Promise<void> {
  await db.transaction('rw', [db.members, db.settings], async () => {
    const keys = (await db.members.orderBy('phoneKeys').keys()) as string[];
    const shared = new Set<string>();
    for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) shared.add(keys[i]!);
    const phones = new Set<string>();
    for (const key of shared)
      for (const m of await db.members.where('phoneKeys').equals(key).toArray())
        if (m.phone) phones.add(m.phone);
    await refreshDuplicates(db, [...phones]);
  });
}
