/**
 * The tablet's IndexedDB, through Dexie. The ledger (`events`) is append-only;
 * `members.stats` is a cache derived from it (see domain/balance.ts) and can be
 * rebuilt at any time with rebuildMemberStats().
 *
 * Migrations: add a new `this.version(n)` below the last one; never edit a
 * shipped version. Every index costs write time on bulk paths (Chromium writes
 * roughly 4,500 indexed rows/s on a 2-core machine), so add only what a screen needs.
 */
import { Dexie, type Table } from 'dexie';
import type { LedgerEvent } from '../domain/ledger';
import type { Member, MemberChange } from '../domain/member';
import type { ShopSettings } from '../domain/shop';
import { settingsPendingToOutbox, rolesAndServerId } from './migrations';

export type { MemberChange } from '../domain/member';

/**
 * History held in bulk: many events in one row, written when a tablet takes a
 * snapshot of a large shop (one row per event would take minutes). Members'
 * `base` stats already account for them.
 */
export interface EventPack {
  id: string;
  events: LedgerEvent[];
}

/**
 * Members held in bulk while a new tablet catches up: a snapshot's members land
 * here first (a few rows, fast) so any member can be looked up and stamped at
 * once; they then move into `members` (indexed, slow) pack by pack. The id is
 * the pack's first member id, so a member is found in the pack with the
 * greatest id at or below its own.
 */
export interface MemberPack {
  id: string;
  members: Member[];
}

/**
 * Member changes held in bulk, for the sync outbox: an import of thousands of
 * members writes one row per 1,000 changes instead of one per member. The
 * changes have consecutive sequence numbers firstSeq..lastSeq of `deviceId`.
 */
export interface ChangePack {
  id: string;
  deviceId: string;
  firstSeq: number;
  lastSeq: number;
  changes: MemberChange[];
}

/** The settings a tablet may change after setup (not the shop's id, card key or creation time). */
export type EditableSettings = Partial<Omit<ShopSettings, 'shopId' | 'cardKey' | 'createdAt'>>;

/**
 * An owner's settings edit made on this tablet, in the outbox: the settings it
 * set and their clock, numbered in the device's sequence like its events.
 */
export interface SettingsChange {
  deviceId: string;
  seq: number;
  hlc: string;
  fields: EditableSettings;
}

export interface SettingRow<T = unknown> {
  key: string;
  value: T;
}

export class SetiaDB extends Dexie {
  members!: Table<Member, string>;
  events!: Table<LedgerEvent, string>;
  memberChanges!: Table<MemberChange, string>;
  eventPacks!: Table<EventPack, string>;
  memberPacks!: Table<MemberPack, string>;
  settings!: Table<SettingRow, string>;
  changePacks!: Table<ChangePack, string>;
  settingsChanges!: Table<SettingsChange, [string, number]>;

  constructor(name = 'setia') {
    super(name);
    this.version(1).stores({
      members: 'id, *nameWords, *phoneKeys',
      events: 'id, [memberId+at], [deviceId+seq], at',
      memberChanges: 'id, memberId, [deviceId+seq]',
      eventPacks: 'id',
      settings: 'key',
    });
    // The owner's conflict inbox: only members with unsettled double redemptions have entries.
    this.version(2).stores({ members: 'id, *nameWords, *phoneKeys, *stats.conflicts' });
    // Limited-edition rewards count how many were given, and their undos. Only redemptions
    // have a rewardId and only reversals a `reverses`, so these indexes stay small.
    this.version(3).stores({ events: 'id, [memberId+at], [deviceId+seq], at, rewardId, reverses' });
    // A new tablet's members, in bulk, until they are indexed (see MemberPack).
    this.version(4).stores({ memberPacks: 'id' });
    // Imported members' changes, packed (see ChangePack); the key alone answers "how many pending".
    this.version(5).stores({ changePacks: 'id, [deviceId+lastSeq+firstSeq]' });
    // The owner's settings edits join the outbox (numbered like events) instead of a list of
    // pending setting names; the names a tablet still had to push become outbox items.
    this.version(6)
      .stores({ settingsChanges: '[deviceId+seq]' })
      .upgrade((tx) => settingsPendingToOutbox(tx));
    // Roles (an owner device or a counter tablet) and the server-given device id (issue 15).
    this.version(7).upgrade((tx) => rolesAndServerId(tx));
  }
}
