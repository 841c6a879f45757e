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
import type { Member, MemberFields } from '../domain/member';

/** A member edit as it travels between tablets: the changed fields and the clock of the edit. */
export interface MemberChange {
  id: string;
  memberId: string;
  deviceId: string;
  seq: number;
  hlc: string;
  fields: Partial<MemberFields>;
  at: number;
}

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

export interface SettingRow<T = unknown> {
  key: string;
  value: T;
}

export class SetiaDB extends Dexie {
  members!: Table<Member, string>;
  events!: Table<LedgerEvent, string>;
  memberChanges!: Table<MemberChange, string>;
  eventPacks!: Table<EventPack, string>;
  settings!: Table<SettingRow, string>;
  changePacks!: Table<ChangePack, string>;

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
    // Imported members' changes, packed (see ChangePack); the key alone answers "how many pending".
    this.version(3).stores({ changePacks: 'id, [deviceId+lastSeq+firstSeq]' });
  }
}
