/**
 * Pushing the outbox: what the server has not acknowledged goes in batches,
 * oldest first, and the acknowledged sequence number moves on only past what
 * the server says it stored, so a push cut short is sent again and stored once.
 */
import type { SetiaDB } from '../db/schema';
import { roleOf, updateSyncState, type SyncState } from '../db/sync-state';
import { BATCH_MAX, SETTINGS_BATCH_MAX } from '../shared/sync-limits';
import type { SyncApi } from './client';
import { outgoing, outgoingSettings } from './outgoing';
import { endOwnerSession, hasOwnerSession } from './owner-session';
import { SyncError } from './sync-error';

const PUSH_BATCH = BATCH_MAX;

/** Pushes this device's events and member changes; returns how many the server stored. */
export async function pushOutbox(db: SetiaDB, api: SyncApi, state: SyncState): Promise<number> {
  let stored = 0;
  for (let pushed = state.pushedSeq; ;) {
    const batch = await outgoing(db, pushed, PUSH_BATCH);
    if (batch.events.length + batch.memberChanges.length === 0) break;
    const t0 = performance.now();
    const ack = await api.push(state.server, state.token, {
      events: batch.events,
      memberChanges: batch.memberChanges,
    });
    // Move on only past what the server says it stored.
    const ids = new Set([...ack.events, ...ack.memberChanges]);
    if (![...batch.events, ...batch.memberChanges].every((x) => ids.has(x.id)))
      throw new SyncError('push not acknowledged', 200, 'bad_reply');
    pushed = batch.lastSeq;
    stored += ids.size;
    await updateSyncState(db, { pushedSeq: pushed });
    performance.measure('setia:sync-push', { start: t0 });
  }
  return stored;
}

/**
 * Pushes the owner's settings edits made here; returns how many the server
 * stored. A refused one (say, a setting this server does not know yet) throws,
 * and stays in the outbox for the next round. On a counter tablet they go only
 * while the owner area is unlocked through the server (only the owner may change
 * settings); until then they wait in the outbox and count as pending.
 */
export async function pushSettings(db: SetiaDB, api: SyncApi, state: SyncState): Promise<number> {
  const counter = roleOf(state) === 'counter';
  if (counter && !hasOwnerSession()) return 0;
  try {
    return await pushSettingsNow(db, api, state);
  } catch (e) {
    // The server ended the owner session first (idle, or revoked): the edits wait for the next unlock.
    if (counter && e instanceof SyncError && e.code === 'owner_only') {
      endOwnerSession();
      return 0;
    }
    throw e;
  }
}

async function pushSettingsNow(db: SetiaDB, api: SyncApi, state: SyncState): Promise<number> {
  let stored = 0;
  for (let pushed = state.settingsPushedSeq ?? 0; ;) {
    const batch = await outgoingSettings(db, pushed, SETTINGS_BATCH_MAX);
    if (batch.lastSeq === pushed) break;
    if (batch.changes.length > 0) {
      const ack = await api.push(
        state.server,
        state.token,
        { events: [], memberChanges: [], settings: batch.changes },
        true,
      );
      const clocks = new Set(ack.settings ?? []);
      if (!batch.changes.every((c) => clocks.has(c.hlc)))
        throw new SyncError('push not acknowledged', 200, 'bad_reply');
      stored += batch.changes.length;
    }
    pushed = batch.lastSeq;
    await updateSyncState(db, { settingsPushedSeq: pushed });
  }
  return stored;
}
