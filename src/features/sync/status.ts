/** Sync's state for the status line: tiny, so the counter shows it before the sync code loads. */
import { createObservable } from '../../shared/observable';

export type SyncPhase = 'unpaired' | 'syncing' | 'synced' | 'pending' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  pending: number;
  /** For "error": the server's error code (see ErrorReply), or "failed". */
  code?: string;
}

export const syncStatus = createObservable<SyncStatus>({ phase: 'unpaired', pending: 0 });

/** The sync code, loaded after first paint (it is not needed to show the counter). */
export const loadSync = () => import('./engine');
