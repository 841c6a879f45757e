/**
 * Members a new tablet holds only in packs while it catches up (see MemberPack):
 * looking a member up falls back to the packs, and the packs move into the
 * indexed `members` table in the background, one transaction per pack.
 */
import type { Member } from '../domain/member';
import type { SetiaDB } from './schema';

/** The member in the packs, if any. Call inside a transaction that includes memberPacks. */
export async function packedMember(db: SetiaDB, id: string): Promise<Member | undefined> {
  const pack = await db.memberPacks.where('id').belowOrEqual(id).last();
  return pack?.members.find((m) => m.id === id);
}

/** A member by id: the indexed row, or while catching up, the packed one. */
export async function lookupMember(db: SetiaDB, id: string): Promise<Member | undefined> {
  return (await db.members.get(id)) ?? (await packedMember(db, id));
}

/**
 * Moves one pack into `members` and drops it, in one transaction. A member
 * already there (stamped while packed, or pulled) keeps its row: it is newer.
 * Returns how many members the pack held, or null when no pack is left.
 */
export async function indexNextPack(db: SetiaDB): Promise<number | null> {
  return db.transaction('rw', [db.members, db.memberPacks], async () => {
    const pack = await db.memberPacks.orderBy('id').first();
    if (!pack) return null;
    const have = await db.members.bulkGet(pack.members.map((m) => m.id));
    const missing = pack.members.filter((_, i) => !have[i]);
    if (missing.length) await db.members.bulkAdd(missing);
    await db.memberPacks.delete(pack.id);
    return pack.members.length;
  });
}
