/**
 * This tablet's identity and counters, kept in one settings row that every
 * write transaction advances: the per-device sequence number (the sync outbox
 * order) and the hybrid logical clock of member edits.
 */
import { hlcSend, hlcToString, parseHlc, type Hlc } from '../domain/hlc';
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

/** Hands out sequence numbers and clocks within one transaction, then saves them. */
export class DeviceCounter {
  private state: DeviceState;
  private clock: Hlc;

  constructor(state: DeviceState) {
    this.state = { ...state };
    this.clock = parseHlc(state.hlc) ?? { millis: 0, counter: 0, node: state.deviceId };
  }

  get deviceId(): string {
    return this.state.deviceId;
  }

  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  nextHlc(now: number): string {
    this.clock = hlcSend(this.clock, now);
    this.state.hlc = hlcToString(this.clock);
    return this.state.hlc;
  }

  save(db: SetiaDB): Promise<string> {
    return db.settings.put({ key: KEY, value: this.state });
  }
}

export async function openCounter(db: SetiaDB, now: number): Promise<DeviceCounter> {
  return new DeviceCounter(await loadDevice(db, now));
}
