/**
 * Imported members are real members: they reach the shop's other tablets
 * through the real sync server (Hono app over in-memory SQLite), with their
 * ids, details, joined date and carried-over stamps, and are found there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMembers } from '../db/csv';
import { searchMembers } from '../db/members';
import type { SetiaDB } from '../db/schema';
import { parseCsv } from '../domain/csv-read';
import { checkImportRows, guessMapping } from '../domain/member-csv';
import { openHarness, type Harness } from '../../tests/support/tablets';
import { pendingCount } from './outgoing';

const NOW = 1_750_000_000_000;
let h: Harness;

beforeAll(async () => {
  h = await openHarness({ now: NOW });
});
afterAll(() => h.store.close());

async function twoTablets(): Promise<[SetiaDB, SetiaDB]> {
  const [a, b] = await h.shopWithTablets(1);
  return [a!, b!];
}

describe('imported members and sync', () => {
  it('reach the other tablet with their details, joined date and stamps', async () => {
    const [a, b] = await twoTablets();
    const rows = parseCsv(
      [
        'name,phone,joined,current stamps',
        ...Array.from({ length: 1200 }, (_, i) => `Member ${i},,2024-0${1 + (i % 9)}-15,${i % 4}`),
        'Nguyễn Thị Hà,0812-3456-789,2023-05-01,7',
      ].join('\r\n'),
    ).rows;
    const check = checkImportRows(rows, guessMapping(rows[0]!), {
      country: 'ID',
      today: '2026-11-25',
    });
    expect(check.problems).toEqual([]);
    await importMembers(a, check.members, { now: NOW, staffId: 'owner', reason: 'Carried over' });
    expect(await pendingCount(a)).toBe(1201 + 900 + 1);

    await h.round(a);
    expect(await pendingCount(a)).toBe(0);
    await h.round(b);

    expect(await b.members.count()).toBe(1201);
    const [ha] = await searchMembers(b, '0812 3456');
    const original = (await searchMembers(a, 'nguyen ha'))[0]!;
    expect(ha).toMatchObject({
      id: original.id,
      name: 'Nguyễn Thị Hà',
      phone: '+628123456789',
      joinedAt: Date.parse('2023-05-01T00:00:00Z'),
    });
    expect(ha!.placeholder).toBeUndefined();
    expect(ha!.stats.balance).toBe(7);
    expect((await searchMembers(b, 'member 1199'))[0]!.stats.balance).toBe(3);
  }, 60_000);
});
