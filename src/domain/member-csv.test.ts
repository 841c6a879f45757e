import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATS } from './balance';
import { toCsv } from './csv';
import { parseCsv } from './csv-read';
import type { Member } from './member';
import {
  checkImportRows,
  guessMapping,
  memberRow,
  MEMBER_COLUMNS,
  readDate,
  type ImportContext,
} from './member-csv';
import { phoneKeys } from './phone';
import { nameWords } from './text';

const CTX: ImportContext = { country: 'ID', today: '2026-11-25' };
const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const NAMES = [
  'Nguyễn Thị Minh Khai',
  'Đặng Văn Đức',
  'Siti Nurhaliza binti Tarudin',
  'I Gusti Ngurah Rai',
  'Wei Ling "Willy" Tan',
  "O'Brien, Jr.",
  'Ana\nMaria',
  '=HYPERLINK("evil")',
  '+Budi',
  '-Dewi',
  '@Rina',
  'Putri ☕😀',
];

const nameArb = fc
  .oneof(fc.constantFrom(...NAMES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }))
  .map((n) => n.trim().replace(/\s+/g, ' '))
  .filter((n) => nameWords(n).length > 0 || /\p{Extended_Pictographic}/u.test(n))
  .filter((n) => [...n].length <= 80 && n !== '—');

const memberArb = fc.record({
  id: fc.string({ unit: fc.constantFrom(...ULID_CHARS), minLength: 26, maxLength: 26 }),
  name: nameArb,
  // Indonesian mobiles: leading zeros and the + of E.164 must survive.
  phone: fc.option(
    fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+62812${n}`),
    { nil: null },
  ),
  email: fc.option(
    fc
      .tuple(
        fc.constantFrom('siti', 'budi.s', 'hà', '=x', '+tag'),
        fc.constantFrom('a.co', 'kopi.id'),
      )
      .map(([a, b]) => `${a}@${b}`),
    { nil: null },
  ),
  birthday: fc.option(
    fc
      .date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { nil: null },
  ),
  marketingConsent: fc.boolean(),
  consentAt: fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_790_000_000_000 }), {
    nil: null,
  }),
  joinedAt: fc.integer({ min: 1_600_000_000_000, max: 1_790_000_000_000 }),
  balance: fc.integer({ min: -20, max: 500 }),
});

type Generated = typeof memberArb extends fc.Arbitrary<infer T> ? T : never;

function asMember(m: Generated) {
  const { balance, ...fields } = m;
  return {
    ...fields,
    anonymised: false,
    nameWords: nameWords(m.name),
    phoneKeys: [],
    clocks: {},
    stats: { ...EMPTY_STATS, balance },
  } satisfies Member;
}

describe('members CSV round trip', () => {
  it('reads back every member exactly as it was written', () => {
    fc.assert(
      fc.property(fc.array(memberArb, { minLength: 1, maxLength: 20 }), (raw) => {
        const members = raw.map(asMember);
        const unique = [...new Map(members.map((m) => [m.id, m])).values()].filter(
          (m, i, all) => !m.phone || all.findIndex((o) => o.phone === m.phone) === i,
        );
        const text = toCsv([[...MEMBER_COLUMNS], ...unique.map((m) => memberRow(m))]);
        const { rows } = parseCsv(text);
        const header = rows[0]!;
        const check = checkImportRows(rows, guessMapping(header), CTX);
        expect(check.problems).toEqual([]);
        expect(check.members).toEqual(
          unique.map((m, i) => ({
            row: i + 2,
            id: m.id,
            fields: {
              name: m.name,
              phone: m.phone,
              email: m.email,
              birthday: m.birthday,
              marketingConsent: m.marketingConsent,
              consentAt: m.consentAt,
              anonymised: false,
            },
            joinedAt: m.joinedAt,
            stamps: m.stats.balance,
            phoneKeys: m.phone ? phoneKeys(m.phone) : [],
          })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('brings an anonymised member back anonymised, with id and stamps', () => {
    const m = {
      ...asMember({
        id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
        name: '—',
        phone: null,
        email: null,
        birthday: null,
        marketingConsent: false,
        consentAt: null,
        joinedAt: 1_700_000_000_000,
        balance: 4,
      }),
      anonymised: true,
    };
    const { rows } = parseCsv(toCsv([[...MEMBER_COLUMNS], memberRow(m)]));
    const check = checkImportRows(rows, guessMapping(rows[0]!), CTX);
    expect(check.problems).toEqual([]);
    expect(check.members[0]).toMatchObject({
      id: m.id,
      fields: { name: '—', anonymised: true, phone: null },
      joinedAt: m.joinedAt,
      stamps: 4,
    });
  });

  it('neutralises formula-like cells in the export', () => {
    const m = asMember({
      id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
      name: '=cmd|calc',
      phone: '+628123456789',
      email: null,
      birthday: null,
      marketingConsent: true,
      consentAt: null,
      joinedAt: 0,
      balance: -2,
    });
    const row = memberRow(m);
    expect(row[1]).toBe("'=cmd|calc");
    expect(row[2]).toBe("'+628123456789");
    expect(row[11]).toBe('-2'); // a number we wrote, not text a person typed
  });
});

describe('reading another file', () => {
  it('maps headers in the four languages and ignores unknown columns', () => {
    expect(guessMapping(['Nama', 'No. HP', 'Tanggal lahir', 'Catatan', 'Stempel'])).toEqual([
      'name',
      'phone',
      'birthday',
      'ignore',
      'stamps',
    ]);
    expect(guessMapping(['Họ và tên', 'Số điện thoại', 'Email'])).toEqual([
      'name',
      'phone',
      'email',
    ]);
    expect(guessMapping(['First name', 'Last name', 'Mobile'])).toEqual([
      'firstName',
      'lastName',
      'phone',
    ]);
  });

  it('reports each broken row with its number and reason, and duplicates by phone', () => {
    const rows = parseCsv(
      [
        'name,phone,email,birthday,stamps',
        'Siti Rahma,0812-3456-789,siti@kopi.id,14/02/1990,3',
        ',0813-1111-2222,,,', // row 3: no name
        'Budi,12,,,', // row 4: bad phone
        'Dewi,,dewi@,,', // row 5: bad email
        'Agus,,,31/02/1990,', // row 6: no such date
        'Rina,+62 812 3456 789,,,', // row 7: same phone as row 2
        'Joko,,,,many', // row 8: stamps not a number
        ',,,,', // blank: skipped, not an error
        'Nguyễn Văn An,0857 1234 5678,,2001-09-02,0',
      ].join('\r\n'),
    ).rows;
    const check = checkImportRows(rows, guessMapping(rows[0]!), CTX);
    expect(check.problems).toEqual([
      { row: 3, code: 'name.required' },
      { row: 4, code: 'phone.invalid' },
      { row: 5, code: 'email.invalid' },
      { row: 6, code: 'birthday.invalid' },
      { row: 7, code: 'duplicate.phoneInFile', other: '2' },
      { row: 8, code: 'stamps.invalid' },
    ]);
    expect(
      check.members.map((m) => [m.row, m.fields.name, m.fields.phone, m.fields.birthday]),
    ).toEqual([
      [2, 'Siti Rahma', '+628123456789', '1990-02-14'],
      [10, 'Nguyễn Văn An', '+6285712345678', '2001-09-02'],
    ]);
    expect(check.members[0]!.stamps).toBe(3);
  });

  it('reads dates day-first, or month-first in the US', () => {
    expect(readDate('02/03/1990', {})).toBe('1990-03-02');
    expect(readDate('02/03/1990', { monthFirst: true })).toBe('1990-02-03');
    expect(readDate('1990-3-2', {})).toBe('1990-03-02');
    expect(readDate('2.3.1990', {})).toBe('1990-03-02');
    expect(readDate('31/02/1990', {})).toBeNull();
    expect(readDate('yesterday', {})).toBeNull();
  });

  it("keeps only Setia ids: another app's customer numbers get new ids", () => {
    const rows = [
      ['id', 'name'],
      ['42', 'Siti'],
      ['01JAAAAAAAAAAAAAAAAAAAAAAA', 'Budi'],
      ['01JAAAAAAAAAAAAAAAAAAAAAAA', 'Dewi'],
    ];
    const check = checkImportRows(rows, guessMapping(rows[0]!), CTX);
    expect(check.members.map((m) => m.id)).toEqual([null, '01JAAAAAAAAAAAAAAAAAAAAAAA']);
    expect(check.problems).toEqual([{ row: 4, code: 'duplicate.idInFile', other: '3' }]);
  });
});
