/**
 * A tablet that joined a shop catches up from a snapshot instead of pulling
 * the whole log: the members first, in packs (then any member can be looked
 * up and stamped) and, as the packs arrive, into the searchable table; then
 * the history, in packs. Each step saves its progress; after the last
 * one the tablet pulls from the snapshot's cursor like any other, so nothing
 * the snapshot folded in is applied twice. The next page is always on its way
 * while the last one is written.
 */
import { rescanDuplicates } from '../db/duplicate-notes';
import { indexNextPack } from '../db/member-packs';
import type { SetiaDB } from '../db/schema';
import type { JoinProgress, SyncState } from '../db/sync-state';
import { phoneKeys } from '../domain/phone';
import type { SyncApi } from './client';
import {
  finishJoin,
  saveEventPage,
  saveJoinProgress,
  saveMemberPage,
  snapshotToMember,
} from './join-store';
import { catchUpStatus } from './status';

/** Events count less than members on the progress bar: ten go into a pack for each member row. */
const EVENT_WEIGHT = 0.1;

function report(join: JoinProgress) {
  const members = Math.max(join.members, join.membersSaved);
  const total = 2 * members + join.events * EVENT_WEIGHT;
  const done = join.membersSaved + join.membersIndexed + join.eventsSaved * EVENT_WEIGHT;
  catchUpStatus.set({ done, total: Math.max(total, done, 1), ready: join.membersLoaded });
}

/** A page fetched ahead: its failure is handled where it is awaited, not reported as unhandled. */
function ahead<T>(page: Promise<T>): Promise<T> {
  page.catch(() => undefined);
  return page;
}

/** Loads the snapshot (resuming a cut-short one) and returns the cursor to pull from. */
export async function catchUp(db: SetiaDB, api: SyncApi, state: SyncState): Promise<number> {
  const { server, token } = state;
  let join = state.join!;
  const progress = async (
    patch: Partial<JoinProgress>,
    save?: (j: JoinProgress) => Promise<void>,
  ) => {
    join = { ...join, ...patch };
    await (save ?? ((j) => saveJoinProgress(db, j)))(join);
    report(join);
  };
  report(join);
  if (join.at === undefined) {
    const start = await api.snapshot(server, token);
    await progress({ at: start.at, members: start.members, events: start.events });
  }
  const at = join.at!;

  // Three strands at once: member pages into packs (the server's work, mostly), packs into the
  // searchable table (IndexedDB's), then the history (the network's). Indexing waits for packs.
  let membersDone = join.membersLoaded;
  let wake: (() => void) | null = null;
  const woken = () => {
    wake?.();
    wake = null;
  };

  const loadMembers = async () => {
    try {
      let next = membersDone ? null : api.snapshotMembers(server, token, at, join.membersAfter);
      while (next) {
        const t0 = performance.now();
        const page = await next;
        // Benchmarks read these: waiting for the server, then this tablet's own work.
        performance.measure('setia:join-members-wait', { start: t0 });
        const after = page.members.at(-1)?.id ?? join.membersAfter;
        next = page.more ? ahead(api.snapshotMembers(server, token, at, after)) : null;
        const t1 = performance.now();
        const members = page.members.map(snapshotToMember);
        await progress(
          {
            membersSaved: join.membersSaved + members.length,
            membersAfter: after,
            membersLoaded: !page.more,
          },
          (j) => saveMemberPage(db, members, j),
        );
        performance.measure('setia:join-members-save', { start: t1 });
        woken();
      }
    } finally {
      membersDone = true;
      woken();
    }
  };

  const indexMembers = async () => {
    for (;;) {
      const moved = await indexNextPack(db, phoneKeys);
      if (moved !== null) await progress({ membersIndexed: join.membersIndexed + moved });
      else if (membersDone) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  const loadHistory = async () => {
    let pending =
      join.eventsAfter < at ? api.snapshotEvents(server, token, at, join.eventsAfter) : null;
    while (pending) {
      const page = await pending;
      const after = page.more ? page.after : at;
      pending = page.more ? ahead(api.snapshotEvents(server, token, at, after)) : null;
      await progress(
        { eventsSaved: join.eventsSaved + page.events.length, eventsAfter: after },
        (j) => saveEventPage(db, page.events, j),
      );
    }
  };

  const members = loadMembers();
  // All strands finish before the round ends, even when one fails (the next round resumes them).
  const failed = (
    await Promise.allSettled([members, indexMembers(), members.then(loadHistory)])
  ).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  // Members came in bulk, not through pulled changes: find the ones sharing a phone once.
  await rescanDuplicates(db);
  await finishJoin(db, at);
  catchUpStatus.set(null);
  return at;
}
