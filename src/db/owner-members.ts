/** The owner's reads and writes on members (kept out of the counter's first load). */
import { liveQuery } from 'dexie';
import { anonymisedFields, type Member } from '../domain/member';
import { updateMember } from './members';
import type { SetiaDB } from './schema';

/**
 * The member's right to be forgotten: personal fields cleared (one member
 * change, which syncs), the ledger untouched so the shop's totals still add up.
 */
export function anonymiseMember(db: SetiaDB, memberId: string, now: number): Promise<Member> {
  return updateMember(db, memberId, anonymisedFields(), [], now);
}

/**
 * Members in id order, a page at a time after `after` (null: from the start):
 * reading 100,000 at once would hold the main thread for about a second.
 */
export function membersPage(db: SetiaDB, after: string | null, limit: number): Promise<Member[]> {
  const from = after === null ? db.members.orderBy(':id') : db.members.where(':id').above(after);
  return from.limit(limit).toArray();
}

/**
 * Calls `onCount` with the number of member rows now and whenever it changes
 * (an import, an enrolment, members arriving from sync), from this tab or
 * another context: the CSV import writes from a worker.
 */
export function watchMemberCount(db: SetiaDB, onCount: (count: number) => void): () => void {
  let last: number | null = null;
  const subscription = liveQuery(() => db.members.count()).subscribe({
    next: (count) => {
      if (count !== last) onCount((last = count));
    },
  });
  return () => subscription.unsubscribe();
}
