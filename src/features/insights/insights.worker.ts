/**
 * Computes the insights off the main thread: opens the app's database itself and
 * streams through the ledger, so the screen stays responsive over a million events.
 */
import { readInsights } from '../../db/insights';
import { replyFromDatabase } from '../../db/worker-reply';
import type { InsightsRequest } from './protocol';
import { localDay } from './range';

/** Local calendar day; memoised per hour, since a million Date objects cost more than a lookup. */
const hours = new Map<number, string>();
function dayOf(at: number): string {
  const hour = Math.floor(at / 3_600_000);
  let day = hours.get(hour);
  if (day === undefined) hours.set(hour, (day = localDay(at)));
  return day;
}

replyFromDatabase((db, { campaignReturns, ...options }: InsightsRequest, onProgress) =>
  readInsights(db, { ...options, dayOf }, onProgress, { campaignReturns }),
);
