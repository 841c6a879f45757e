/**
 * This tablet's identity and counters, kept in one settings row: the last
 * per-device sequence number (handed out only by the outbox, db/outbox.ts) and
 * the hybrid logical clock of edits, which also moves on when clocks from
 * other tablets are seen (src/sync/pull-apply.ts).
 */
import { hlcToString } from '../domain/hlc';
import { newId } from './ids';
import type { SetiaDB } from './schema';

export interface DeviceState {
  /** The id its writes carry: the one the sync server gave it, once connected. */
  deviceId: string;
  /**
   * The id it wrote under before it was connected: those writes keep it (the ledger
   * is never rewritten) and are still pushed; the server binds it to this device.
   */
  localId?: string;
  /** Last sequence number used on this device. */
  seq: number;
  /** Last hybrid logical clock issued or seen. */
  hlc: string;
}

const KEY = 'device';

export async function getDevice(db: SetiaDB): Promise<DeviceState | undefined> {
  return (await db.settings.get(KEY))?.value as DeviceState | undefined;
}

/** Reads or creates the device row; call inside a transaction that includes `settings`. */
export async function loadDevice(db: SetiaDB, now: number): Promise<DeviceState> {
  const existing = await getDevice(db);
  if (existing) return existing;
  const deviceId = newId(now).slice(-10).toLowerCase();
  return { deviceId, seq: 0, hlc: hlcToString({ millis: 0, counter: 0, node: deviceId }) };
}

export async function saveDevice(db: SetiaDB, device: DeviceState): Promise<void> {
  await db.settings.put({ key: KEY, value: device });
}

/** Every id this device's own writes carry (the outbox reads them all). */
export const ownIds = (device: DeviceState): string[] =>
  device.localId ? [device.deviceId, device.localId] : [device.deviceId];

/**
 * The device takes the id the server gave it: later writes carry it, earlier
 * ones keep theirs (remembered as `localId`). Call inside a transaction that
 * includes `settings`.
 */
export async function takeServerId(db: SetiaDB, serverId: string, now: number): Promise<void> {
  const device = await loadDevice(db, now);
  if (device.deviceId === serverId) return;
  // Only the first id is kept: the server binds one earlier id per device.
  const localId = device.localId ?? (device.seq > 0 ? device.deviceId : undefined);
  await saveDevice(db, { ...device, deviceId: serverId, ...(localId ? { localId } : {}) });
}
