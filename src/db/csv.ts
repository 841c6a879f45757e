/**
 * The members CSV's storage side: reading members and the whole ledger page by
 * page for an export, and writing an import in ONE transaction (all rows or none).
 *
 * An import is a bulk path: Chromium writes ~4,500 indexed rows/s, so each
 * imported member costs one member row (with its search keys) and nothing more
 * per member; its change for the other tablets travels in packs of 1,000
 * (ChangePack, written by the outbox), and only members with stamps to carry
 * over get an adjustment event.
 */
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import type { Member, MemberField } from '../domain/member';
import type { ImportMember, RowProblem } from '../domain/member-csv';
import { nameWords } from '../domain/text';
import { newId } from './ids';
import { openOutbox, type Unnumbered } from './outbox';
import type { MemberChange, SetiaDB } from './schema';

/**
 * Calls `onPage` with members in id order, `pageSize` at a time, from one
 * read transaction. All pages are requested at once (their key ranges come from
 * the primary keys, cheap to read), so the database reads the next pages while
 * the caller works on the first. Raw IndexedDB: on 100,000 rows Dexie's own
 * promise and middleware layers cost about a third more, and nothing here needs them.
 */
export async function forEachMemberPage(
  db: SetiaDB,
  pageSize: number,
  onPage: (members: Member[], total: number) => void,
): Promise<void> {
  await db.open();
  const store = db.backendDB().transaction('members', 'readonly').objectStore('members');
  const keys = (await request(store.getAllKeys())) as string[];
  const pages: Promise<Member[]>[] = [];
  for (let i = 0; i < keys.length; i += pageSize) {
    const last = keys[Math.min(i + pageSize, keys.length) - 1]!;
    pages.push(request(store.getAll(IDBKeyRange.bound(keys[i], last))) as Promise<Member[]>);
  }
  for (const page of pages) onPage(await page, keys.length);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every event of the ledger: the rows, then the history held in packs (a joined tablet's). */
export async function forEachEventPage(
  db: SetiaDB,
  pageSize: number,
  onPage: (events: LedgerEvent[], total: number) => void | Promise<void>,
): Promise<void> {
  const packIds = await db.eventPacks.toCollection().primaryKeys();
  const rows = await db.events.count();
  // Packs hold up to a few thousand events each; counting them would read them, so estimate.
  const total = rows + packIds.length * 1000;
  let after: string | null = null;
  for (;;) {
    const page: LedgerEvent[] = await (
      after === null ? db.events.orderBy(':id') : db.events.where(':id').above(after)
    )
      .limit(pageSize)
      .toArray();
    if (page.length === 0) break;
    await onPage(page, total);
    after = page.at(-1)!.id;
  }
  for (const id of packIds) {
    const pack = await db.eventPacks.get(id);
    if (pack) await onPage(pack.events, total);
  }
}

/** Members' names by id, for the ledger export. */
export async function memberNames(db: SetiaDB): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await forEachMemberPage(db, 10_000, (page) => {
    for (const m of page) names.set(m.id, m.name);
  });
  return names;
}

/**
 * Rows that clash with members already on this tablet: the same id (a Setia
 * export imported twice) or the same phone number.
 */
export async function findClashes(
  db: SetiaDB,
  members: readonly ImportMember[],
): Promise<RowProblem[]> {
  const withId = members.filter((m) => m.id !== null);
  const ids = withId.length > 0 ? new Set(await db.members.toCollection().primaryKeys()) : null;
  const phones = [...new Set(members.flatMap((m) => (m.fields.phone ? [m.fields.phone] : [])))];
  const holders = new Map<string, string>();
  if (phones.length > 0) {
    const found = await db.members
      .where('phoneKeys')
      .anyOf(phones.map((p) => p.replace(/\D/g, '')))
      .toArray();
    for (const m of found) if (m.phone) holders.set(m.phone, m.name);
  }
  const problems: RowProblem[] = [];
  for (const m of members) {
    if (m.id && ids?.has(m.id)) problems.push({ row: m.row, code: 'duplicate.idExists' });
    else if (m.fields.phone && holders.has(m.fields.phone))
      problems.push({
        row: m.row,
        code: 'duplicate.phoneExists',
        other: holders.get(m.fields.phone)!,
      });
  }
  return problems;
}

export interface ImportOptions {
  now: number;
  staffId: string;
  /** The carried-over stamps' adjustment reason, in the owner's language. */
  reason: string;
}

export interface ImportResult {
  imported: number;
  /** Rows left out because they clashed with members already here (found again inside the write). */
  clashes: RowProblem[];
}

/**
 * Writes the members in one transaction: the member rows, and in the outbox
 * their changes (packed) and the carried-over stamps as adjustment events. Rows that clash with existing members are left out and returned.
 */
export async function importMembers(
  db: SetiaDB,
  candidates: readonly ImportMember[],
  { now, staffId, reason }: ImportOptions,
): Promise<ImportResult> {
  return db.transaction(
    'rw',
    [db.members, db.events, db.changePacks, db.settings],
    async (): Promise<ImportResult> => {
      const clashes = await findClashes(db, candidates);
      const skip = new Set(clashes.map((c) => c.row));
      const rows = candidates.filter((m) => !skip.has(m.row));
      if (rows.length === 0) return { imported: 0, clashes };

      const outbox = await openOutbox(db, now);
      // One edit for the whole import: every field of every member carries its clock.
      const hlc = outbox.clock();
      const members: Member[] = [];
      const changes: Unnumbered<MemberChange>[] = [];
      for (const row of rows) {
        const id = row.id ?? newId(now);
        const joinedAt = row.joinedAt ?? now;
        members.push({
          id,
          ...row.fields,
          joinedAt,
          nameWords: nameWords(row.fields.name),
          phoneKeys: row.phoneKeys,
          clocks: Object.fromEntries(
            (Object.keys(row.fields) as MemberField[]).map((f) => [f, hlc]),
          ),
          stats: EMPTY_STATS,
        });
        // `at` is the joined date: a tablet that first hears of the member from this change
        // takes it as the member's joined date (see mergeChange in src/sync/pull-apply.ts).
        changes.push({ memberId: id, hlc, fields: row.fields, at: joinedAt });
      }
      // The changes first, numbered consecutively (a pack holds a run of sequence numbers).
      outbox.memberChangesPacked(changes);
      rows.forEach((row, i) => {
        if (row.stamps === 0) return;
        const event: LedgerEvent = outbox.event({
          memberId: members[i]!.id,
          type: 'adjustment',
          stamps: row.stamps,
          at: now,
          staffId,
          reason,
        });
        members[i] = { ...members[i]!, stats: foldLedger([event]) };
      });
      await db.members.bulkAdd(members);
      await outbox.save();
      return { imported: members.length, clashes };
    },
  );
}
