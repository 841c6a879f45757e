/**
 * For migration tests: a database written as version 5 of the schema left it
 * (before the owner's settings edits joined the outbox), with the rows a test gives.
 */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../../domain/ledger';

/** Version 5's tables and indexes, as versions 1 to 5 of schema.ts built them. */
const VERSION_5 = {
  members: 'id, *nameWords, *phoneKeys, *stats.conflicts',
  events: 'id, [memberId+at], [deviceId+seq], at, rewardId, reverses',
  memberChanges: 'id, memberId, [deviceId+seq]',
  eventPacks: 'id',
  settings: 'key',
  memberPacks: 'id',
  changePacks: 'id, [deviceId+lastSeq+firstSeq]',
};

export async function writeVersion5(
  name: string,
  rows: { settings: { key: string; value: unknown }[]; events?: LedgerEvent[] },
): Promise<void> {
  const old = new Dexie(name);
  old.version(5).stores(VERSION_5);
  await old.table('settings').bulkPut(rows.settings);
  if (rows.events?.length) await old.table('events').bulkPut(rows.events);
  old.close();
}
