/**
 * Sync runs by itself and never blocks the cashier: it pushes this tablet's
 * unacknowledged writes, then pulls what the other tablets wrote, whenever the
 * browser comes online, every little while, soon after each local write, and
 * on "Sync now". Errors retry with a growing pause. Its state is an
 * observable that the status line shows.
 */
import { db } from '../../db/db';
import { getSyncState, pendingCount, watchPendingCount } from '../../db/sync';
import { syncApi, SyncError } from './client';
import { syncRound } from './round';
import { syncStatus } from './status';

const EVERY_MS = 20_000;
const SOON_MS = 800;
const MAX_BACKOFF_MS = 60_000;

let running: Promise<void> | null = null;
let again = false;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let pending = 0;

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void syncNow(), ms);
}

async function once(): Promise<void> {
  if (!(await getSyncState(db))) {
    syncStatus.set({ phase: 'unpaired', pending });
    return;
  }
  if (!navigator.onLine) {
    syncStatus.set({ phase: 'offline', pending });
    return;
  }
  syncStatus.set({ phase: 'syncing', pending });
  await syncRound(db, syncApi, Date.now);
}

/** Runs a sync now (or right after the one in progress). */
export async function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await once();
      } while (again);
      failures = 0;
      const left = await pendingCount(db);
      const state = await getSyncState(db);
      if (state)
        syncStatus.set(
          left > 0 ? { phase: 'pending', pending: left } : { phase: 'synced', pending: 0 },
        );
      schedule(EVERY_MS);
    } catch (e) {
      failures += 1;
      const offline = !navigator.onLine || (e instanceof SyncError && e.status === null);
      syncStatus.set(
        offline
          ? { phase: 'offline', pending }
          : { phase: 'error', pending, code: e instanceof SyncError ? e.code : 'failed' },
      );
      schedule(Math.min(MAX_BACKOFF_MS, 2000 * 2 ** (failures - 1)));
    } finally {
      running = null;
    }
  })();
  return running;
}

let started = false;

/** Starts the background sync once per page. */
export function startSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', () => syncStatus.set({ phase: 'offline', pending }));
  // Each local write raises the pending count: push it soon, in the background.
  watchPendingCount(db, (count) => {
    const grew = count > pending;
    pending = count;
    const current = syncStatus.get();
    if (current.phase !== 'syncing')
      syncStatus.set({
        ...current,
        pending: count,
        ...(current.phase === 'synced' && count > 0 ? { phase: 'pending' as const } : {}),
      });
    if (grew) schedule(SOON_MS);
  });
  void syncNow();
}
