import { describe, expect, it } from 'vitest';
import {
  anonymisedFields,
  cleanEmail,
  cleanName,
  firstName,
  mergeMemberFields,
  searchKeys,
  validateMemberInput,
  type MemberInput,
} from './member';

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
    // Months and days past the calendar, and years JavaScript reads as 19xx, are not dates.
    for (const birthday of ['2000-13-01', '2000-00-10', '2000-04-31', '2000-04-00', '0050-01-01'])
      expect(validateMemberInput({ ...ok, birthday }, today).birthday).toBe('birthday.invalid');
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

describe('new-member form limits', () => {
  it('takes a name of 80 characters and refuses 81', () => {
    expect(validateMemberInput({ ...ok, name: 'a'.repeat(80) }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, name: 'a'.repeat(81) }, today)).toEqual({
      name: 'name.tooLong',
    });
    // Spaces around the name do not count.
    expect(validateMemberInput({ ...ok, name: ` ${'a'.repeat(80)} ` }, today)).toEqual({});
  });

  it('takes an email of 254 characters and refuses 255', () => {
    const at254 = `${'a'.repeat(246)}@kopi.id`;
    expect(validateMemberInput({ ...ok, email: at254 }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, email: `a${at254}` }, today)).toEqual({
      email: 'email.invalid',
    });
  });

  it('refuses emails that are not one address with a dotted domain', () => {
    for (const email of [
      'siti rahma@kopi.id',
      'siti@kopi@id.co',
      '@kopi.id',
      'siti@.id',
      'siti@kopi.',
      'siti@kopi..id',
      'siti@kopi.id x',
    ])
      expect(validateMemberInput({ ...ok, email }, today)).toEqual({ email: 'email.invalid' });
    expect(validateMemberInput({ ...ok, email: '  Siti@Kopi.id  ' }, today)).toEqual({});
  });

  it('takes birthdays from 1900 up to today, written YYYY-MM-DD', () => {
    expect(validateMemberInput({ ...ok, birthday: '1900-01-01' }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, birthday: '1899-12-31' }, today)).toEqual({
      birthday: 'birthday.tooOld',
    });
    expect(validateMemberInput({ ...ok, birthday: today }, today)).toEqual({});
    expect(validateMemberInput({ ...ok, birthday: '2026-11-23' }, today)).toEqual({
      birthday: 'birthday.future',
    });
    expect(validateMemberInput({ ...ok, birthday: ' 1990-02-28 ' }, today)).toEqual({});
    for (const birthday of [
      '1990-2-28',
      '28/02/1990',
      '1990-02-28x',
      '1990-13-01',
      '1990-04-31',
      '0050-01-01',
    ])
      expect(validateMemberInput({ ...ok, birthday }, today)).toEqual({
        birthday: 'birthday.invalid',
      });
  });

  it('reports every wrong field at once', () => {
    expect(
      validateMemberInput({ ...ok, name: '', email: 'x', birthday: '2030-01-01' }, today),
    ).toEqual({ name: 'name.required', email: 'email.invalid', birthday: 'birthday.future' });
  });
});

describe('member fields as stored', () => {
  it('tidies the name and the email', () => {
    expect(cleanName('  Siti \t\n  Rahma ')).toBe('Siti Rahma');
    expect(cleanEmail('  Siti@Kopi.ID ')).toBe('siti@kopi.id');
    expect(cleanEmail('   ')).toBeNull();
  });

  it('greets by the first word, or the last in Vietnam', () => {
    expect(firstName('  Siti Rahma ')).toBe('Siti');
    expect(firstName('Nguyễn Văn Đức', 'ID')).toBe('Nguyễn');
    expect(firstName('Nguyễn Văn Đức', 'VN')).toBe('Đức');
    expect(firstName('')).toBe('');
  });

  it('erases every personal field when a member asks to be forgotten', () => {
    expect(anonymisedFields()).toEqual({
      name: '—',
      phone: null,
      email: null,
      birthday: null,
      marketingConsent: false,
      consentAt: null,
      anonymised: true,
    });
  });

  it('makes a member findable by name words and phone, unless merged into another', () => {
    expect(searchKeys({ name: 'Nguyễn Văn Đức' }, ['812', '62812'])).toEqual({
      nameWords: ['nguyen', 'van', 'duc'],
      phoneKeys: ['812', '62812'],
    });
    expect(searchKeys({ name: 'Siti', mergedInto: null }, ['812'])).toEqual({
      nameWords: ['siti'],
      phoneKeys: ['812'],
    });
    expect(searchKeys({ name: 'Siti', mergedInto: 'M2' }, ['812'])).toEqual({
      nameWords: [],
      phoneKeys: [],
    });
  });
});

describe('merging edits from two tablets', () => {
  const base = {
    name: 'Siti',
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    clocks: { name: 'b' } as Record<string, string>,
  };

  it('ignores the same edit arriving twice', () => {
    const once = mergeMemberFields(base, { name: 'Siti R.' }, 'c');
    const twice = mergeMemberFields(once.member, { name: 'Siti R.' }, 'c');
    expect(twice.changed).toEqual([]);
    expect(twice.member).toEqual(once.member);
    expect(mergeMemberFields(base, { name: 'Siti B.' }, 'b').changed).toEqual([]);
  });

  it('takes a field never edited before, and records the edit clock per field', () => {
    const r = mergeMemberFields(base, { email: 'siti@kopi.id', name: 'old' }, 'a');
    expect(r.changed).toEqual(['email']);
    expect(r.member.email).toBe('siti@kopi.id');
    expect(r.member.name).toBe('Siti');
    expect(r.member.clocks).toEqual({ name: 'b', email: 'a' });
    // The member passed in is left as it was.
    expect(base.clocks).toEqual({ name: 'b' });
    expect(base.email).toBeNull();
  });
});
