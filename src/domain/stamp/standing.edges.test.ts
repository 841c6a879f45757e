import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger';
import { feedbackOutcome } from './feedback';
import { DEFAULT_RULES } from './rules';
import { memberStanding, yearCounts } from './standing';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 10, 0);
let seq = 0;
const event = (patch: Partial<LedgerEvent>): LedgerEvent => {
  seq += 1;
  return {
    id: `e${seq}`,
    memberId: 'm1',
    type: 'stamp',
    stamps: 1,
    at: NOW,
    staffId: 'owner',
    deviceId: 'tab',
    seq,
    ...patch,
  };
};

describe('the rolling 12 months, at their edges', () => {
  it('counts a visit exactly 365 days old no more, one a millisecond younger still', () => {
    const events = [event({ at: NOW - 365 * DAY }), event({ at: NOW - 365 * DAY + 1 })];
    expect(yearCounts(events, NOW)).toEqual({ visits: 1, rewards: 0 });
  });

  it('counts a visit made now, not one stamped later (a clock running ahead)', () => {
    expect(yearCounts([event({ at: NOW }), event({ at: NOW + 1 })], NOW)).toEqual({
      visits: 1,
      rewards: 0,
    });
  });

  it('counts rewards redeemed apart from visits, undone ones left out', () => {
    const mug = event({ type: 'redeem', stamps: -10 });
    const cake = event({ type: 'redeem', stamps: -5 });
    const undo = event({ type: 'reversal', stamps: 5, reverses: cake.id });
    expect(yearCounts([event({}), mug, cake, undo, event({ type: 'bonus' })], NOW)).toEqual({
      visits: 1,
      rewards: 1,
    });
  });
});

describe('the birthday bonus already given', () => {
  it('notes the years of bonuses still in effect, not an undone one or other lines', () => {
    const given = event({ at: Date.UTC(2025, 4, 12), lines: [{ rule: 'birthday', stamps: 3 }] });
    const undone = event({ at: Date.UTC(2026, 4, 12), lines: [{ rule: 'birthday', stamps: 3 }] });
    const undo = event({ type: 'reversal', stamps: -4, reverses: undone.id });
    const tier = event({ lines: [{ rule: 'tier:gold', stamps: 1, multiplier: 2 }] });
    const plain = event({});
    const standing = memberStanding(DEFAULT_RULES, [given, undone, undo, tier, plain], NOW);
    expect(standing.birthdayBonusYears).toEqual([2025]);
    expect(standing.recentGrants).toEqual([
      { at: Date.UTC(2025, 4, 12), stamps: 1 },
      { at: NOW, stamps: 1 },
      { at: NOW, stamps: 1 },
    ]);
  });
});

describe('rating the last visit, at its edges', () => {
  const rules = { ...DEFAULT_RULES, feedback: { stamps: 2 } };
  it('takes 1 to 5 stars', () => {
    const visit = event({ at: NOW - DAY });
    expect(feedbackOutcome(rules, [visit], 1, NOW)).toEqual({ stamps: 2, visitId: visit.id });
    expect(feedbackOutcome(rules, [visit], 0, NOW)).toBe('feedback.rating');
    expect(feedbackOutcome(rules, [visit], 6, NOW)).toBe('feedback.rating');
  });

  it('rates the latest visit, not an undone one or a later sale', () => {
    const first = event({ at: NOW - 2 * DAY });
    const second = event({ at: NOW - DAY });
    const undo = event({ type: 'reversal', stamps: -1, reverses: second.id, at: NOW - DAY });
    const redeem = event({ type: 'redeem', stamps: -10, at: NOW - 1000 });
    expect(feedbackOutcome(rules, [first, second, undo, redeem], 5, NOW)).toEqual({
      stamps: 2,
      visitId: first.id,
    });
    const sameTime = event({ at: NOW - 2 * DAY });
    expect(feedbackOutcome(rules, [first, sameTime], 5, NOW)).toEqual({
      stamps: 2,
      visitId: first.id,
    });
  });

  it('a rating made in the same millisecond as the visit rates it already', () => {
    const visit = event({ at: NOW - DAY });
    const rated = event({ type: 'bonus', stamps: 0, at: NOW - DAY, rating: 4 });
    expect(feedbackOutcome(rules, [visit, rated], 5, NOW)).toBe('feedback.alreadyRated');
  });

  it('gives the bonus again exactly 30 days after the last, not a millisecond sooner', () => {
    const bonusAt = NOW - 30 * DAY;
    const bonus = event({
      type: 'bonus',
      stamps: 2,
      at: bonusAt,
      rating: 5,
      lines: [{ rule: 'feedback', stamps: 2 }],
    });
    const visit = event({ at: NOW - 1000 });
    expect(feedbackOutcome(rules, [bonus, visit], 5, NOW)).toEqual({
      stamps: 2,
      visitId: visit.id,
    });
    expect(feedbackOutcome(rules, [bonus, visit], 5, NOW - 1)).toEqual({
      stamps: 0,
      visitId: visit.id,
    });
  });

  it('a rating that earned nothing does not start the 30 days', () => {
    const unpaid = event({
      type: 'bonus',
      stamps: 0,
      at: NOW - 2 * DAY,
      rating: 5,
      lines: [
        { rule: 'feedback', stamps: 0 },
        { rule: 'other', stamps: 1 },
      ],
    });
    const visit = event({ at: NOW - DAY });
    expect(feedbackOutcome(rules, [unpaid, visit], 5, NOW)).toEqual({
      stamps: 2,
      visitId: visit.id,
    });
  });

  it('gives nothing when the program gives no feedback stamps', () => {
    const visit = event({ at: NOW - DAY });
    expect(feedbackOutcome(DEFAULT_RULES, [visit], 5, NOW)).toEqual({
      stamps: 0,
      visitId: visit.id,
    });
  });
});
