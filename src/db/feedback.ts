/**
 * The customer rates their last visit from their card opened on a shop tablet
 * (on a phone, the rating goes through the server's card endpoint instead).
 * One transaction, like the counter's commands; the decision is domain/stamp/feedback.ts.
 */
import type { LedgerEvent } from '../domain/ledger';
import { decideFeedback } from '../domain/stamp/feedback';
import { db as appDb } from './db';
import { openOutbox } from './outbox';
import {
  commitDecision,
  LedgerRuleError,
  requireMember,
  WRITE_TABLES,
  type ActionContext,
} from './ledger';
import { lastYearEvents, tabletCalendar } from './member-events';
import type { SetiaDB } from './schema';
import { getShop } from './settings';

/**
 * The customer rated their last visit; the bonus comes at most once a month.
 * The counter's command() shape, written out: importing db/counter.ts from this
 * lazy module would split the counter's first-load chunks.
 */
export function recordFeedback(
  db: SetiaDB,
  memberId: string,
  rating: number,
  comment: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const [member, shop, events, outbox] = await Promise.all([
      requireMember(db, memberId),
      getShop(db),
      lastYearEvents(db, memberId, ctx.now),
      openOutbox(db, ctx.now),
    ]);
    const moment = { at: ctx.now, staffId: ctx.staffId, calendar: tabletCalendar };
    const decision = decideFeedback(memberId, events, shop?.program, { rating, comment }, moment);
    return (await commitDecision(db, decision, member, outbox, ctx.now)).event;
  });
}

/** The card opened on a shop tablet: the rating goes straight into this tablet's ledger. */
export async function rateOnThisTablet(
  memberId: string,
  rating: number,
  comment: string,
): Promise<'thanks' | 'already' | 'failed'> {
  try {
    await recordFeedback(appDb, memberId, rating, comment, {
      staffId: 'customer',
      now: Date.now(),
    });
    return 'thanks';
  } catch (e) {
    return e instanceof LedgerRuleError && e.code === 'feedback.alreadyRated'
      ? 'already'
      : 'failed';
  }
}
