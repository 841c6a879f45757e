/**
 * The customer rates their last visit on their card: once per visit, the bonus
 * at most once a month. Decided the same way on a shop tablet and on the server.
 */
import type { LedgerEvent } from '../ledger';
import { refuse, type Decision, type Moment } from './decision';
import type { ProgramRules } from './rules';
import { reversedIds } from './undo';

/** Feedback earns its bonus at most once in this long. */
export const FEEDBACK_BONUS_EVERY_MS = 30 * 86_400_000;
export const FEEDBACK_COMMENT_MAX = 500;

export type FeedbackError = 'feedback.noVisit' | 'feedback.alreadyRated' | 'feedback.rating';

/**
 * Rating the last visit: once per visit; the bonus at most once a month.
 * Returns the stamps the rating earns and the visit it rates, or why it cannot
 * be given. A visit stamped later than `now` (a tablet whose clock runs ahead)
 * is not there yet: it cannot be rated before it happened.
 */
export function feedbackOutcome(
  rules: ProgramRules | undefined,
  events: readonly LedgerEvent[],
  rating: number,
  now: number,
): { stamps: number; visitId: string } | FeedbackError {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return 'feedback.rating';
  const undone = reversedIds(events);
  let lastVisit = -Infinity;
  let visitId = '';
  let lastRating = -Infinity;
  let lastBonus = -Infinity;
  for (const e of events) {
    if (undone.has(e.id)) continue;
    if (e.type === 'stamp' && e.at <= now && e.at > lastVisit) {
      lastVisit = e.at;
      visitId = e.id;
    }
    if (e.rating !== undefined) lastRating = Math.max(lastRating, e.at);
    if (e.lines?.some((l) => l.rule === 'feedback' && l.stamps > 0))
      lastBonus = Math.max(lastBonus, e.at);
  }
  if (lastVisit === -Infinity) return 'feedback.noVisit';
  if (lastRating >= lastVisit) return 'feedback.alreadyRated';
  const bonus = rules?.feedback.stamps ?? 0;
  return {
    stamps: bonus > 0 && now - lastBonus >= FEEDBACK_BONUS_EVERY_MS ? bonus : 0,
    visitId,
  };
}

/** The rating event (a bonus, of 0 stamps when none is due), from the member's last year. */
export function decideFeedback(
  memberId: string,
  events: readonly LedgerEvent[],
  rules: ProgramRules | undefined,
  input: { rating: number; comment: string },
  moment: Moment,
): Decision {
  const outcome = feedbackOutcome(rules, events, input.rating, moment.at);
  if (typeof outcome === 'string') return refuse(outcome);
  const comment = input.comment.trim().slice(0, FEEDBACK_COMMENT_MAX);
  return {
    events: [
      {
        memberId,
        type: 'bonus',
        stamps: outcome.stamps,
        lines: [{ rule: 'feedback', stamps: outcome.stamps }],
        at: moment.at,
        staffId: moment.staffId,
        rating: input.rating,
        ...(comment ? { comment } : {}),
      },
    ],
  };
}
