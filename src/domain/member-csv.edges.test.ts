import { describe, expect, it } from 'vitest';
import { EMPTY_STATS } from './balance';
import type { LedgerEvent } from './ledger';
import type { Member } from './member';
import {
  checkImportRows,
  eventRow,
  exportFileName,
  LEDGER_COLUMNS,
  MEMBER_COLUMNS,
  memberRow,
  readDate,
  STAMPS_IMPORT_MAX,
  type ImportContext,
  type ImportTarget,
} from './member-csv';

const CTX: ImportContext = { country: 'ID', today: '2026-11-25' };
const ULID_ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';

/** One file: a header naming each target, then the rows. */
function check(targets: ImportTarget[], ...rows: string[][]) {
  return checkImportRows([targets, ...rows], targets, CTX);
}
const codes = (c: ReturnType<typeof check>) => c.problems.map((p) => p.code);

describe('importing members at the edges', () => {
  it('joins a first and a last name column, or takes either alone', () => {
    const c = check(['firstName', 'lastName'], ['Siti', 'Rahma'], ['', 'Budi'], ['Dewi', ' ']);
    expect(c.members.map((m) => m.fields.name)).toEqual(['Siti Rahma', 'Budi', 'Dewi']);
    // A full name column wins over the parts.
    const full = check(['name', 'firstName'], ['Siti Rahma', 'Ani']);
    expect(full.members[0]!.fields.name).toBe('Siti Rahma');
  });

  it('reads a member with no phone, no consent and no stamps as such', () => {
    const c = check(['name'], ['Budi']);
    expect(c.members).toEqual([
      {
        row: 2,
        id: null,
        fields: {
          name: 'Budi',
          phone: null,
          email: null,
          birthday: null,
          marketingConsent: false,
          consentAt: null,
          anonymised: false,
        },
        joinedAt: null,
        stamps: 0,
        phoneKeys: [],
      },
    ]);
  });

  it('reads consent in the shop’s words and refuses what is neither yes nor no', () => {
    const c = check(
      ['name', 'consent'],
      ['A', 'Ya'],
      ['B', 'tidak'],
      ['C', ' YES '],
      ['D', 'Không'],
      ['E', 'maybe'],
    );
    expect(c.members.map((m) => m.fields.marketingConsent)).toEqual([true, false, true, false]);
    expect(c.problems).toEqual([{ row: 6, code: 'consent.invalid' }]);
  });

  it('refuses a consent time or join date it cannot read, and reads both kinds it can', () => {
    const c = check(
      ['name', 'consentAt', 'joined'],
      ['A', '2026-01-02T03:04:05.000Z', '31/12/2025'],
      ['B', 'yesterday', ''],
      ['C', '', '31/02/2025'],
      ['D', '1960-01-01T00:00:00.000Z', ''],
    );
    expect(c.members.map((m) => [m.fields.consentAt, m.joinedAt])).toEqual([
      [Date.parse('2026-01-02T03:04:05.000Z'), Date.parse('2025-12-31T00:00:00Z')],
    ]);
    expect(codes(c)).toEqual(['consentAt.invalid', 'joined.invalid', 'consentAt.invalid']);
  });

  it('takes stamps up to 10,000 either way, whole numbers only', () => {
    const c = check(
      ['name', 'stamps'],
      ['A', String(STAMPS_IMPORT_MAX)],
      ['B', `-${STAMPS_IMPORT_MAX}`],
      ['C', ' 7 '],
      ['D', String(STAMPS_IMPORT_MAX + 1)],
      ['E', '2.5'],
    );
    expect(c.members.map((m) => m.stamps)).toEqual([10_000, -10_000, 7]);
    expect(codes(c)).toEqual(['stamps.invalid', 'stamps.invalid']);
  });

  it('brings an anonymised member back anonymised, with their id, join date and stamps', () => {
    const c = check(
      ['id', 'name', 'phone', 'joined', 'stamps'],
      [ULID_ID, '—', '', '2025-03-04', '6'],
      ['42', '—', '', '', ''],
      [ULID_ID.replace('0', '1'), '—', '', 'long ago', ''],
    );
    expect(c.members).toEqual([
      expect.objectContaining({
        id: ULID_ID,
        joinedAt: Date.parse('2025-03-04T00:00:00Z'),
        stamps: 6,
        phoneKeys: [],
        fields: expect.objectContaining({ name: '—', anonymised: true, phone: null }),
      }),
      expect.objectContaining({ id: null, joinedAt: null, stamps: 0 }),
    ]);
    expect(c.problems).toEqual([{ row: 4, code: 'joined.invalid' }]);
    // Columns in another order, the join date written day first.
    const first = checkImportRows(
      [
        ['joined', 'stamps', 'id', 'name'],
        ['31/12/2025', '3', ULID_ID, '—'],
      ],
      ['joined', 'stamps', 'id', 'name'],
      CTX,
    );
    expect(first.members[0]).toMatchObject({
      id: ULID_ID,
      joinedAt: Date.parse('2025-12-31T00:00:00Z'),
      stamps: 3,
    });
    const ids = checkImportRows(
      [
        ['id', 'name'],
        [ULID_ID, '—'],
      ],
      ['id', 'name'],
      CTX,
    );
    expect(ids.members[0]!.id).toBe(ULID_ID);
    const stamps = checkImportRows(
      [
        ['stamps', 'name'],
        ['4', '—'],
      ],
      ['stamps', 'name'],
      CTX,
    );
    expect(stamps.members[0]!.stamps).toBe(4);
    // Without a join date, id or stamps column an anonymised row still comes back.
    expect(check(['name'], ['—']).members[0]).toMatchObject({
      id: null,
      joinedAt: null,
      stamps: 0,
    });
  });

  it('names the first row of a repeated phone or id, and skips blank rows', () => {
    const c = check(
      ['id', 'name', 'phone'],
      [ULID_ID, 'A', '0812 3456 7890'],
      ['', '', ''],
      [' ', '  ', '\t'],
      ['', 'B', '+62 812-3456-7890'],
      [ULID_ID, 'C', ''],
      ['', 'D', ''],
      ['', 'E', ''],
    );
    expect(c.members.map((m) => m.fields.name)).toEqual(['A', 'D', 'E']);
    expect(c.problems).toEqual([
      { row: 5, code: 'duplicate.phoneInFile', other: '2' },
      { row: 6, code: 'duplicate.idInFile', other: '2' },
    ]);
  });
});

describe('reading a date from an imported file', () => {
  it('drops a time written after the date', () => {
    expect(readDate('1990-12-31T08:00:00Z', {})).toBe('1990-12-31');
    expect(readDate('31/12/1990 08:00', {})).toBe('1990-12-31');
    expect(readDate(' 1990-1-2 ', {})).toBe('1990-01-02');
  });

  it('refuses a date past the calendar, whichever part overflows', () => {
    for (const text of ['1990-13-01', '1990-02-30', '1990-00-10', '32/01/1990', '0099-01-01'])
      expect(readDate(text, {})).toBeNull();
  });

  it('reads month-first dates only for a month-first shop', () => {
    expect(readDate('12/31/1990', { monthFirst: true })).toBe('1990-12-31');
    expect(readDate('12/31/1990', {})).toBeNull();
  });
});

describe('the ledger export', () => {
  const stamp: LedgerEvent = {
    id: 'E1',
    memberId: 'M1',
    type: 'stamp',
    stamps: 2,
    at: Date.parse('2026-11-25T03:04:05.000Z'),
    deviceId: 'counter-1',
    staffId: 'S1',
    seq: 7,
  };

  it('writes one event per row, in the columns’ order, blanks for what it lacks', () => {
    const row = eventRow(stamp, 'Siti');
    expect(row).toHaveLength(LEDGER_COLUMNS.length);
    expect(row).toEqual([
      'E1',
      'M1',
      'Siti',
      'stamp',
      '2',
      '2026-11-25T03:04:05.000Z',
      'counter-1',
      'S1',
      '7',
      '',
      '',
      '',
      '',
    ]);
  });

  it('writes a reward’s quantity and name, an undo’s target and a reason, formulas neutralised', () => {
    const redeem = { ...stamp, type: 'redeem', stamps: -10, quantity: 2, rewardName: '=Kopi' };
    expect(eventRow(redeem as LedgerEvent, '+Budi').slice(2, 13)).toEqual([
      "'+Budi",
      'redeem',
      '-10',
      '2026-11-25T03:04:05.000Z',
      'counter-1',
      'S1',
      '7',
      '2',
      "'=Kopi",
      '',
      '',
    ]);
    const reversal = { ...stamp, type: 'reversal', stamps: -2, reverses: 'E0', reason: 'mistake' };
    expect(eventRow(reversal as LedgerEvent, 'Siti').slice(11)).toEqual(['E0', 'mistake']);
    const overridden = { ...stamp, override: { reason: '@manager' } };
    expect(eventRow(overridden as LedgerEvent, 'Siti')[12]).toBe("'@manager");
  });

  it('names the file by what it holds and the shop’s day', () => {
    expect(exportFileName('members', '2026-11-25')).toBe('setia-members-2026-11-25.csv');
    expect(exportFileName('ledger', '2026-01-02')).toBe('setia-ledger-2026-01-02.csv');
  });
});

describe('the members export row', () => {
  const siti: Member = {
    id: ULID_ID,
    name: 'Siti Rahma',
    phone: '+628123456789',
    email: null,
    birthday: '1990-02-14',
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    joinedAt: Date.parse('2025-01-02T03:04:05.000Z'),
    nameWords: ['siti', 'rahma'],
    phoneKeys: [],
    clocks: {},
    stats: {
      ...EMPTY_STATS,
      visits: 3,
      earned: 5,
      balance: 2,
      redeemed: 1,
      lastVisitAt: Date.parse('2026-11-20T09:30:00.000Z'),
    },
  };

  it('writes no consent as "no", blanks for what is missing, and an empty tier when none is given', () => {
    const row = memberRow(siti);
    expect(row).toHaveLength(MEMBER_COLUMNS.length);
    expect(row).toEqual([
      ULID_ID,
      'Siti Rahma',
      "'+628123456789",
      '',
      '1990-02-14',
      'no',
      '',
      '2025-01-02T03:04:05.000Z',
      '2026-11-20T09:30:00.000Z',
      '3',
      '5',
      '2',
      '1',
      '',
    ]);
  });

  it('writes the tier’s name last, neutralised like any text a person typed', () => {
    expect(memberRow(siti, 'Gold').at(-1)).toBe('Gold');
    expect(memberRow(siti, '=Gold').at(-1)).toBe("'=Gold");
  });
});

describe('importing rows that are not quite tidy', () => {
  it('reads the cells a short row lacks as empty', () => {
    const c = checkImportRows(
      [['name', 'phone', 'email'], ['Siti']],
      ['name', 'phone', 'email'],
      CTX,
    );
    expect(c.problems).toEqual([]);
    expect(c.members[0]!.fields).toMatchObject({ name: 'Siti', phone: null, email: null });
  });

  it('reads a cell of spaces as empty and trims the others', () => {
    const c = check(['id', 'name', 'phone'], [` ${ULID_ID} `, 'Siti', '  ']);
    expect(c.problems).toEqual([]);
    expect(c.members[0]).toMatchObject({ id: ULID_ID, fields: { phone: null }, phoneKeys: [] });
  });

  it('takes a "—" name with a phone or an email for a missing name, not an anonymised member', () => {
    const c = check(
      ['name', 'phone', 'email'],
      ['—', '0812 3456 7890', ''],
      ['—', '', 'a@kopi.id'],
    );
    expect(c.members).toEqual([]);
    expect(c.problems).toEqual([
      { row: 2, code: 'name.required' },
      { row: 3, code: 'name.required' },
    ]);
  });

  it('reads an anonymised row cut short, and trims its cells', () => {
    const targets: ImportTarget[] = ['name', 'phone', 'joined', 'id', 'stamps'];
    const c = check(
      targets,
      ['—'],
      ['—', '', ' 2025-03-04T10:00:00.000Z ', ` ${ULID_ID} `, ' 6 '],
      ['—', '', '  ', '', ''],
    );
    expect(c.problems).toEqual([]);
    expect(c.members.map((m) => [m.id, m.joinedAt, m.stamps, m.fields.anonymised])).toEqual([
      [null, null, 0, true],
      [ULID_ID, Date.parse('2025-03-04T10:00:00.000Z'), 6, true],
      [null, null, 0, true],
    ]);
  });

  it('reads back a time at the very start of 1970, as the export writes it', () => {
    const epoch = new Date(0).toISOString();
    const c = check(['name', 'consentAt', 'joined'], ['Siti', epoch, epoch]);
    expect(c.problems).toEqual([]);
    expect(c.members[0]).toMatchObject({ joinedAt: 0, fields: { consentAt: 0 } });
  });

  it('refuses a moment before 1970 however it is written, since no tablet could sync it', () => {
    const c = check(
      ['name', 'joined', 'consentAt'],
      ['Siti', '1969-12-31', ''],
      ['Budi', '31/12/1969', ''],
      ['Lan', '1969-12-31T23:59:59.999Z', ''],
      ['Wei', '', '1969-12-31'],
      ['Ana', '01/01/1970', '1970-01-01'],
    );
    expect(c.problems).toEqual([
      { row: 2, code: 'joined.invalid' },
      { row: 3, code: 'joined.invalid' },
      { row: 4, code: 'joined.invalid' },
      { row: 5, code: 'consentAt.invalid' },
    ]);
    expect(c.members.map((m) => [m.fields.name, m.joinedAt, m.fields.consentAt])).toEqual([
      ['Ana', 0, 0],
    ]);
  });

  it('writes a year below 1000 with four digits', () => {
    expect(readDate('0999-05-06', {})).toBe('0999-05-06');
    expect(readDate('6/5/0999', {})).toBe('0999-05-06');
  });
});
