/**
 * A new tablet's snapshot of a shop, taken at a server cursor `at` (the last
 * log sequence when it started): members with fields merged and stats folded
 * from the log up to `at`, with the same domain rules the tablets use, and the
 * history up to `at` in large pages. Everything after `at` reaches the tablet
 * by the normal pull, so nothing is counted twice.
 */
import type { Kysely } from 'kysely';
import { foldLedger } from '../../domain/balance';
import type { LedgerEvent } from '../../domain/ledger';
import { mergeMemberFields, type Member, type MemberFields } from '../../domain/member';
import type {
  MemberChangeWire,
  SnapshotMember,
  SnapshotMembersReply,
  SnapshotStart,
} from '../../shared/sync-protocol';
import type { Database } from './schema';

/** The shop's head: the last sequence in its log (a snapshot cannot be taken beyond it). */
export async function logHead(db: Kysely<Database>, shopId: string): Promise<number> {
  const head = await db
    .selectFrom('log')
    .select((eb) => eb.fn.max('seq').as('at'))
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return Number(head?.at ?? 0);
}

/** A snapshot's cursor (the shop's head now) and what it will hold, for the progress bar. */
export async function snapshotStart(db: Kysely<Database>, shopId: string): Promise<SnapshotStart> {
  const at = await logHead(db, shopId);
  const [members, events] = await Promise.all([
    db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('shop_id', '=', shopId)
      .executeTakeFirst(),
    db
      .selectFrom('log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('shop_id', '=', shopId)
      .where('kind', '=', 'event')
      .where('seq', '<=', at)
      .executeTakeFirst(),
  ]);
  return { at, members: Number(members?.n ?? 0), events: Number(events?.n ?? 0) };
}

/** Up to `limit` members after the id `after`, as they stood at `at`. */
export async function snapshotMembers(
  db: Kysely<Database>,
  shopId: string,
  at: number,
  after: string,
  limit: number,
): Promise<SnapshotMembersReply> {
  const ids = await db
    .selectFrom('members')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = ids.slice(0, limit).map((r) => r.id);
  if (page.length === 0) return { members: [], more: false };
  const members = await pageAt(db, shopId, at, page);
  const more = ids.length > limit;
  // A page of members who all joined after `at` would be empty yet say more follow, and the
  // tablet, reading on from its last member, would ask for it again forever: read on here.
  if (members.length === 0 && more) return snapshotMembers(db, shopId, at, page.at(-1)!, limit);
  return { members, more };
}

/** The members of `page` as they stood at `at`; those with nothing in the log by then are left out. */
async function pageAt(
  db: Kysely<Database>,
  shopId: string,
  at: number,
  page: string[],
): Promise<SnapshotMember[]> {
  const rows = await db
    .selectFrom('log')
    .select(['member_id', 'kind', 'body'])
    .where('shop_id', '=', shopId)
    .where('member_id', '>=', page[0]!)
    .where('member_id', '<=', page.at(-1)!)
    .where('seq', '<=', at)
    .orderBy('member_id')
    .orderBy('seq')
    .execute();
  const byMember = new Map<string, { events: LedgerEvent[]; changes: MemberChangeWire[] }>();
  for (const row of rows) {
    let entry = byMember.get(row.member_id);
    if (!entry) byMember.set(row.member_id, (entry = { events: [], changes: [] }));
    if (row.kind === 'event') entry.events.push(JSON.parse(row.body) as LedgerEvent);
    else entry.changes.push(JSON.parse(row.body) as MemberChangeWire);
  }
  const members: SnapshotMember[] = [];
  // A member with nothing in the log up to `at` came later: the pull brings them.
  for (const id of page) {
    const entry = byMember.get(id);
    if (entry) members.push(memberAt(id, entry.events, entry.changes));
  }
  return members;
}

function memberAt(id: string, events: LedgerEvent[], changes: MemberChangeWire[]): SnapshotMember {
  let merged: Partial<MemberFields> & { clocks: Member['clocks'] } = { clocks: {} };
  for (const change of changes)
    merged = mergeMemberFields(
      merged as MemberFields & { clocks: Member['clocks'] },
      change.fields,
      change.hlc,
    ).member;
  const { clocks, ...fields } = merged;
  const times = [...changes.map((c) => c.at), ...events.map((e) => e.at)];
  return {
    id,
    fields,
    clocks: clocks as Record<string, string>,
    joinedAt: changes[0]?.at ?? (times.length ? Math.min(...times) : 0),
    stats: foldLedger(events),
  };
}

/**
 * Up to `limit` events after the sequence `after` and up to `at`, as the JSON
 * text of a snapshotEventsReply: the log already holds each event as checked
 * JSON, so a million events need no parse and stringify here.
 */
export async function snapshotEventsJson(
  db: Kysely<Database>,
  shopId: string,
  at: number,
  after: number,
  limit: number,
): Promise<string> {
  const rows = await db
    .selectFrom('log')
    .select(['seq', 'body'])
    .where('shop_id', '=', shopId)
    .where('seq', '>', after)
    .where('seq', '<=', at)
    .where('kind', '=', 'event')
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.length ? Number(page.at(-1)!.seq) : at;
  return `{"events":[${page.map((r) => r.body).join(',')}],"after":${last},"more":${rows.length > limit}}`;
}
