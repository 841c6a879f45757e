/**
 * Wrong answers (owner PIN, pairing codes, card ratings) counted in the
 * database, so concurrent requests and several server processes share one
 * budget. A try is counted as wrong *before* it is checked (compare-and-set on
 * the row), so 40 guesses at once get at most FREE_TRIES checks; a right answer
 * clears the count.
 */
import type { Kysely } from 'kysely';
import { afterWrongPin, waitLeft } from '../../domain/owner-lock';
import type { Database } from './schema';

/** Takes one try for `key`: 0 when it may be checked now, else the milliseconds to wait. */
export async function takeTry(db: Kysely<Database>, key: string, now: number): Promise<number> {
  await db
    .insertInto('guesses')
    .values({ key, fails: 0, until: 0 })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Compare-and-set: of requests that read the same count, one wins and the others read again.
  for (let round = 0; round < 50; round++) {
    const row = await db
      .selectFrom('guesses')
      .select(['fails', 'until'])
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const lock = { fails: Number(row.fails), until: Number(row.until) };
    const wait = waitLeft(lock, now);
    if (wait > 0) return wait;
    const next = afterWrongPin(lock, now);
    const won = await db
      .updateTable('guesses')
      .set({ fails: next.fails, until: next.until })
      .where('key', '=', key)
      .where('fails', '=', lock.fails)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) === 1) return 0;
  }
  return 1_000; // a crowd of tries at once: this one waits a moment
}

/** A right answer: the count starts again. */
export async function clearTries(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('guesses').set({ fails: 0, until: 0 }).where('key', '=', key).execute();
}

/**
 * At most one try per `gapMs` for `key` (compare-and-set on the row, so every
 * request and process shares it): 0 when this try may go on, else the
 * milliseconds to wait.
 */
export async function takeGap(
  db: Kysely<Database>,
  key: string,
  now: number,
  gapMs: number,
): Promise<number> {
  await db
    .insertInto('guesses')
    .values({ key, fails: 0, until: 0 })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const won = await db
    .updateTable('guesses')
    .set({ until: now + gapMs })
    .where('key', '=', key)
    .where('until', '<=', now)
    .executeTakeFirst();
  if (Number(won.numUpdatedRows) === 1) return 0;
  const row = await db
    .selectFrom('guesses')
    .select('until')
    .where('key', '=', key)
    .executeTakeFirst();
  return Math.max(1, Number(row?.until ?? now + gapMs) - now);
}
