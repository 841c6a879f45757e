/**
 * Members a new tablet holds only in packs while it catches up (see MemberPack):
 * looking a member up falls back to the packs, and the packs move into the
 * indexed `members` table in the background, one transaction per pack.
 */
import { Dexie } from 'dexie';
import { foldLedger } from '../domain/balance';
import { searchKeys, type Member, type MemberField } from '../domain/member';
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
 * already there keeps its row if it came from this pack (stamped while packed);
 * one stamped from a scanned card before the pack arrived (a placeholder, no
 * history) gets the pack's details and history under its own events.
 * Returns how many members the pack held, or null when no pack is left.
 */
export async function indexNextPack(
  db: SetiaDB,
  phoneKeysOf: (phone: string) => string[],
): Promise<number | null> {
  // Packs leave out the phone's search keys (the phone library is slow for 100,000 at once);
  // a merged duplicate gets none, so search finds only the member it was merged into.
  const searchable = (m: Member): Member => ({
    ...m,
    ...searchKeys(m, m.phone ? phoneKeysOf(m.phone) : []),
  });
  return db.transaction('rw', [db.members, db.memberPacks, db.events], async () => {
    const pack = await db.memberPacks.orderBy('id').first();
    if (!pack) return null;
    const have = await db.members.bulkGet(pack.members.map((m) => m.id));
    const rows: Member[] = [];
    for (const [i, packed] of pack.members.entries()) {
      const row = have[i];
      if (!row) rows.push(searchable(packed));
      else if (!row.base) rows.push(searchable(await withHistory(db, row, packed)));
      else rows.push(searchable(row));
    }
    if (rows.length) await db.members.bulkPut(rows);
    await db.memberPacks.delete(pack.id);
    return pack.members.length;
  });
}

/** The packed member's fields (newer edits on the row win) and history, with the row's events. */
async function withHistory(db: SetiaDB, row: Member, packed: Member): Promise<Member> {
  const merged: Member = { ...packed, clocks: { ...packed.clocks } };
  for (const [field, clock] of Object.entries(row.clocks) as [MemberField, string][]) {
    if (clock <= (packed.clocks[field] ?? '')) continue;
    (merged as unknown as Record<string, unknown>)[field] = row[field];
    merged.clocks[field] = clock;
    if (field === 'name') merged.nameWords = row.nameWords;
  }
  const events = await db.events
    .where('[memberId+at]')
    .between([row.id, Dexie.minKey], [row.id, Dexie.maxKey])
    .toArray();
  return { ...merged, stats: foldLedger(events, packed.base) };
}
