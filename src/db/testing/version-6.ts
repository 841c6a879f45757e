/**
 * For migration tests: a database written as version 6 of the schema left it
 * (before roles and the server-given device id), with the rows a test gives.
 */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../../domain/ledger';

/** Version 6's tables and indexes, as versions 1 to 6 of schema.ts built them. */
const VERSION_6 = {
  members: 'id, *nameWords, *phoneKeys, *stats.conflicts',
  events: 'id, [memberId+at], [deviceId+seq], at, rewardId, reverses',
  memberChanges: 'id, memberId, [deviceId+seq]',
  eventPacks: 'id',
  settings: 'key',
  memberPacks: 'id',
  changePacks: 'id, [deviceId+lastSeq+firstSeq]',
  settingsChanges: '[deviceId+seq]',
};

export async function writeVersion6(
  name: string,
  rows: {
    settings: { key: string; value: unknown }[];
    events?: LedgerEvent[];
    members?: unknown[];
    memberChanges?: unknown[];
  },
): Promise<void> {
  const old = new Dexie(name);
  old.version(6).stores(VERSION_6);
  await old.table('settings').bulkPut(rows.settings);
  if (rows.events?.length) await old.table('events').bulkPut(rows.events);
  if (rows.members?.length) await old.table('members').bulkPut(rows.members);
  if (rows.memberChanges?.length) await old.table('memberChanges').bulkPut(rows.memberChanges);
  old.close();
}
