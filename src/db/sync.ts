/**
 * The tablet's side of sync, in IndexedDB: what this device still has to push
 * (its own events and member changes after the last acknowledged sequence
 * number), and applying what other tablets wrote (pulled from the server) in
 * one transaction per page, cursor included, so a page is applied whole or not at all.
 */
import { Dexie, liveQuery } from 'dexie';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import { hlcReceive, hlcToString, parseHlc } from '../domain/hlc';
import type { LedgerEvent } from '../domain/ledger';
import { mergeMemberFields, searchKeys, type Member } from '../domain/member';
import { phoneKeys } from '../domain/phone';
import { changesByClock, mergeSettingsChanges } from '../domain/settings-merge';
import type { MemberChangeWire, PullItem, SettingsChangeWire } from '../shared/sync-protocol';
import { getDevice, loadDevice } from './device';
import { refreshDuplicates } from './duplicate-notes';
import { memberEvents, placeholderMember } from './ledger';
import type { MemberChange, SetiaDB } from './schema';
import { getShop, getShopSync, putShop, saveShopSync } from './settings';

export interface SyncState {
  /** The sync server's origin, e.g. https://setia.example.com */
  server: string;
  /** This tablet's device token (given at registration or pairing). */
  token: string;
  /** This tablet's id on the server (the owner's list of paired tablets). */
  deviceId: string;
  /** Server sequence of the last item pulled. */
  cursor: number;
  /** This device's sequence numbers up to here are stored on the server. */
  pushedSeq: number;
  lastSyncAt: number | null;
  /** Set while a tablet that joined a shop is still loading its snapshot (db/snapshot.ts). */
  join?: JoinProgress;
}

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

export interface Outbox {
  events: LedgerEvent[];
  memberChanges: MemberChange[];
  /** The highest sequence number in this batch; everything up to it is in it. */
  lastSeq: number;
}

const ownRange = (deviceId: string, afterSeq: number) =>
  [
    [deviceId, afterSeq + 1],
    [deviceId, Dexie.maxKey],
  ] as const;

/** This device's writes after `afterSeq`, oldest first, at most `limit` of them. */
export async function outbox(db: SetiaDB, afterSeq: number, limit: number): Promise<Outbox> {
  const device = await getDevice(db);
  if (!device) return { events: [], memberChanges: [], lastSeq: afterSeq };
  const [from, to] = ownRange(device.deviceId, afterSeq);
  const [events, changes, packed] = await Promise.all([
    db.events.where('[deviceId+seq]').between(from, to, true, true).limit(limit).toArray(),
    db.memberChanges.where('[deviceId+seq]').between(from, to, true, true).limit(limit).toArray(),
    packedChanges(db, device.deviceId, afterSeq, limit),
  ]);
  // All tables share one sequence: take the lowest `limit` so the batch has no gaps.
  const all = [
    ...events.map((e) => ({ seq: e.seq, event: e })),
    ...[...changes, ...packed].map((c) => ({ seq: c.seq, change: c })),
  ]
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
  return {
    events: all.flatMap((x) => ('event' in x ? [x.event] : [])),
    memberChanges: all.flatMap((x) => ('change' in x ? [x.change] : [])),
    lastSeq: all.at(-1)?.seq ?? afterSeq,
  };
}

/** The first `limit` changes after `afterSeq` held in packs (an import's), oldest first. */
async function packedChanges(
  db: SetiaDB,
  deviceId: string,
  afterSeq: number,
  limit: number,
): Promise<MemberChange[]> {
  const out: MemberChange[] = [];
  await db.changePacks
    .where('[deviceId+lastSeq+firstSeq]')
    .between([deviceId, afterSeq + 1], [deviceId, Dexie.maxKey], true, true)
    .until(() => out.length >= limit)
    .each((pack) => {
      for (const c of pack.changes) if (c.seq > afterSeq && out.length < limit) out.push(c);
    });
  return out;
}

/** How many of this device's writes (settings edits included) the server does not have yet. */
export async function pendingCount(db: SetiaDB): Promise<number> {
  const [device, state] = await Promise.all([getDevice(db), getSyncState(db)]);
  if (!device) return 0;
  const after = state?.pushedSeq ?? 0;
  const [from, to] = ownRange(device.deviceId, after);
  const [e, c, packs, settings] = await Promise.all([
    db.events.where('[deviceId+seq]').between(from, to, true, true).count(),
    db.memberChanges.where('[deviceId+seq]').between(from, to, true, true).count(),
    // Keys only (no pack is read): a pack's changes have consecutive sequence numbers.
    db.changePacks
      .where('[deviceId+lastSeq+firstSeq]')
      .between([device.deviceId, after + 1], [device.deviceId, Dexie.maxKey], true, true)
      .keys(),
    pendingSettings(db),
  ]);
  const packed = (packs as unknown as [string, number, number][]).reduce(
    (sum, [, last, first]) => sum + last - Math.max(first, after + 1) + 1,
    0,
  );
  return e + c + packed + settings.length;
}

/** The owner's settings edits made here and not yet acknowledged, one change per clock. */
export async function pendingSettings(db: SetiaDB): Promise<SettingsChangeWire[]> {
  const [shop, sync] = await Promise.all([getShop(db), getShopSync(db)]);
  if (!shop || sync.pending.length === 0) return [];
  return changesByClock(shop, sync.clocks, sync.pending) as SettingsChangeWire[];
}

/** The server stored these settings changes: stop sending them (unless edited again since). */
export async function settingsAcknowledged(db: SetiaDB, clocks: readonly string[]): Promise<void> {
  const stored = new Set(clocks);
  await db.transaction('rw', db.settings, async () => {
    const sync = await getShopSync(db);
    const pending = sync.pending.filter((name) => !stored.has(sync.clocks[name] ?? ''));
    if (pending.length !== sync.pending.length) await saveShopSync(db, { ...sync, pending });
  });
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
 * clock wins. A setting edited here but overtaken by a later edit elsewhere no
 * longer needs pushing. The shop's id and card key never change.
 */
async function mergeShopSettings(db: SetiaDB, changes: SettingsChangeWire[], now: number) {
  const [shop, sync] = await Promise.all([getShop(db), getShopSync(db)]);
  if (!shop) return;
  const { settings, clocks, changed } = mergeSettingsChanges(shop, sync.clocks, changes);
  await receiveClocks(db, changes, now);
  if (!changed) return;
  const ownPending = sync.pending.filter((name) => clocks[name] === sync.clocks[name]);
  await putShop(db, settings);
  await saveShopSync(db, { clocks, pending: ownPending });
}

/** Seen clocks move this device's clock on, so its next edit sorts after them. */
async function receiveClocks(db: SetiaDB, changes: { hlc: string }[], now: number) {
  const device = await loadDevice(db, now);
  let clock = parseHlc(device.hlc) ?? { millis: 0, counter: 0, node: device.deviceId };
  for (const c of changes) {
    const remote = parseHlc(c.hlc);
    if (remote) clock = hlcReceive(clock, remote, now);
  }
  await db.settings.put({ key: 'device', value: { ...device, hlc: hlcToString(clock) } });
}

/** Calls `onCount` with the pending count now and after every write that changes it. */
export function watchPendingCount(db: SetiaDB, onCount: (count: number) => void): () => void {
  const subscription = liveQuery(() => pendingCount(db)).subscribe({ next: onCount });
  return () => subscription.unsubscribe();
}

/** Connects this tablet to a server (registered or joined): from now on it syncs. */
export async function connectToServer(
  db: SetiaDB,
  server: string,
  grant: { token: string; deviceId: string; settingsClocks?: Record<string, string> },
  options: { snapshot?: boolean } = {},
): Promise<void> {
  const { token, deviceId } = grant;
  await saveSyncState(db, {
    server,
    token,
    deviceId,
    cursor: 0,
    pushedSeq: 0,
    lastSyncAt: null,
    // A tablet joining an existing shop starts from a snapshot instead of the whole log.
    ...(options.snapshot ? { join: NEW_JOIN } : {}),
  });
  // A joining tablet takes the shop's settings as the server merged them, with their clocks.
  if (grant.settingsClocks) await saveShopSync(db, { clocks: grant.settingsClocks, pending: [] });
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
