/** What the sync screens read from this tablet's database, kept up to date as it changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { getSyncPlan, getSyncState, type SyncPlan, type SyncState } from './sync-state';

/** This tablet's sync server and progress: null when not connected, undefined while loading. */
export function useSyncState(): SyncState | null | undefined {
  return useLiveQuery(async () => (await getSyncState(db)) ?? null, []);
}

/** The first-run choice about a server still to carry out: null when none, undefined while loading. */
export function useSyncPlan(): SyncPlan | null | undefined {
  return useLiveQuery(async () => (await getSyncPlan(db)) ?? null, []);
}
