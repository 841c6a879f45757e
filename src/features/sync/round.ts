/**
 * One sync round for one tablet: push everything the server has not
 * acknowledged, in batches, then pull what the other tablets wrote, page by
 * page. Each step saves its progress, so a round cut short (offline, closed
 * tab, server killed) resumes where it stopped and never sends or applies
 * anything twice.
 */
import {
  applyPulled,
  getSyncState,
  outbox,
  pendingSettings,
  settingsAcknowledged,
  updateSyncState,
} from '../../db/sync';
import type { SetiaDB } from '../../db/schema';
import { BATCH_MAX } from '../../shared/sync-limits';
import type { SyncApi } from './client';
import { catchUp } from './join';
import { SyncError } from './sync-error';

export const PUSH_BATCH = BATCH_MAX;

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
  const state = await getSyncState(db);
  if (!state) return null;
  const moved: RoundResult = { pushed: 0, pulled: 0 };
  for (let pushed = state.pushedSeq; ;) {
    const batch = await outbox(db, pushed, PUSH_BATCH);
    if (batch.events.length + batch.memberChanges.length === 0) break;
    const t0 = performance.now();
    const ack = await api.push(state.server, state.token, {
      events: batch.events,
      memberChanges: batch.memberChanges,
    });
    // Move on only past what the server says it stored.
    const stored = new Set([...ack.events, ...ack.memberChanges]);
    if (![...batch.events, ...batch.memberChanges].every((x) => stored.has(x.id)))
      throw new SyncError('push not acknowledged', 200, 'bad_reply');
    pushed = batch.lastSeq;
    moved.pushed += stored.size;
    await updateSyncState(db, { pushedSeq: pushed });
    performance.measure('setia:sync-push', { start: t0 });
  }
  // A tablet that just joined loads the shop's snapshot first, then pulls what came after it.
  const from = state.join ? await catchUp(db, api, state) : state.cursor;
  for (let cursor = from; ;) {
    const t0 = performance.now();
    const page = await api.pull(state.server, state.token, cursor);
    const t1 = performance.now();
    if (page.items.length > 0 || page.cursor !== cursor)
      await applyPulled(db, page.items, page.cursor, now());
    // Benchmarks read these: network + server, then this tablet's IndexedDB.
    performance.measure('setia:sync-pull', { start: t0, end: t1 });
    performance.measure('setia:sync-apply', { start: t1 });
    moved.pulled += page.items.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  // The owner's settings edits go last: a refused one (say, a setting this server does not
  // know yet) shows as a sync error but never stops stamps and members from syncing.
  const settings = await pendingSettings(db);
  if (settings.length > 0) {
    const ack = await api.push(state.server, state.token, {
      events: [],
      memberChanges: [],
      settings,
    });
    await settingsAcknowledged(db, ack.settings ?? []);
    moved.pushed += ack.settings?.length ?? 0;
  }
  await updateSyncState(db, { lastSyncAt: now() });
  return moved;
}
