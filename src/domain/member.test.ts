import { describe, expect, it } from 'vitest';
import { mergeMemberFields, validateMemberInput, type MemberInput } from './member';

const ok: MemberInput = {
  name: 'Siti Rahma',
  phone: '',
  email: '',
  birthday: '',
  marketingConsent: false,
};
const today = '2026-11-22';

describe('validateMemberInput', () => {
  it('accepts a plain name, Vietnamese diacritics and emoji', () => {
    expect(validateMemberInput(ok, today)).toEqual({});
    expect(validateMemberInput({ ...ok, name: 'Nguyễn Thị Ánh Đào' }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, name: 'Budi ☕🍰' }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, name: '🌸' }, today)).toEqual({});
  });

  it('requires a name and caps its length (emoji count as one character)', () => {
    expect(validateMemberInput({ ...ok, name: '   ' }, today).name).toBe('name.required');
    expect(validateMemberInput({ ...ok, name: '---' }, today).name).toBe('name.required');
    expect(validateMemberInput({ ...ok, name: 'a'.repeat(500) }, today).name).toBe('name.tooLong');
    expect(validateMemberInput({ ...ok, name: '👍'.repeat(80) }, today)).toEqual({});
  });

  it('checks emails and birthdays', () => {
    expect(validateMemberInput({ ...ok, email: 'siti@example' }, today).email).toBe(
      'email.invalid',
    );
    expect(validateMemberInput({ ...ok, email: 'siti@example.co.id' }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, birthday: '2027-01-01' }, today).birthday).toBe(
      'birthday.future',
    );
    expect(validateMemberInput({ ...ok, birthday: '2026-02-30' }, today).birthday).toBe(
      'birthday.invalid',
    );
    expect(validateMemberInput({ ...ok, birthday: '1850-02-03' }, today).birthday).toBe(
      'birthday.tooOld',
    );
    expect(validateMemberInput({ ...ok, birthday: '1990-02-28' }, today)).toEqual({});
  });
});

describe('mergeMemberFields', () => {
  const base = {
    name: 'Siti',
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    clocks: { name: 'b', phone: 'b' } as Record<string, string>,
  };
  it('takes a field only from a newer edit, whatever the order', () => {
    const newer = mergeMemberFields(base, { name: 'Siti R.' }, 'c');
    expect(newer.member.name).toBe('Siti R.');
    expect(newer.changed).toEqual(['name']);
    expect(mergeMemberFields(base, { name: 'old' }, 'a').member.name).toBe('Siti');
    const ab = mergeMemberFields(
      mergeMemberFields(base, { email: 'x@y.z' }, 'c').member,
      { email: 'p@q.r' },
      'd',
    );
    const ba = mergeMemberFields(
      mergeMemberFields(base, { email: 'p@q.r' }, 'd').member,
      { email: 'x@y.z' },
      'c',
    );
    expect(ab.member).toEqual(ba.member);
    expect(ab.member.email).toBe('p@q.r');
  });
});
