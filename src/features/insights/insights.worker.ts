/**
 * Computes the insights off the main thread: opens the app's database itself and
 * streams through the ledger, so the screen stays responsive over a million events.
 */
import { readInsights } from '../../db/insights';
import { SetiaDB } from '../../db/schema';
import type { InsightsReply, InsightsRequest } from './protocol';
import { localDay } from './range';

const post = (reply: InsightsReply) => postMessage(reply);

/** Local calendar day; memoised per hour, since a million Date objects cost more than a lookup. */
const hours = new Map<number, string>();
function dayOf(at: number): string {
  const hour = Math.floor(at / 3_600_000);
  let day = hours.get(hour);
  if (day === undefined) hours.set(hour, (day = localDay(at)));
  return day;
}

onmessage = async (message: MessageEvent<InsightsRequest>) => {
  const started = performance.now();
  const db = new SetiaDB();
  try {
    let last = 0;
    const { campaignReturns, ...options } = message.data;
    const result = await readInsights(
      db,
      { ...options, dayOf },
      (done) => {
        // A message per 5 % is plenty for a progress bar, and keeps the main thread quiet.
        if (done - last >= 0.05 || done === 1) {
          last = done;
          post({ type: 'progress', done });
        }
      },
      { campaignReturns },
    );
    post({ type: 'done', result, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  } finally {
    db.close();
  }
};
