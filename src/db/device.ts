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
  deviceId: string;
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
