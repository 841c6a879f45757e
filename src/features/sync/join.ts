/**
 * A tablet that joined a shop catches up from a snapshot instead of pulling
 * the whole log: the members first, in packs (then any member can be looked
 * up and stamped), then the members into the searchable table, then the
 * history in packs. Each step saves its progress; after the last one the
 * tablet pulls from the snapshot's cursor like any other, so nothing the
 * snapshot folded in is applied twice.
 */
import { indexNextPack } from '../../db/member-packs';
import type { SetiaDB } from '../../db/schema';
import {
  finishJoin,
  saveEventPage,
  saveJoinProgress,
  saveMemberPage,
  snapshotToMember,
} from '../../db/snapshot';
import type { JoinProgress, SyncState } from '../../db/sync';
import type { LedgerEvent } from '../../domain/ledger';
import type { SyncApi } from './client';
import { catchUpStatus } from './status';

/** Events count less than members on the progress bar: ten go into a pack for each member row. */
const EVENT_WEIGHT = 0.1;

function report(join: JoinProgress) {
  const members = Math.max(join.members, join.membersSaved);
  const total = 2 * members + join.events * EVENT_WEIGHT;
  const done = join.membersSaved + join.membersIndexed + join.eventsSaved * EVENT_WEIGHT;
  catchUpStatus.set({ done, total: Math.max(total, done, 1), ready: join.membersLoaded });
}

/** Loads the snapshot (resuming a cut-short one) and returns the cursor to pull from. */
export async function catchUp(db: SetiaDB, api: SyncApi, state: SyncState): Promise<number> {
  const { server, token } = state;
  let join = state.join!;
  report(join);
  if (join.at === undefined) {
    const start = await api.snapshot(server, token);
    join = { ...join, at: start.at, members: start.members, events: start.events };
    await saveJoinProgress(db, join);
    report(join);
  }
  const at = join.at!;
  while (!join.membersLoaded) {
    const page = await api.snapshotMembers(server, token, at, join.membersAfter);
    const members = page.members.map(snapshotToMember);
    join = {
      ...join,
      membersSaved: join.membersSaved + members.length,
      membersAfter: page.members.at(-1)?.id ?? join.membersAfter,
      membersLoaded: !page.more,
    };
    await saveMemberPage(db, members, join);
    report(join);
  }
  for (;;) {
    const moved = await indexNextPack(db);
    if (moved === null) break;
    join = { ...join, membersIndexed: join.membersIndexed + moved };
    await saveJoinProgress(db, join);
    report(join);
  }
  while (join.eventsAfter < at) {
    const page = await api.snapshotEvents(server, token, at, join.eventsAfter);
    join = {
      ...join,
      eventsSaved: join.eventsSaved + page.events.length,
      eventsAfter: page.more ? page.after : at,
    };
    await saveEventPage(db, page.events as LedgerEvent[], join);
    report(join);
  }
  await finishJoin(db, at);
  catchUpStatus.set(null);
  return at;
}
