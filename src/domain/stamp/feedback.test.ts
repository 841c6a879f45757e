import { describe, expect, it } from 'vitest';
import { decideCardStamp } from './card';
import { decideFeedback, FEEDBACK_COMMENT_MAX } from './feedback';
import { DEFAULT_RULES } from './rules';
import { at, DAY, eventsOf, MIN, stored, T0 } from '../testing/stamp';

const rules = { ...DEFAULT_RULES, feedback: { stamps: 1 } };
const visit = (time: number) => stored(eventsOf(decideCardStamp('m1', 1, at(time)))[0]!);
const rate = (events: ReturnType<typeof stored>[], rating: number, time: number, comment = '') =>
  decideFeedback('m1', events, rules, { rating, comment }, at(time, 'customer'));

describe('feedback on a visit', () => {
  it('records the rating and its bonus, at most once a month', () => {
    const ledger = [visit(T0)];
    const [first] = eventsOf(rate(ledger, 5, T0 + MIN, '  Great kopi  '));
    expect(first).toEqual({
      memberId: 'm1',
      type: 'bonus',
      stamps: 1,
      lines: [{ rule: 'feedback', stamps: 1 }],
      at: T0 + MIN,
      staffId: 'customer',
      rating: 5,
      comment: 'Great kopi',
    });
    ledger.push(stored(first!), visit(T0 + DAY));
    expect(eventsOf(rate(ledger, 4, T0 + DAY + MIN))[0]).toMatchObject({ stamps: 0, rating: 4 });
    ledger.push(visit(T0 + 31 * DAY));
    expect(eventsOf(rate(ledger, 4, T0 + 31 * DAY + MIN))[0]!.stamps).toBe(1);
  });

  it('refuses a rating with no visit, a second rating of one visit, and a rating outside 1..5', () => {
    expect(rate([], 5, T0)).toEqual({ refused: 'feedback.noVisit', values: {} });
    const ledger = [visit(T0)];
    ledger.push(stored(eventsOf(rate(ledger, 5, T0 + MIN))[0]!));
    expect(rate(ledger, 4, T0 + 2 * MIN)).toEqual({ refused: 'feedback.alreadyRated', values: {} });
    for (const rating of [0, 6, 2.5])
      expect(rate([visit(T0)], rating, T0 + MIN)).toMatchObject({ refused: 'feedback.rating' });
  });

  it('keeps a comment to its length', () => {
    const [event] = eventsOf(rate([visit(T0)], 3, T0 + MIN, 'x'.repeat(FEEDBACK_COMMENT_MAX + 50)));
    expect(event!.comment).toHaveLength(FEEDBACK_COMMENT_MAX);
  });
});
