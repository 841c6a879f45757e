/**
 * One sync round for one tablet: push everything the server has not
 * acknowledged, in batches, then pull what the other tablets wrote, page by
 * page, then push the owner's settings edits. Each step saves its progress, so
 * a round cut short (offline, closed tab, server killed) resumes where it
 * stopped and never sends or applies anything twice.
 */
import type { SetiaDB } from '../db/schema';
import { getSyncState, updateSyncState } from '../db/sync-state';
import type { SyncApi } from './client';
import { catchUp } from './join';
import { pullAll, ServerRestored } from './pull-apply';
import { pushOutbox, pushSettings } from './push';

export interface RoundResult {
  pushed: number;
  pulled: number;
}

/** Returns what moved, or null when this tablet is not connected to a server. */
export async function syncRound(
  db: SetiaDB,
  api: SyncApi,
  now: () => number,
): Promise<RoundResult | null> {
  let state = await getSyncState(db);
  if (!state) return null;
  const moved: RoundResult = { pushed: await pushOutbox(db, api, state), pulled: 0 };
  // A tablet that just joined loads the shop's snapshot first, then pulls what came after it.
  const from = state.join ? await catchUp(db, api, state) : state.cursor;
  try {
    moved.pulled = await pullAll(db, api, state, from, now);
  } catch (e) {
    if (!(e instanceof ServerRestored)) throw e;
    // The server came back from a backup: it gets everything this tablet holds again,
    // then this tablet reads the whole log again (applying is idempotent).
    state = (await getSyncState(db))!;
    moved.pushed += await pushOutbox(db, api, state);
    moved.pulled = await pullAll(db, api, state, 0, now);
  }
  // The owner's settings edits go last: a refused one (say, a setting this server does not
  // know yet) shows as a sync error but never stops stamps and members from syncing.
  moved.pushed += await pushSettings(db, api, state);
  await updateSyncState(db, { lastSyncAt: now() });
  return moved;
}
