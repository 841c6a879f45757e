import { describe, expect, it } from 'vitest';
import { ruleFieldErrors } from './rule-fields';
import { DEFAULT_RULES } from './stamp/rules';

describe('rule field errors', () => {
  it('puts each problem on its own field', () => {
    expect(
      ruleFieldErrors({
        ...DEFAULT_RULES,
        welcomeStamps: -1,
        promotions: [
          { id: 'a', name: 'Ok', multiplier: 2, from: null, to: null, weekdays: [] },
          {
            id: 'b',
            name: '',
            multiplier: 0.5,
            from: '2026-05-01',
            to: '2026-04-01',
            weekdays: [],
          },
        ],
      }),
    ).toEqual({
      welcomeStamps: 'rules.bonus',
      'promotions.1.name': 'rules.promotionName',
      'promotions.1.multiplier': 'rules.multiplier',
      'promotions.1.to': 'rules.promotionDates',
    });
    expect(ruleFieldErrors(DEFAULT_RULES)).toEqual({});
  });
});
