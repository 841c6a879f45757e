/**
 * Feeds the whole local ledger to the insights accumulator: the `events` rows
 * and the history held in `eventPacks`, page by page (a million events never
 * sit in memory at once), then the members' cached stats. Runs in a worker.
 */
import {
  createInsights,
  type Insights,
  type InsightsMember,
  type InsightsOptions,
} from '../domain/insights';
import type { LedgerEvent } from '../domain/ledger';
import type { Table } from 'dexie';
import type { Member } from '../domain/member';
import type { EventPack, SetiaDB } from './schema';

const EVENT_PAGE = 5000;
const PACK_PAGE = 10;
const MEMBER_PAGE = 5000;

export interface LedgerInsights {
  insights: Insights;
  /** Names of the members the insights mention (top members, comments). */
  names: Record<string, string>;
  events: number;
}

/** Pages through a table in primary-key order, one short read transaction per page. */
async function eachPage<T>(
  table: Table<T, string>,
  size: number,
  key: (row: T) => string,
  visit: (rows: T[]) => void,
): Promise<void> {
  let last: string | null = null;
  for (;;) {
    const rows: T[] = await (last === null
      ? table.orderBy(':id').limit(size).toArray()
      : table.where(':id').above(last).limit(size).toArray());
    if (rows.length === 0) return;
    visit(rows);
    last = key(rows[rows.length - 1]!);
    if (rows.length < size) return;
  }
}

export async function readInsights(
  db: SetiaDB,
  options: InsightsOptions,
  onProgress: (done: number) => void = () => undefined,
): Promise<LedgerInsights> {
  const [eventRows, packRows, memberRows] = await Promise.all([
    db.events.count(),
    db.eventPacks.count(),
    db.members.count(),
  ]);
  // Progress in thousands of rows read; a pack holds about a thousand events.
  const total = Math.max(1, eventRows / 1000 + packRows + memberRows / 1000);
  let done = 0;
  const step = (units: number) => {
    done += units;
    onProgress(Math.min(1, done / total));
  };

  const acc = createInsights(options);
  let events = 0;
  // An event may be both a row and in a pack (a tablet that joined, then synced): count it once.
  const rowIds = packRows > 0 ? new Set<string>() : null;
  await eachPage<LedgerEvent>(
    db.events,
    EVENT_PAGE,
    (e) => e.id,
    (rows) => {
      for (const e of rows) {
        rowIds?.add(e.id);
        acc.add(e);
      }
      events += rows.length;
      step(rows.length / 1000);
    },
  );
  await eachPage<EventPack>(
    db.eventPacks,
    PACK_PAGE,
    (p) => p.id,
    (packs) => {
      for (const pack of packs) {
        for (const e of pack.events) {
          if (rowIds?.has(e.id)) continue;
          acc.add(e);
          events += 1;
        }
      }
      step(packs.length);
    },
  );

  const members: InsightsMember[] = [];
  await eachPage<Member>(
    db.members,
    MEMBER_PAGE,
    (m) => m.id,
    (rows) => {
      for (const m of rows) {
        const club = (m as { clubUntil?: unknown }).clubUntil;
        members.push({
          id: m.id,
          stats: {
            balance: m.stats.balance,
            firstVisitAt: m.stats.firstVisitAt,
            lastVisitAt: m.stats.lastVisitAt,
          },
          clubUntil: typeof club === 'number' ? club : null,
        });
      }
      step(rows.length / 1000);
    },
  );

  const insights = acc.finish(members);
  const ids = [
    ...new Set([
      ...insights.topMembers.map((m) => m.memberId),
      ...insights.comments.map((c) => c.memberId),
    ]),
  ];
  const rows = await db.members.bulkGet(ids);
  const names: Record<string, string> = {};
  for (const m of rows) if (m && !m.anonymised && m.name) names[m.id] = m.name;
  onProgress(1);
  return { insights, names, events };
}
