import { describe, expect, it } from 'vitest';
import {
  baseStamps,
  earn,
  inBirthdayWindow,
  isValidAmount,
  promotionApplies,
  type EarnContext,
} from './earn';
import { DEFAULT_RULES, type ProgramRules, type Promotion } from './rules';

const rules = (patch: Partial<ProgramRules>): ProgramRules => ({ ...DEFAULT_RULES, ...patch });
/** Tuesday 12 May 2026, no birthday, no tier, no club. */
const ctx = (patch: Partial<EarnContext> = {}): EarnContext => ({
  date: '2026-05-12',
  weekday: 2,
  birthday: null,
  birthdayBonusYears: [],
  tier: null,
  clubActive: false,
  clubMultiplier: 1,
  ...patch,
});
const visit = (quantity: number) => ({ quantity });

describe('the base a visit earns', () => {
  it('per visit: the stamps the cashier chose', () => {
    const earning = { mode: 'visit', stampsPerItem: 4, amountPerStamp: 25_000 } as const;
    expect(baseStamps(earning, { quantity: 3 })).toBe(3);
  });

  it('per amount: nothing when no amount per stamp is set, rather than endless stamps', () => {
    const earning = { mode: 'amount', stampsPerItem: 1, amountPerStamp: 0 } as const;
    expect(baseStamps(earning, { quantity: 1, amount: 50_000 })).toBe(0);
  });

  it('takes an amount up to 1,000,000,000,000', () => {
    expect(isValidAmount(1e12)).toBe(true);
    expect(isValidAmount(1e12 + 1)).toBe(false);
  });
});

describe('a promotion’s dates are inclusive', () => {
  const lebaran: Promotion = {
    id: 'p1',
    name: 'Lebaran double stamps',
    multiplier: 2,
    from: '2026-03-20',
    to: '2026-03-22',
    weekdays: [],
  };
  it('runs on its first and last day, not the day before or after', () => {
    expect(promotionApplies(lebaran, '2026-03-20', 5)).toBe(true);
    expect(promotionApplies(lebaran, '2026-03-22', 0)).toBe(true);
    expect(promotionApplies(lebaran, '2026-03-19', 4)).toBe(false);
    expect(promotionApplies(lebaran, '2026-03-23', 1)).toBe(false);
  });
});

describe('the birthday week at its edges', () => {
  it('reaches back across new year: 30 December to 2 January is three days', () => {
    expect(inBirthdayWindow('2027-01-02', '1990-12-30', 7)).toBe(true);
    expect(inBirthdayWindow('2027-01-03', '1990-12-30', 7)).toBe(false);
    expect(inBirthdayWindow('2026-12-27', '1990-12-30', 7)).toBe(true);
  });

  it('celebrates 29 February on 28 February in a common year, on the day in a leap year', () => {
    expect(inBirthdayWindow('2027-02-28', '2000-02-29', 1)).toBe(true);
    expect(inBirthdayWindow('2027-03-01', '2000-02-29', 1)).toBe(false);
    expect(inBirthdayWindow('2028-02-29', '2000-02-29', 1)).toBe(true);
    expect(inBirthdayWindow('2028-02-28', '2000-02-29', 1)).toBe(false);
  });

  it('moves no other birthday: 29 March and 15 February stay where they are', () => {
    expect(inBirthdayWindow('2027-03-29', '1990-03-29', 1)).toBe(true);
    expect(inBirthdayWindow('2027-03-28', '1990-03-29', 1)).toBe(false);
    expect(inBirthdayWindow('2027-02-15', '1990-02-15', 1)).toBe(true);
  });
});

describe('multipliers never lower a count and leave no empty lines', () => {
  it('a tier multiplier below 1 (a bad setting) changes nothing', () => {
    const tier = {
      id: 't',
      name: 'Odd',
      basis: 'visits',
      threshold: 1,
      multiplier: 0.5,
    } as const;
    expect(earn(DEFAULT_RULES, visit(2), ctx({ tier }))).toEqual({
      stamps: 2,
      lines: [{ rule: 'base', stamps: 2 }],
    });
  });

  it('a multiplier that adds less than a whole stamp adds no line', () => {
    const tier = {
      id: 't',
      name: 'Silver',
      basis: 'visits',
      threshold: 1,
      multiplier: 1.2,
    } as const;
    expect(earn(DEFAULT_RULES, visit(1), ctx({ tier }))).toEqual({
      stamps: 1,
      lines: [{ rule: 'base', stamps: 1 }],
    });
  });

  it('the club multiplies only while the membership runs', () => {
    expect(earn(DEFAULT_RULES, visit(1), ctx({ clubMultiplier: 2 })).stamps).toBe(1);
    expect(earn(DEFAULT_RULES, visit(1), ctx({ clubActive: true, clubMultiplier: 2 }))).toEqual({
      stamps: 2,
      lines: [
        { rule: 'base', stamps: 1 },
        { rule: 'club', stamps: 1, multiplier: 2 },
      ],
    });
  });
});

describe('the birthday bonus', () => {
  const onBirthday = ctx({ birthday: '1990-05-12' });
  it('adds no line when the program gives no birthday stamps', () => {
    expect(earn(DEFAULT_RULES, visit(1), onBirthday)).toEqual({
      stamps: 1,
      lines: [{ rule: 'base', stamps: 1 }],
    });
  });

  it('comes with a purchase: a visit that earned nothing gets no bonus', () => {
    const amountRules = rules({
      earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 25_000 },
      birthday: { stamps: 3, windowDays: 7 },
    });
    expect(earn(amountRules, { quantity: 1, amount: 10_000 }, onBirthday)).toEqual({
      stamps: 0,
      lines: [{ rule: 'base', stamps: 0 }],
    });
    expect(earn(amountRules, { quantity: 1, amount: 25_000 }, onBirthday)).toEqual({
      stamps: 4,
      lines: [
        { rule: 'base', stamps: 1 },
        { rule: 'birthday', stamps: 3 },
      ],
    });
  });
});
