/** What the sync screens read from this tablet's database, kept up to date as it changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { getSyncState, type SyncState } from './sync-state';

/** This tablet's sync server and progress: null when not connected, undefined while loading. */
export function useSyncState(): SyncState | null | undefined {
  return useLiveQuery(async () => (await getSyncState(db)) ?? null, []);
}
