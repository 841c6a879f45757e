/**
 * What this tablet keeps about its sync server, in one settings row: where
 * and who it is, how far it pulled (the server's cursor), how far the server
 * has its outbox, and a new tablet's snapshot progress. Written by src/sync.
 */
import type { SetiaDB } from './schema';

export interface SyncState {
  /** The sync server's origin, e.g. https://setia.example.com */
  server: string;
  /** This tablet's device token (given at registration or pairing). */
  token: string;
  /** This tablet's id on the server (the owner's list of paired tablets). */
  deviceId: string;
  /** Server sequence of the last item pulled. */
  cursor: number;
  /** This device's events and member changes up to this sequence number are stored on the server. */
  pushedSeq: number;
  /** Its settings edits up to this sequence number are (absent: none yet, as before version 6). */
  settingsPushedSeq?: number;
  lastSyncAt: number | null;
  /** Set while a tablet that joined a shop is still loading its snapshot (src/sync/join.ts). */
  join?: JoinProgress;
  /**
   * What the server lets this device do (from its grant, or pull's `you`). A counter
   * tablet opens the owner area through the server. Written as 'owner' for tablets
   * connected before roles (version 7): an old server has no roles.
   */
  role?: DeviceRole;
  /** The server's identity as last seen: another one means it was restored or replaced. */
  serverId?: string;
}

export type DeviceRole = 'owner' | 'counter';

/** A shop with no server, or one the owner keeps offline: absent means owner. */
export const roleOf = (state: SyncState | null | undefined): DeviceRole => state?.role ?? 'owner';

/** How far a new tablet's snapshot got: each step is saved with what it wrote. */
export interface JoinProgress {
  /** The snapshot's server cursor; undefined until the server was asked. */
  at?: number;
  members: number;
  events: number;
  /** Members saved in packs, and the last one's id (the next page starts after it). */
  membersSaved: number;
  membersAfter: string;
  membersLoaded: boolean;
  /** Members moved from packs into the indexed table. */
  membersIndexed: number;
  /** History saved in event packs, up to this server sequence. */
  eventsSaved: number;
  eventsAfter: number;
}

export const NEW_JOIN: JoinProgress = Object.freeze({
  members: 0,
  events: 0,
  membersSaved: 0,
  membersAfter: '',
  membersLoaded: false,
  membersIndexed: 0,
  eventsSaved: 0,
  eventsAfter: 0,
});

const KEY = 'sync';

export async function getSyncState(db: SetiaDB): Promise<SyncState | undefined> {
  return (await db.settings.get(KEY))?.value as SyncState | undefined;
}

export async function saveSyncState(db: SetiaDB, state: SyncState): Promise<void> {
  await db.settings.put({ key: KEY, value: state });
}

export async function updateSyncState(db: SetiaDB, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const state = await getSyncState(db);
    if (state) await saveSyncState(db, { ...state, ...patch });
  });
}

/**
 * The first-run choice about a server, kept until it is carried out: connect to
 * `server` (the engine registers the shop there, and retries while it cannot
 * reach it), or keep the shop on this tablet only.
 */
export interface SyncPlan {
  server?: string;
  deviceName?: string;
  localOnly?: boolean;
}

const PLAN = 'syncPlan';

export async function getSyncPlan(db: SetiaDB): Promise<SyncPlan | undefined> {
  return (await db.settings.get(PLAN))?.value as SyncPlan | undefined;
}

export async function saveSyncPlan(db: SetiaDB, plan: SyncPlan | null): Promise<void> {
  if (plan) await db.settings.put({ key: PLAN, value: plan });
  else await db.settings.delete(PLAN);
}
