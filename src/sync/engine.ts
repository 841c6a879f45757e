/**
 * Sync runs by itself and never blocks the cashier: it pushes this tablet's
 * unacknowledged writes, then pulls what the other tablets wrote, whenever the
 * browser comes online, every little while, soon after each write that the
 * outbox records, and on "Sync now". Errors retry with a growing pause. Its
 * state is an observable that the status line shows.
 */
import { db } from '../db/db';
import { watchOutbox } from '../db/outbox-watch';
import { getSyncPlan, getSyncState } from '../db/sync-state';
import { pendingCount } from './outgoing';
import { syncRound } from './round';
import { nextSyncDelay } from './schedule';
import { syncStatus } from './status';
import { SyncError } from './sync-error';

/** A write is pushed this soon after it is saved (several quick stamps go in one push). */
const SOON_MS = 800;
const BACKGROUND_SYNC_TAG = 'setia-sync';

let running: Promise<void> | null = null;
let again = false;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let pending = 0;

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void syncNow(), ms);
}

let watching = false;

/** The pending count on the status line, as the outbox holds it now. */
async function showPending() {
  const count = await pendingCount(db);
  pending = count;
  const current = syncStatus.get();
  if (current.phase !== 'syncing')
    syncStatus.set({
      ...current,
      pending: count,
      ...(current.phase === 'synced' && count > 0 ? { phase: 'pending' as const } : {}),
    });
}

/**
 * Once this tablet is connected, each write the outbox records (in this page,
 * another tab or the CSV worker) is pushed soon, in the background. (A tablet
 * that is not connected pays nothing.)
 */
async function watchWrites() {
  if (watching) return;
  watching = true;
  watchOutbox(db, () => {
    void showPending();
    schedule(SOON_MS);
  });
  await showPending();
}

/** Runs one round and returns how many items moved, or null when no round could run. */
async function once(): Promise<number | null> {
  if (!(await getSyncState(db))) {
    // Set up from its server: this shop registers there by itself, as soon as it can.
    const plan = await getSyncPlan(db);
    if (!plan?.server || !navigator.onLine) {
      syncStatus.set({ phase: 'unpaired', pending });
      return null;
    }
    const [{ syncApi }, { connectPlanned }] = await Promise.all([
      import('./client'),
      import('./first-connect'),
    ]);
    await connectPlanned(db, syncApi, { ...plan, server: plan.server }, Date.now());
    if (!(await getSyncState(db))) return null;
  }
  await watchWrites();
  if (!navigator.onLine) {
    syncStatus.set({ phase: 'offline', pending });
    askForBackgroundSync();
    return null;
  }
  syncStatus.set({ phase: 'syncing', pending });
  // The client (and zod with it) loads only on a tablet that really syncs.
  const { syncApi } = await import('./client');
  const moved = await syncRound(db, syncApi, Date.now);
  return moved && moved.pushed + moved.pulled;
}

/**
 * Where the browser has Background Sync, the service worker is woken when the
 * network returns and tells this page to sync at once, even if the online
 * event was missed (a tablet asleep in a drawer).
 */
function askForBackgroundSync() {
  if (pending === 0 || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((reg) =>
      (
        reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }
      ).sync?.register(BACKGROUND_SYNC_TAG),
    )
    .catch(() => undefined);
}

/** Runs a sync now (or right after the one in progress). */
export async function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      let moved = 0;
      let ran = false;
      do {
        again = false;
        const round = await once();
        if (round !== null) {
          ran = true;
          moved += round;
        }
      } while (again);
      failures = 0;
      // Only a round that ran may say "synced": offline and unpaired keep their own status.
      if (ran) {
        const left = (pending = await pendingCount(db));
        syncStatus.set(
          left > 0
            ? { phase: 'pending', pending: left, lastSyncAt: Date.now() }
            : { phase: 'synced', pending: 0, lastSyncAt: Date.now() },
        );
      }
      // Writes recorded while the round ran (their "soon" timer was replaced by this one) go soon too.
      schedule(ran && pending > 0 ? SOON_MS : nextSyncDelay({ moved }, Math.random));
    } catch (e) {
      failures += 1;
      // Part of the outbox may have gone before the failure.
      pending = await pendingCount(db).catch(() => pending);
      const offline = !navigator.onLine || (e instanceof SyncError && e.status === null);
      syncStatus.set(
        offline
          ? { phase: 'offline', pending }
          : { phase: 'error', pending, code: e instanceof SyncError ? e.code : 'failed' },
      );
      if (offline) askForBackgroundSync();
      schedule(nextSyncDelay({ failures }, Math.random));
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
  navigator.serviceWorker?.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === BACKGROUND_SYNC_TAG) void syncNow();
  });
  window.addEventListener('offline', () => syncStatus.set({ phase: 'offline', pending }));
  void syncNow();
}
