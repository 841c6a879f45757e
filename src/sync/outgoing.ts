/**
 * Reading the outbox (written only by src/db/outbox.ts): this device's
 * outgoing items after the last sequence number the server acknowledged,
 * oldest first. Events and member changes travel together; the owner's
 * settings edits are pushed on their own (a setting the server refuses must
 * never hold stamps back), so each has its own acknowledged sequence number.
 */
import { getDevice, ownIds } from '../db/device';
import type { MemberChange, SetiaDB, SettingsChange } from '../db/schema';
import { getSettingClocks } from '../db/settings';
import { getSyncState } from '../db/sync-state';
import type { SettingClocks } from '../domain/settings-merge';
import type { LedgerEvent } from '../domain/ledger';
import type { SettingsChangeWire } from '../shared/sync-protocol';

/** This device's own items after `afterSeq` (an index range; sequence numbers are numbers). */
const ownRange = (deviceId: string, afterSeq: number) =>
  [
    [deviceId, afterSeq + 1],
    [deviceId, Infinity],
  ] as const;

export interface OutgoingBatch {
  events: LedgerEvent[];
  memberChanges: MemberChange[];
  /** The highest sequence number in this batch; every event and member change up to it is in it. */
  lastSeq: number;
}

/** This device's events and member changes after `afterSeq`, oldest first, at most `limit`. */
export async function outgoing(
  db: SetiaDB,
  afterSeq: number,
  limit: number,
): Promise<OutgoingBatch> {
  const device = await getDevice(db);
  if (!device) return { events: [], memberChanges: [], lastSeq: afterSeq };
  // Its writes from before it was connected keep their local id; one sequence numbers them all.
  const read = await Promise.all(
    ownIds(device).map((deviceId) => {
      const [from, to] = ownRange(deviceId, afterSeq);
      return Promise.all([
        db.events.where('[deviceId+seq]').between(from, to, true, true).limit(limit).toArray(),
        db.memberChanges
          .where('[deviceId+seq]')
          .between(from, to, true, true)
          .limit(limit)
          .toArray(),
        packedChanges(db, deviceId, afterSeq, limit),
      ]);
    }),
  );
  const events = read.flatMap(([e]) => e);
  const changes = read.flatMap(([, c]) => c);
  const packed = read.flatMap(([, , p]) => p);
  // The tables share one sequence: take the lowest `limit` so that nothing below lastSeq is left out.
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
  const [from, to] = ownRange(deviceId, afterSeq);
  await db.changePacks
    .where('[deviceId+lastSeq+firstSeq]')
    .between(from, to, true, true)
    .until(() => out.length >= limit)
    .each((pack) => {
      for (const c of pack.changes) if (c.seq > afterSeq && out.length < limit) out.push(c);
    });
  return out;
}

export interface OutgoingSettings {
  changes: SettingsChangeWire[];
  /** The highest sequence number read; every settings edit up to it is in the batch or overtaken. */
  lastSeq: number;
}

/**
 * The owner's settings edits made here after `afterSeq`, at most `limit`, each
 * with only the settings it still holds: a setting edited again since (here or
 * on another tablet, with a later clock) no longer needs sending, and an edit
 * left with none is skipped.
 */
export async function outgoingSettings(
  db: SetiaDB,
  afterSeq: number,
  limit?: number,
): Promise<OutgoingSettings> {
  const device = await getDevice(db);
  if (!device) return { changes: [], lastSeq: afterSeq };
  const [read, clocks] = await Promise.all([
    Promise.all(
      ownIds(device).map((deviceId) => {
        const [from, to] = ownRange(deviceId, afterSeq);
        const range = db.settingsChanges.where('[deviceId+seq]').between(from, to, true, true);
        return (limit === undefined ? range : range.limit(limit)).toArray();
      }),
    ),
    getSettingClocks(db),
  ]);
  // Both ids' edits, oldest first, the lowest `limit` (nothing below lastSeq is left out).
  const rows = read
    .flat()
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
  return {
    changes: rows.flatMap((row) => {
      const change = stillHeld(row, clocks);
      return change ? [change] : [];
    }),
    lastSeq: rows.at(-1)?.seq ?? afterSeq,
  };
}

function stillHeld(row: SettingsChange, clocks: SettingClocks): SettingsChangeWire | null {
  const fields = Object.fromEntries(
    Object.entries(row.fields).filter(([name]) => clocks[name] === row.hlc),
  );
  return Object.keys(fields).length > 0 ? { hlc: row.hlc, fields } : null;
}

/** How many of this device's writes (settings edits included) the server does not have yet. */
export async function pendingCount(db: SetiaDB): Promise<number> {
  const [device, state] = await Promise.all([getDevice(db), getSyncState(db)]);
  if (!device) return 0;
  const after = state?.pushedSeq ?? 0;
  const counts = await Promise.all(
    ownIds(device).map(async (deviceId) => {
      const [from, to] = ownRange(deviceId, after);
      const [e, c, packs] = await Promise.all([
        db.events.where('[deviceId+seq]').between(from, to, true, true).count(),
        db.memberChanges.where('[deviceId+seq]').between(from, to, true, true).count(),
        // Keys only (no pack is read): a pack's changes have consecutive sequence numbers.
        db.changePacks.where('[deviceId+lastSeq+firstSeq]').between(from, to, true, true).keys(),
      ]);
      const packed = (packs as unknown as [string, number, number][]).reduce(
        (sum, [, last, first]) => sum + last - Math.max(first, after + 1) + 1,
        0,
      );
      return e + c + packed;
    }),
  );
  const settings = await outgoingSettings(db, state?.settingsPushedSeq ?? 0);
  return counts.reduce((a, b) => a + b, 0) + settings.changes.length;
}
