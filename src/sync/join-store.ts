/**
 * A new tablet writing its snapshot of the shop (join.ts fetches it). Each page is saved in one transaction with the join's progress, so a
 * join cut short resumes where it stopped. Members go into packs first and
 * the history into event packs: a handful of rows instead of one per item
 * (Chromium writes only a few thousand indexed rows a second).
 */
import { placeholderMember } from '../db/ledger';
import type { MemberPack, SetiaDB } from '../db/schema';
import { getSyncState, saveSyncState, type JoinProgress } from '../db/sync-state';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import { nameWords } from '../domain/text';
import type { SnapshotMember } from '../shared/sync-protocol';

/** Members per pack: a scanned member is found by reading one pack (about 1 MB). */
export const MEMBER_PACK = 1000;

/** A member as the snapshot gives it: its stats are its base, since its history is packed. */
export function snapshotToMember(s: SnapshotMember): Member {
  const fields = s.fields;
  const member: Member = {
    ...placeholderMember(s.id, s.joinedAt),
    ...fields,
    clocks: s.clocks,
    stats: s.stats,
    base: s.stats,
  };
  if (fields.name) delete member.placeholder;
  member.nameWords = nameWords(member.name);
  // Phone search keys are added when the member is indexed (see indexNextPack).
  member.phoneKeys = [];
  return member;
}

async function saveProgress(db: SetiaDB, join: JoinProgress | undefined, cursor?: number) {
  const state = await getSyncState(db);
  if (!state) throw new Error('sync.notConnected');
  const next = { ...state, join, ...(cursor === undefined ? {} : { cursor }) };
  if (join === undefined) delete next.join;
  await saveSyncState(db, next);
}

export async function saveJoinProgress(db: SetiaDB, join: JoinProgress): Promise<void> {
  await db.transaction('rw', db.settings, () => saveProgress(db, join));
}

/** One page of the snapshot's members, in packs, with the progress that says so. */
export async function saveMemberPage(
  db: SetiaDB,
  members: Member[],
  join: JoinProgress,
): Promise<void> {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const packs: MemberPack[] = [];
  for (let i = 0; i < sorted.length; i += MEMBER_PACK) {
    const part = sorted.slice(i, i + MEMBER_PACK);
    packs.push({ id: part[0]!.id, members: part });
  }
  await db.transaction('rw', [db.memberPacks, db.settings], async () => {
    if (packs.length) await db.memberPacks.bulkPut(packs);
    await saveProgress(db, join);
  });
}

/** One page of history, as one event pack (members' bases already count it). */
export async function saveEventPage(
  db: SetiaDB,
  events: LedgerEvent[],
  join: JoinProgress,
): Promise<void> {
  await db.transaction('rw', [db.eventPacks, db.settings], async () => {
    if (events.length)
      await db.eventPacks.put({
        id: `snapshot-${String(join.eventsAfter).padStart(12, '0')}`,
        events,
      });
    await saveProgress(db, join);
  });
}

/** The snapshot is all here: from now on the tablet pulls after its cursor like any other. */
export async function finishJoin(db: SetiaDB, cursor: number): Promise<void> {
  await db.transaction('rw', db.settings, () => saveProgress(db, undefined, cursor));
}
