/**
 * Pulling what the other tablets wrote, after this tablet's cursor, page by
 * page, and applying each page in one transaction with the cursor that follows
 * it: a page is applied whole or not at all, and never twice.
 */
import { loadDevice, saveDevice } from '../db/device';
import { refreshDuplicates } from '../db/duplicate-notes';
import { memberEvents, placeholderMember } from '../db/ledger';
import type { SetiaDB } from '../db/schema';
import { getSettingClocks, getShop, putShop, saveSettingClocks } from '../db/settings';
import { getSyncState, saveSyncState, updateSyncState, type SyncState } from '../db/sync-state';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import { hlcReceive, hlcToString, parseHlc } from '../domain/hlc';
import { mergeMemberFields, searchKeys, type Member } from '../domain/member';
import { phoneKeys } from '../domain/phone';
import { mergeSettingsChanges } from '../domain/settings-merge';
import type {
  MemberChangeWire,
  PullItem,
  PullReply,
  SettingsChangeWire,
} from '../shared/sync-protocol';
import type { SyncApi } from './client';

/** Thrown by pullAll when the server lost what this tablet had seen: the round starts over. */
export class ServerRestored extends Error {}

/**
 * Pulls and applies everything after `from`; returns how many items came.
 * Throws ServerRestored (having reset this tablet's marks) when the server is
 * behind the cursor or is another server than before: restored from a backup.
 */
export async function pullAll(
  db: SetiaDB,
  api: SyncApi,
  state: SyncState,
  from: number,
  now: () => number,
): Promise<number> {
  let pulled = 0;
  for (let cursor = from; ;) {
    const t0 = performance.now();
    const page = await api.pull(state.server, state.token, cursor);
    const t1 = performance.now();
    if (cursor === from && (await checkServer(db, state, page, from)))
      throw new ServerRestored('server restored');
    if (page.items.length > 0 || page.cursor !== cursor)
      await applyPulled(db, page.items, page.cursor, now());
    // Benchmarks read these: network + server, then this tablet's IndexedDB.
    performance.measure('setia:sync-pull', { start: t0, end: t1 });
    performance.measure('setia:sync-apply', { start: t1 });
    pulled += page.items.length;
    cursor = page.cursor;
    if (!page.more) return pulled;
  }
}

/**
 * Reads who the server is and who it takes this tablet for. A server whose
 * log ends before this tablet's cursor, or with another identity than the one
 * seen before, came back from a backup (or was replaced): everything this
 * tablet wrote is pushed again (the server stores by id, so nothing twice) and
 * everything is pulled from the start. Returns whether that reset happened.
 */
async function checkServer(
  db: SetiaDB,
  state: SyncState,
  page: PullReply,
  from: number,
): Promise<boolean> {
  const patch: Partial<SyncState> = {};
  if (page.you && page.you.role !== state.role) patch.role = state.role = page.you.role;
  const server = page.server;
  const restored =
    server !== undefined &&
    (server.head < from || (state.serverId !== undefined && server.id !== state.serverId));
  if (server && server.id !== state.serverId) patch.serverId = state.serverId = server.id;
  if (restored) {
    Object.assign(patch, { cursor: 0, pushedSeq: 0, settingsPushedSeq: 0 });
    Object.assign(state, patch);
  }
  if (Object.keys(patch).length > 0) await updateSyncState(db, patch);
  return restored;
}

/** Applies one pulled page and moves the cursor, in one transaction. */
export async function applyPulled(
  db: SetiaDB,
  items: PullItem[],
  cursor: number,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.members, db.events, db.memberChanges, db.settings], async () => {
    const events = items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
    const changes = items.flatMap((i) => (i.kind === 'member' ? [i.change] : []));
    const settings = items.flatMap((i) => (i.kind === 'settings' ? [i.change] : []));
    if (settings.length) await mergeShopSettings(db, settings, now);
    const touched = new Set<string>();

    const haveEvents = await db.events.bulkGet(events.map((e) => e.id));
    const newEvents = events.filter((_, i) => !haveEvents[i]);
    if (newEvents.length) await db.events.bulkAdd(newEvents);
    for (const e of newEvents) touched.add(e.memberId);

    const haveChanges = await db.memberChanges.bulkGet(changes.map((c) => c.id));
    const newChanges = changes.filter((_, i) => !haveChanges[i]);
    if (newChanges.length) {
      await db.memberChanges.bulkAdd(newChanges);
      await receiveClocks(db, newChanges, now);
    }
    const phones: string[] = [];
    for (const change of newChanges) phones.push(...(await mergeChange(db, change)));
    // The same person enrolled on two offline tablets: the owner is asked to merge them.
    const merged = newChanges.filter((c) => c.fields.mergedInto).map((c) => c.memberId);
    if (phones.length || merged.length) await refreshDuplicates(db, phones, merged);

    // Refold every touched member from its ledger: all reads issued at once, one bulk write
    // (one request at a time costs a round trip each: seconds for a big catch-up).
    const ids = [...touched];
    const [members, ledgers] = await Promise.all([
      db.members.bulkGet(ids),
      Promise.all(ids.map((id) => memberEvents(db, id))),
    ]);
    await db.members.bulkPut(
      ids.map((id, i) => {
        const member = members[i] ?? placeholderMember(id, now);
        return { ...member, stats: foldLedger(ledgers[i]!, member.base ?? EMPTY_STATS) };
      }),
    );
    const state = await getSyncState(db);
    if (state) await saveSyncState(db, { ...state, cursor, lastSyncAt: now });
  });
}

/**
 * A member edit from another tablet: field by field, the later clock wins.
 * Returns the phone numbers whose holders changed (for duplicate detection).
 */
async function mergeChange(db: SetiaDB, change: MemberChangeWire): Promise<string[]> {
  const existing = await db.members.get(change.memberId);
  const base: Member = existing ?? { ...placeholderMember(change.memberId, change.at) };
  const { member, changed } = mergeMemberFields(base, change.fields, change.hlc);
  if (changed.length === 0 && existing) return [];
  const next: Member = {
    ...member,
    ...searchKeys(member, member.phone ? phoneKeys(member.phone) : []),
  };
  // A member first known from a scanned card gets their details now.
  if (next.placeholder && changed.includes('name')) {
    delete next.placeholder;
    next.joinedAt = Math.min(next.joinedAt, change.at);
  }
  await db.members.put(next);
  if (!changed.includes('phone') && !changed.includes('mergedInto')) return [];
  return [existing?.phone, next.phone].filter((p): p is string => Boolean(p));
}

/**
 * The owner's settings edited on other tablets: setting by setting, the later
 * clock wins. A setting edited here but overtaken by a later edit elsewhere
 * no longer needs pushing (the outbox sends only settings whose clock they
 * still hold). The shop's id and card key never change.
 */
async function mergeShopSettings(db: SetiaDB, changes: SettingsChangeWire[], now: number) {
  const [shop, clocks] = await Promise.all([getShop(db), getSettingClocks(db)]);
  if (!shop) return;
  const merged = mergeSettingsChanges(shop, clocks, changes);
  await receiveClocks(db, changes, now);
  if (!merged.changed) return;
  await putShop(db, merged.settings);
  await saveSettingClocks(db, merged.clocks);
}

/** Seen clocks move this device's clock on, so its next edit sorts after them. */
async function receiveClocks(db: SetiaDB, seen: readonly { hlc: string }[], now: number) {
  const device = await loadDevice(db, now);
  let clock = parseHlc(device.hlc) ?? { millis: 0, counter: 0, node: device.deviceId };
  for (const c of seen) {
    const remote = parseHlc(c.hlc);
    if (remote) clock = hlcReceive(clock, remote, now);
  }
  await saveDevice(db, { ...device, hlc: hlcToString(clock) });
}
