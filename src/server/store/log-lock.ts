/**
 * The shop's log lock: every writer of a shop's log (pushes, and the items the
 * server writes itself) appends under it, so PostgreSQL commits a shop's
 * sequence numbers in order.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, Dialect, LogTable } from './schema';

type LogRow = Insertable<LogTable>;

/**
 * Gapless order: a tablet pulls "everything after my cursor", so a sequence
 * must never become visible before every smaller sequence of its shop. SQLite
 * has one writer at a time, so it holds. On PostgreSQL, sequences are handed
 * out at insert but become visible at commit, in any order: a follower could
 * read seq 101, move its cursor past 100, and never see 100 when it commits.
 * So each push takes its shop's lock just before it appends to the log and
 * keeps it to its commit (a transaction-scoped advisory lock, released after
 * the commit is visible): within a shop, sequences are handed out and
 * committed in the same order, and every committed state is a prefix. The
 * same makes a snapshot's `at` (the shop's highest visible sequence) safe.
 * Why this and not "pull only below the oldest transaction still running":
 * shops never wait for each other, a shop's pushes wait only for the short
 * append (the member checks and merges run before, in parallel), pulls stay
 * one indexed range read, and nothing has to track transaction ids.
 */
export async function takeShopLogLock(trx: Kysely<Database>, dialect: Dialect, shopId: string) {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${LOG_LOCK_CLASS}, hashtext(${shopId}))`.execute(trx);
}

/**
 * An item the server writes itself (a customer's rating, a member who joined
 * from their phone), in the caller's transaction: under the same shop lock as
 * a push, so it too commits in sequence order.
 */
export async function appendServerItem(
  trx: Kysely<Database>,
  dialect: Dialect,
  row: LogRow,
): Promise<void> {
  await takeShopLogLock(trx, dialect, row.shop_id);
  await trx.insertInto('log').values(row).execute();
}

/** The lock's first key: keeps the log's per-shop locks apart from any other advisory lock. */
const LOG_LOCK_CLASS = 0x5e7109;
