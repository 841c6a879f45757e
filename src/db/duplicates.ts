/**
 * The same person enrolled on two tablets that were offline: after sync, two
 * members hold one phone. Sync notes them as possible duplicates; the owner
 * merges them. A merge never edits the ledger: the duplicate's stamp balance
 * moves to the kept member by two adjustment events, and the duplicate is
 * marked merged by a member change (so it converges on every tablet like any
 * other write). Stamps a tablet gave the duplicate before it heard of the
 * merge stay on the duplicate until the owner moves them too.
 */
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import { getNotes, refreshDuplicates, resolveMerged } from './duplicate-notes';
import { appendEvent, LedgerRuleError, type ActionContext } from './ledger';
import { openOutbox } from './outbox';
import type { SetiaDB } from './schema';

export interface DuplicateGroup {
  phone: string;
  /** First enrolled first: the merge keeps this one. */
  members: Member[];
}

export interface MergedLeftover {
  member: Member;
  into: Member;
}

/** What the owner sees: members sharing a phone, and merged members that got stamps since. */
export async function duplicatesForOwner(
  db: SetiaDB,
): Promise<{ groups: DuplicateGroup[]; leftovers: MergedLeftover[] }> {
  const notes = await getNotes(db);
  const suspects = (await db.members.bulkGet(notes.suspects)).filter(
    (m): m is Member => m !== undefined && !m.mergedInto && m.phone !== null,
  );
  const byPhone = new Map<string, Member[]>();
  for (const m of suspects) byPhone.set(m.phone!, [...(byPhone.get(m.phone!) ?? []), m]);
  const groups = [...byPhone]
    .filter(([, members]) => members.length > 1)
    .map(([phone, members]) => ({
      phone,
      members: members.sort((a, b) => (a.id < b.id ? -1 : 1)),
    }));
  const leftovers: MergedLeftover[] = [];
  for (const m of await db.members.bulkGet(notes.merged)) {
    if (!m?.mergedInto || m.stats.balance === 0) continue;
    const into = await resolveMerged(db, m.mergedInto).then((id) => db.members.get(id));
    if (into) leftovers.push({ member: m, into });
  }
  return { groups, leftovers };
}

/** Moves the duplicate's whole balance to the kept member: one adjustment each, same reason. */
async function moveBalance(
  db: SetiaDB,
  from: Member,
  to: Member,
  reason: string,
  ctx: ActionContext,
): Promise<LedgerEvent[]> {
  const stamps = from.stats.balance;
  if (stamps === 0) return [];
  const base = { type: 'adjustment' as const, reason, at: ctx.now, staffId: ctx.staffId };
  return [
    await appendEvent(db, from, { ...base, memberId: from.id, stamps: -stamps }, ctx.now),
    await appendEvent(db, to, { ...base, memberId: to.id, stamps }, ctx.now),
  ];
}

/**
 * The owner merges `duplicateId` into `keepId`, in one transaction: its stamps
 * move by adjustment events, and it is marked merged (a member change).
 */
export async function mergeDuplicate(
  db: SetiaDB,
  keepId: string,
  duplicateId: string,
  reason: string,
  ctx: ActionContext,
): Promise<void> {
  await db.transaction('rw', [db.members, db.events, db.memberChanges, db.settings], async () => {
    const [keep, dup] = await db.members.bulkGet([keepId, duplicateId]);
    if (!keep || !dup || keepId === duplicateId || keep.mergedInto || dup.mergedInto)
      throw new LedgerRuleError('duplicates.notMergeable');
    await moveBalance(db, dup, keep, reason, ctx);
    const outbox = await openOutbox(db, ctx.now);
    const hlc = outbox.clock();
    const moved = (await db.members.get(duplicateId))!;
    await db.members.put({
      ...moved,
      mergedInto: keepId,
      clocks: { ...moved.clocks, mergedInto: hlc },
      nameWords: [],
      phoneKeys: [],
    });
    outbox.memberChange({
      memberId: duplicateId,
      hlc,
      fields: { mergedInto: keepId },
      at: ctx.now,
    });
    await outbox.save();
    await refreshDuplicates(db, dup.phone ? [dup.phone] : [], [duplicateId]);
  });
}

/** Stamps a merged member got after the merge (a tablet that had not heard of it) move over too. */
export async function moveLeftoverStamps(
  db: SetiaDB,
  mergedId: string,
  reason: string,
  ctx: ActionContext,
): Promise<void> {
  await db.transaction('rw', [db.members, db.events, db.settings], async () => {
    const dup = await db.members.get(mergedId);
    if (!dup?.mergedInto) throw new LedgerRuleError('duplicates.notMergeable');
    const into = await db.members.get(await resolveMerged(db, dup.mergedInto));
    if (!into) throw new LedgerRuleError('duplicates.notMergeable');
    await moveBalance(db, dup, into, reason, ctx);
  });
}
