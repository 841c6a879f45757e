import { describe, expect, it } from 'vitest';
import type { MemberFields } from '../member';
import { decideEnrol } from './enrol';
import { DEFAULT_RULES } from './rules';
import { at, T0 } from '../testing/stamp';

const fields: MemberFields = {
  name: 'Siti Rahma',
  phone: '+628123456789',
  email: null,
  birthday: null,
  marketingConsent: false,
  consentAt: null,
  anonymised: false,
};
const input = { memberId: 'NEW', fields, phoneKeys: ['8123456789', '628123456789'] };

describe('enrolling', () => {
  it('makes the member searchable by name and phone, with no events without a program', () => {
    expect(decideEnrol({}, undefined, input, at(T0))).toEqual({
      fields,
      member: {
        id: 'NEW',
        ...fields,
        joinedAt: T0,
        nameWords: ['siti', 'rahma'],
        phoneKeys: ['8123456789', '628123456789'],
      },
      events: [],
    });
  });

  it("gives the program's welcome stamps, recorded with the rule that gave them", () => {
    const decision = decideEnrol({}, { ...DEFAULT_RULES, welcomeStamps: 2 }, input, at(T0, 'rina'));
    if ('refused' in decision) throw new Error(decision.refused);
    expect(decision.events).toEqual([
      {
        memberId: 'NEW',
        type: 'bonus',
        stamps: 2,
        lines: [{ rule: 'welcome', stamps: 2 }],
        at: T0,
        staffId: 'owner',
      },
    ]);
  });

  it('records who referred the new member', () => {
    const decision = decideEnrol(
      { referrer: { id: 'BUDI' } },
      DEFAULT_RULES,
      { ...input, referralCode: 'x7k2m9pq' },
      at(T0),
    );
    if ('refused' in decision) throw new Error(decision.refused);
    expect(decision.fields.referredBy).toBe('BUDI');
    expect(decision.member.referredBy).toBe('BUDI');
  });

  it('refuses a referral code nobody has, then a phone already enrolled (naming its member)', () => {
    expect(
      decideEnrol(
        { phoneHolder: { id: 'OLD' } },
        undefined,
        { ...input, referralCode: 'ZZZZZZZZ' },
        at(T0),
      ),
    ).toEqual({ refused: 'referral.unknown', values: {} });
    expect(decideEnrol({ phoneHolder: { id: 'OLD' } }, undefined, input, at(T0))).toEqual({
      refused: 'phone.taken',
      values: { memberId: 'OLD' },
    });
    // A blank code is no code.
    expect('member' in decideEnrol({}, undefined, { ...input, referralCode: '  ' }, at(T0))).toBe(
      true,
    );
  });
});
