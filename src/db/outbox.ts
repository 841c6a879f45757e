/**
 * The outbox: the one way out of this tablet. Every change the shop's other
 * tablets must hear of — a ledger event, a member's edit (one by one, or in
 * packs from an import), an owner's settings edit — is given its id and this
 * device's next sequence number here, and stored here, inside the caller's
 * transaction: it is saved with the change it carries, or not at all. Sync
 * reads it back by sequence (src/sync/outgoing.ts); whoever watches it
 * (db/outbox-watch.ts) hears once the transaction has committed.
 */
import { Dexie, type Table } from 'dexie';
import { hlcSend, hlcToString, parseHlc, type Hlc } from '../domain/hlc';
import type { LedgerEvent } from '../domain/ledger';
import type { MemberChange } from '../domain/member';
import { loadDevice, saveDevice, type DeviceState } from './device';
import { newId } from './ids';
import type { ChangePack, EditableSettings, SetiaDB, SettingsChange } from './schema';

/** An import's member changes travel in packs of this many (one row each, not one per member). */
export const CHANGE_PACK_SIZE = 1000;

/** An outgoing item before the outbox numbers it. */
export type Unnumbered<T> = Omit<T, 'id' | 'deviceId' | 'seq'>;

/**
 * One transaction's view of the outbox: numbers the items recorded in it, then
 * `save()` stores them with the device's counters. Open it inside the caller's
 * transaction, with the tables of the items it records and `settings`.
 */
export class Outbox {
  private readonly device: DeviceState;
  private clockNow: Hlc;
  private events: LedgerEvent[] = [];
  private changes: MemberChange[] = [];
  private packs: ChangePack[] = [];
  private settings: SettingsChange[] = [];

  constructor(
    private readonly db: SetiaDB,
    device: DeviceState,
    private readonly now: number,
  ) {
    this.device = { ...device };
    this.clockNow = parseHlc(device.hlc) ?? { millis: 0, counter: 0, node: device.deviceId };
  }

  get deviceId(): string {
    return this.device.deviceId;
  }

  /** A clock for an edit (member fields, settings): after every clock this tablet issued or saw. */
  clock(): string {
    this.clockNow = hlcSend(this.clockNow, this.now);
    this.device.hlc = hlcToString(this.clockNow);
    return this.device.hlc;
  }

  /** The next item's id, device and sequence number. */
  private next(): { id: string; deviceId: string; seq: number } {
    this.device.seq += 1;
    return { id: newId(this.now), deviceId: this.device.deviceId, seq: this.device.seq };
  }

  /** A ledger event: numbered now (the caller folds it into the member's stats), stored by save(). */
  event(draft: Unnumbered<LedgerEvent>): LedgerEvent {
    const event: LedgerEvent = { ...draft, ...this.next() };
    this.events.push(event);
    return event;
  }

  /** A member's edit (enrolment included): its fields and their clock. */
  memberChange(change: Unnumbered<MemberChange>): MemberChange {
    const numbered: MemberChange = { ...change, ...this.next() };
    this.changes.push(numbered);
    return numbered;
  }

  /**
   * Many members' changes at once (an import): numbered consecutively and
   * stored in packs, so a pack holds the sequence numbers firstSeq..lastSeq.
   */
  memberChangesPacked(changes: readonly Unnumbered<MemberChange>[]): void {
    const numbered = changes.map((c): MemberChange => ({ ...c, ...this.next() }));
    for (let i = 0; i < numbered.length; i += CHANGE_PACK_SIZE) {
      const part = numbered.slice(i, i + CHANGE_PACK_SIZE);
      this.packs.push({
        id: newId(this.now),
        deviceId: this.device.deviceId,
        firstSeq: part[0]!.seq,
        lastSeq: part.at(-1)!.seq,
        changes: part,
      });
    }
  }

  /** The owner's settings edit: the settings it set, with the clock they now hold. */
  settingsChange(hlc: string, fields: EditableSettings): void {
    this.device.seq += 1;
    this.settings.push({ deviceId: this.device.deviceId, seq: this.device.seq, hlc, fields });
  }

  /**
   * Stores what was recorded since the last save, and the device's counters,
   * all at once (the caller's transaction keeps all or none).
   */
  async save(): Promise<void> {
    const { db, events, changes, packs, settings } = this;
    this.events = [];
    this.changes = [];
    this.packs = [];
    this.settings = [];
    const recorded = events.length + changes.length + packs.length + settings.length > 0;
    const committed = recorded ? afterCommit() : null;
    await Promise.all([
      saveDevice(db, { ...this.device }),
      store(db.events, events),
      store(db.memberChanges, changes),
      packs.length > 0 ? db.changePacks.bulkAdd(packs) : null,
      settings.length > 0 ? db.settingsChanges.bulkAdd(settings) : null,
    ]);
    if (committed === 'now') announce(db.name);
  }
}

/** One event or change is added as one (a stamp's path), more in bulk. */
function store<T, K>(table: Table<T, K>, rows: T[]): Promise<unknown> | null {
  return rows.length === 1 ? table.add(rows[0]!) : rows.length > 1 ? table.bulkAdd(rows) : null;
}

/** Opens the outbox for one transaction (reads the device's counters). */
export async function openOutbox(db: SetiaDB, now: number): Promise<Outbox> {
  return new Outbox(db, await loadDevice(db, now), now);
}

/**
 * Who watches the outbox (db/outbox-watch.ts) hears on this channel after each
 * commit that recorded something: from this page, other tabs and the CSV worker alike.
 */
export const OUTBOX_CHANNEL = 'setia-outbox';
const announcing = new WeakSet<object>();
let sender: BroadcastChannel | null | undefined;

function announce(name: string): void {
  if (sender === undefined) {
    sender = typeof BroadcastChannel === 'function' ? new BroadcastChannel(OUTBOX_CHANNEL) : null;
    // In Node (unit tests) an open channel would keep the process alive.
    (sender as { unref?: () => void } | null)?.unref?.();
  }
  sender?.postMessage(name);
}

/**
 * Arranges the announcement for when the caller's transaction commits (once
 * per transaction), or 'now' when there is none (each write commits itself).
 */
function afterCommit(): 'now' | 'later' {
  let tx = Dexie.currentTransaction;
  if (!tx) return 'now';
  while (tx.parent) tx = tx.parent;
  if (!announcing.has(tx)) {
    announcing.add(tx);
    const name = tx.db.name;
    tx.on('complete', () => announce(name));
  }
  return 'later';
}
