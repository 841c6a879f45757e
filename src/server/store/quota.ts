/**
 * Per-shop quotas, so that one shop on a hosted server cannot fill its disk or
 * its day: events stored per day (by the server's UTC day) and bytes stored in
 * all. Counted in the push's own transaction, under the shop's log lock, so
 * concurrent pushes and several server processes share one count, and a push
 * that would go over is refused whole (429, saying which quota).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { StoreError } from './store-error';

export interface Quotas {
  /** Events a shop may store per UTC day; 0 = no limit. */
  eventsPerDay: number;
  /** Bytes of log (events, member and settings changes, as stored JSON) per shop; 0 = no limit. */
  storedBytes: number;
}

/** A busy café stamps a few hundred times a day; a first sync of a tablet's long history fits too. */
export const DEFAULT_QUOTAS: Quotas = {
  eventsPerDay: 250_000,
  storedBytes: 1024 * 1024 * 1024,
};

/**
 * SETIA_QUOTA_EVENTS_PER_DAY and SETIA_QUOTA_STORED_MB (0 = no limit); a bad
 * value stops the server with a sentence rather than running unbounded.
 */
export function quotasFromEnv(env: Record<string, string | undefined>): Quotas {
  const read = (name: string, fallback: number, unit = 1): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number ≥ 0 (0 = no limit), got "${raw}".`);
    return value * unit;
  };
  return {
    eventsPerDay: read('SETIA_QUOTA_EVENTS_PER_DAY', DEFAULT_QUOTAS.eventsPerDay),
    storedBytes: read('SETIA_QUOTA_STORED_MB', DEFAULT_QUOTAS.storedBytes, 1024 * 1024),
  };
}

const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

/**
 * Adds what a push stored to its shop's usage and refuses the push if that
 * goes over a quota. Must run inside the push's transaction, holding the
 * shop's log lock (on SQLite the one writer), so the read and write are one step.
 */
export async function countUsage(
  trx: Kysely<Database>,
  shopId: string,
  stored: { events: number; bytes: number },
  quotas: Quotas,
  now: number,
): Promise<void> {
  if (stored.events === 0 && stored.bytes === 0) return;
  const day = utcDay(now);
  const usage = await trx
    .insertInto('shop_usage')
    .values({ shop_id: shopId, day, day_events: stored.events, stored_bytes: stored.bytes })
    .onConflict((oc) =>
      oc.column('shop_id').doUpdateSet({
        day_events: sql<number>`case when shop_usage.day = ${day} then shop_usage.day_events + ${stored.events} else ${stored.events} end`,
        day: day,
        stored_bytes: sql<number>`shop_usage.stored_bytes + ${stored.bytes}`,
      }),
    )
    .returning(['day_events', 'stored_bytes'])
    .executeTakeFirstOrThrow();
  if (quotas.eventsPerDay > 0 && Number(usage.day_events) > quotas.eventsPerDay)
    throw new StoreError(
      429,
      'quota_events_per_day',
      `This shop has reached its quota of ${quotas.eventsPerDay.toLocaleString('en')} events a day on this server; nothing of this push was stored. The tablet keeps its events and sends them after midnight UTC. The server's operator can raise SETIA_QUOTA_EVENTS_PER_DAY.`,
    );
  if (quotas.storedBytes > 0 && Number(usage.stored_bytes) > quotas.storedBytes)
    throw new StoreError(
      429,
      'quota_stored_bytes',
      `This shop has used its ${Math.round(quotas.storedBytes / 1024 / 1024).toLocaleString('en')} MB of storage on this server; nothing of this push was stored. The tablet keeps its events. Ask the server's operator for more room (SETIA_QUOTA_STORED_MB).`,
    );
}
