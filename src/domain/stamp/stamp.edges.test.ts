import { describe, expect, it } from 'vitest';
import { EMPTY_STATS } from '../balance';
import type { LedgerEvent } from '../ledger';
import { at, member, stored, T0 } from '../testing/stamp';
import { DEFAULT_RULES, type ProgramRules } from './rules';
import { decideStamp } from './stamp';

const byAmount: ProgramRules = {
  ...DEFAULT_RULES,
  earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 25_000 },
  maxStampsPerVisit: 5,
};

describe('an amount at the counter, at its edge', () => {
  it('refuses more than ten times the largest sale the program expects (25,000 × 5 × 10)', () => {
    const siti = { member: member('siti'), events: [] };
    expect(decideStamp(siti, byAmount, { quantity: 1, amount: 1_250_001 }, at(T0))).toEqual({
      refused: 'amount.tooLarge',
      values: { amount: 1_250_000 },
    });
    expect(decideStamp(siti, byAmount, { quantity: 1, amount: 1_250_000 }, at(T0))).not.toEqual(
      expect.objectContaining({ refused: 'amount.tooLarge' }),
    );
  });
});

describe('the welcome stamps of a member who joined on their phone', () => {
  const program: ProgramRules = { ...DEFAULT_RULES, welcomeStamps: 2 };
  const welcomeLines = (events: readonly { lines?: { rule: string }[] }[]) =>
    events.flatMap((e) => e.lines ?? []).filter((l) => l.rule === 'welcome');

  it('are not given to a member who has visited before, even when the old visit is out of sight', () => {
    const rina = member('rina', {
      selfJoined: true,
      stats: { ...EMPTY_STATS, visits: 3, balance: 3 },
    });
    const decision = decideStamp({ member: rina, events: [] }, program, { quantity: 1 }, at(T0));
    expect('events' in decision && welcomeLines(decision.events)).toEqual([]);
  });

  it('come with the first stamp, after other lines on the card without rule lines', () => {
    const rina = member('rina', { selfJoined: true });
    const message: LedgerEvent = stored({
      memberId: 'rina',
      type: 'message',
      stamps: 0,
      at: T0 - 1000,
      staffId: 'owner',
    });
    const decision = decideStamp(
      { member: rina, events: [message] },
      program,
      { quantity: 1 },
      at(T0),
    );
    expect('events' in decision && welcomeLines(decision.events)).toEqual([
      { rule: 'welcome', stamps: 2 },
    ]);
  });
});
