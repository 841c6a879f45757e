/** Sync's state for the status line: tiny, so the counter shows it before the sync code loads. */
import { createObservable } from '../shared/observable';

export type SyncPhase = 'unpaired' | 'syncing' | 'synced' | 'pending' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  pending: number;
  /** For "error": the server's error code (see ErrorReply), or "failed". */
  code?: string;
  /** When the last round finished, for "synced". */
  lastSyncAt?: number;
}

export const syncStatus = createObservable<SyncStatus>({ phase: 'unpaired', pending: 0 });

/** A new tablet catching up with its shop (joined from a snapshot): how far, or null. */
export interface CatchUp {
  done: number;
  total: number;
  /** Every member can be looked up and stamped (some may not be searchable yet). */
  ready: boolean;
}
export const catchUpStatus = createObservable<CatchUp | null>(null);
