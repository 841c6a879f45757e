/**
 * Feeds the whole local ledger to the insights accumulator: the `events` rows
 * page by page, and the history held in `eventPacks` (after a first reading,
 * from a copy of it as columns, which loads in a fraction of the time).
 * Members' balances and visits come from the ledger itself; the member rows
 * are only counted. Runs in a worker.
 */
import {
  createInsights,
  type Insights,
  type InsightsMember,
  type InsightsOptions,
} from '../domain/insights';
import {
  createColumnsBuilder,
  eachColumnEvent,
  type LedgerColumns,
} from '../domain/ledger-columns';
import { createCampaignReturns, RETURN_WINDOW_DAYS } from '../domain/campaign-returns';
import type { LedgerEvent } from '../domain/ledger';
import type { Table } from 'dexie';
import type { Member } from '../domain/member';
import type { EventPack, SetiaDB } from './schema';

const EVENT_PAGE = 5000;
const PACK_PAGE = 10;
const MEMBER_PAGE = 5000;

/** A campaign's return: of the members it was sent to, who came back for a visit within 14 days. */
export interface CampaignReturnFigures {
  campaignId: string;
  messaged: number;
  returned: number;
  /** Those who came back, latest first (at most RETURNED_LISTED of them). */
  back: { memberId: string; returnedAt: number }[];
}

/** Names listed per campaign: the owner reads them, a thousand would not be read. */
export const RETURNED_LISTED = 50;

export interface LedgerInsights {
  insights: Insights;
  /** Campaign returns (only when asked: shops that never sent a campaign skip the cost). */
  campaigns: CampaignReturnFigures[];
  /** Names of the members the insights mention (top members, comments). */
  names: Record<string, string>;
  events: number;
  /** Where the time went (ms): reading rows, packs and members, then finishing. */
  timings: Record<'rows' | 'packs' | 'members' | 'finish', number>;
}

/** Pages through a table in primary-key order, one short read transaction per page. */
export async function eachPage<T>(
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

export interface ReadOptions {
  /** Also count each campaign's returns within RETURN_WINDOW_DAYS (days) of its messages. */
  campaignReturns?: boolean;
  /**
   * Take balances and visits from the member rows (their cached stats) rather than
   * from the ledger alone. Slower (100,000 rows to load); only needed if a tablet
   * ever kept members' history without its events.
   */
  memberRows?: boolean;
}

/** The packed history as columns, cached: packs never change once written. */
export const PACK_CACHE = 'insights.packColumns';
export interface PackCache {
  /** The packs it was made from (their ids): another set of packs means another cache. */
  key: string;
  columns: LedgerColumns;
}

/**
 * One pass over every event this tablet holds, each once: rows, then packs (their
 * column copy when cached; an event both a row and in a pack counts once). `units`
 * is its size in thousands of rows (a pack is about a thousand events) for
 * progress bars. `savePackCache`: a pass that read the packs leaves their column
 * copy, so the next pass loads the history in one piece.
 */
export async function scanLedger(db: SetiaDB, { savePackCache = false } = {}) {
  const [eventRows, packIds] = await Promise.all([
    db.events.count(),
    db.eventPacks.toCollection().primaryKeys(),
  ]);
  const packKey = packIds.join('\n');
  const cached = packIds.length
    ? ((await db.settings.get(PACK_CACHE))?.value as PackCache | undefined)
    : undefined;
  const fresh = cached?.key === packKey ? cached.columns : null;
  return {
    units: eventRows / 1000 + (fresh ? 1 : packIds.length),
    /** Visits every event; `step` hears the units read, `rowsDone` when the rows are. */
    async run(
      visit: (e: LedgerEvent) => void,
      step: (units: number) => void = () => undefined,
      rowsDone: () => void = () => undefined,
    ): Promise<number> {
      let events = 0;
      const rowIds = packIds.length > 0 ? new Set<string>() : null;
      await eachPage<LedgerEvent>(
        db.events,
        EVENT_PAGE,
        (e) => e.id,
        (rows) => {
          for (const e of rows) {
            rowIds?.add(e.id);
            visit(e);
          }
          events += rows.length;
          step(rows.length / 1000);
        },
      );
      rowsDone();
      const fromPack = (e: LedgerEvent) => {
        if (rowIds?.has(e.id)) return;
        visit(e);
        events += 1;
      };
      if (fresh) {
        eachColumnEvent(fresh, fromPack);
        step(1);
      } else if (packIds.length > 0) {
        const columns = savePackCache ? createColumnsBuilder() : null;
        await eachPage<EventPack>(
          db.eventPacks,
          PACK_PAGE,
          (p) => p.id,
          (packs) => {
            for (const pack of packs)
              for (const e of pack.events) {
                columns?.add(e);
                fromPack(e);
              }
            step(packs.length);
          },
        );
        // A cache that cannot be saved (a full disk) is no loss.
        if (columns)
          await db.settings
            .put({ key: PACK_CACHE, value: { key: packKey, columns: columns.finish() } })
            .catch(() => undefined);
      }
      return events;
    },
  };
}

export async function readInsights(
  db: SetiaDB,
  options: InsightsOptions,
  onProgress: (done: number) => void = () => undefined,
  { memberRows = false, campaignReturns = false }: ReadOptions = {},
): Promise<LedgerInsights> {
  const [scan, memberCount] = await Promise.all([
    scanLedger(db, { savePackCache: true }),
    db.members.count(),
  ]);
  const total = Math.max(1, scan.units + (memberRows ? memberCount / 1000 : 0));
  let done = 0;
  const step = (units: number) => {
    done += units;
    onProgress(Math.min(1, done / total));
  };

  const timings = { rows: 0, packs: 0, members: 0, finish: 0 };
  let lap = performance.now();
  const split = (what: keyof typeof timings) => {
    const t = performance.now();
    timings[what] = Math.round(t - lap);
    lap = t;
  };
  const acc = createInsights(options);
  const returns = campaignReturns
    ? createCampaignReturns({ windowDays: RETURN_WINDOW_DAYS })
    : null;
  const events = await scan.run(
    returns
      ? (e) => {
          acc.add(e);
          returns.add(e);
        }
      : (e) => acc.add(e),
    step,
    () => split('rows'),
  );
  split('packs');

  let members: InsightsMember[];
  if (memberRows) {
    members = [];
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
  } else members = acc.ledgerMembers();
  split('members');
  const insights = acc.finish(members, memberCount);
  const campaigns: CampaignReturnFigures[] = [];
  for (const r of returns?.finish().values() ?? [])
    campaigns.push({
      campaignId: r.campaignId,
      messaged: r.messaged,
      returned: r.returned,
      back: r.members
        .filter((m): m is typeof m & { returnedAt: number } => m.returnedAt !== null)
        .sort((a, b) => b.returnedAt - a.returnedAt)
        .slice(0, RETURNED_LISTED)
        .map(({ memberId, returnedAt }) => ({ memberId, returnedAt })),
    });
  const ids = [
    ...new Set([
      ...insights.topMembers.map((m) => m.memberId),
      ...insights.comments.map((c) => c.memberId),
      ...campaigns.flatMap((c) => c.back.map((m) => m.memberId)),
    ]),
  ];
  const rows = await db.members.bulkGet(ids);
  const names: Record<string, string> = {};
  for (const m of rows) if (m && !m.anonymised && m.name) names[m.id] = m.name;
  split('finish');
  onProgress(1);
  return { insights, campaigns, names, events, timings };
}
