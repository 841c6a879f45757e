import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger';
import {
  cleanReferralCode,
  referralCode,
  referralLine,
  referralRule,
  referrerToRead,
} from './referral';
import { DEFAULT_RULES, type ProgramRules } from './rules';

const rules: ProgramRules = { ...DEFAULT_RULES, referral: { referrerStamps: 3 } };
const noBonus: ProgramRules = { ...DEFAULT_RULES, referral: { referrerStamps: 0 } };
const friend = { id: '01JFRIEND0000000000ABCD2345', referredBy: '01JREFERRER00000000WXYZ6789' };

let seq = 0;
const event = (over: Partial<LedgerEvent>): LedgerEvent => ({
  id: `e${++seq}`,
  memberId: friend.id,
  type: 'stamp',
  stamps: 1,
  at: seq * 1000,
  deviceId: 'd',
  staffId: 's',
  seq,
  ...over,
});

describe('referral codes', () => {
  it('is the last 8 characters of the member’s id, in capitals', () => {
    expect(referralCode('01jfriend0000000000abcd2345')).toBe('ABCD2345');
    expect(referralCode('XY12')).toBe('XY12');
  });

  it('tidies what a cashier typed: no spaces or dashes, capitals, at most 40 characters', () => {
    expect(cleanReferralCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(cleanReferralCode('ab cd\t23\n45')).toBe('ABCD2345');
    expect(cleanReferralCode('x'.repeat(50))).toBe('X'.repeat(40));
  });
});

describe('whose standing a stamp also reads', () => {
  it('reads the referrer of a referred friend’s first stamp while the program gives a bonus', () => {
    expect(referrerToRead({ ...friend, stats: { visits: 0 } }, rules)).toBe(friend.referredBy);
  });

  it('reads nobody else otherwise', () => {
    expect(referrerToRead({ ...friend, stats: { visits: 1 } }, rules)).toBeNull();
    expect(referrerToRead({ ...friend, stats: { visits: 0 } }, noBonus)).toBeNull();
    expect(referrerToRead({ id: friend.id, stats: { visits: 0 } }, rules)).toBeNull();
    expect(referrerToRead({ id: 'm', referredBy: 'm', stats: { visits: 0 } }, rules)).toBeNull();
  });
});

describe('the referrer’s bonus', () => {
  const line = { rule: referralRule(friend.id), stamps: 3 };

  it('comes with a referred friend’s first stamp', () => {
    expect(referralLine(rules, friend, [], [])).toEqual(line);
  });

  it('comes again when the friend’s only stamp was undone', () => {
    const stamp = event({});
    const undo = event({ type: 'reversal', stamps: -1, reverses: stamp.id });
    expect(referralLine(rules, friend, [stamp, undo], [])).toEqual(line);
  });

  it('does not come once the friend has a stamp that stands', () => {
    expect(referralLine(rules, friend, [event({})], [])).toBeNull();
    // A bonus or a redemption is not a first stamp: the bonus still comes.
    expect(referralLine(rules, friend, [event({ type: 'bonus' })], [])).toEqual(line);
  });

  it('comes once per friend: the referrer’s ledger already holding it says so', () => {
    const paid = event({ memberId: friend.referredBy, type: 'bonus', stamps: 3, lines: [line] });
    expect(referralLine(rules, friend, [], [paid])).toBeNull();
    const another = event({
      memberId: friend.referredBy,
      type: 'bonus',
      stamps: 3,
      lines: [{ rule: referralRule('someone-else'), stamps: 3 }],
    });
    expect(
      referralLine(rules, friend, [], [another, event({ memberId: friend.referredBy })]),
    ).toEqual(line);
  });

  it('is found among the other lines of the event that paid it', () => {
    const paid = event({
      memberId: friend.referredBy,
      type: 'stamp',
      stamps: 4,
      lines: [{ rule: 'base', stamps: 1 }, line],
    });
    expect(referralLine(rules, friend, [], [paid])).toBeNull();
  });

  it('never comes for oneself, without a referrer, or when the program gives none', () => {
    expect(referralLine(rules, { id: 'm', referredBy: 'm' }, [], [])).toBeNull();
    expect(referralLine(rules, { id: friend.id, referredBy: null }, [], [])).toBeNull();
    expect(referralLine(noBonus, friend, [], [])).toBeNull();
  });
});
