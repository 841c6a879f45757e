/** Sync's state for the status line: tiny, so the counter shows it before the sync code loads. */
import { createObservable } from '../../shared/observable';

export type SyncPhase = 'unpaired' | 'syncing' | 'synced' | 'pending' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  pending: number;
  /** For "error": the server's error code (see ErrorReply), or "failed". */
  code?: string;
  /** When the last round finished, for "synced". */
  lastSyncAt?: number;
}

/** The catalogue key that explains a failed call, by the server's error code. */
export function syncErrorKey(code: string): string {
  const keys: Record<string, string> = {
    unreachable: 'sync.errors.unreachable',
    bad_code: 'sync.errors.badCode',
    wrong_pin: 'sync.errors.wrongPin',
    too_many_tries: 'sync.errors.tooMany',
    shop_exists: 'sync.errors.shopExists',
    bad_token: 'sync.errors.removedDevice',
    no_token: 'sync.errors.removedDevice',
  };
  return keys[code] ?? 'sync.errors.failed';
}

export const syncStatus = createObservable<SyncStatus>({ phase: 'unpaired', pending: 0 });

/** The sync code, loaded after first paint (it is not needed to show the counter). */
export const loadSync = () => import('./engine');

/** A new tablet catching up with its shop (joined from a snapshot): how far, or null. */
export interface CatchUp {
  done: number;
  total: number;
  /** Every member can be looked up and stamped (some may not be searchable yet). */
  ready: boolean;
}
export const catchUpStatus = createObservable<CatchUp | null>(null);
