import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, largestSale, validateRules, visitStampsMax } from './rules';

describe('the per-visit maximum', () => {
  it('is 20 for rules saved before it existed, and the owner may set 1 to 1000', () => {
    expect(visitStampsMax(DEFAULT_RULES)).toBe(20);
    expect(visitStampsMax({ ...DEFAULT_RULES, maxStampsPerVisit: 5 })).toBe(5);
    expect(validateRules({ ...DEFAULT_RULES, maxStampsPerVisit: 0 })).toContain(
      'rules.maxStampsPerVisit',
    );
    expect(validateRules({ ...DEFAULT_RULES, maxStampsPerVisit: 1.5 })).toContain(
      'rules.maxStampsPerVisit',
    );
    expect(validateRules({ ...DEFAULT_RULES, maxStampsPerVisit: 1000 })).toEqual([]);
  });

  it('makes an amount earning ten times it absurd (amount mode only)', () => {
    const amount = {
      ...DEFAULT_RULES,
      earning: { ...DEFAULT_RULES.earning, mode: 'amount' as const },
    };
    expect(largestSale(amount)).toBe(25_000 * 20 * 10);
    expect(largestSale({ ...amount, maxStampsPerVisit: 40 })).toBe(25_000 * 40 * 10);
    expect(largestSale(DEFAULT_RULES)).toBe(Infinity);
  });
});
