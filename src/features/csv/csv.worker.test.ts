/**
 * The CSV worker as the owner's screens use it (messages in, messages out), on
 * fake-indexeddb: the import's row cap at its edge, and the formula guard in
 * every CSV it writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv-read';
import { phoneKeys } from '../../domain/phone';
import { DEFAULT_RULES } from '../../domain/stamp/rules';
import { enrollMember } from '../../db/counter';
import { SetiaDB } from '../../db/schema';
import { createShop } from '../../db/settings';
import { memberFields, TEST_SHOP } from '../../db/test-db';
import { workerHarness } from './worker-harness';

const ask = workerHarness();

const CTX = { country: 'ID', today: '2026-03-20' };
const fileOf = (rows: number) =>
  new File(['name\r\n' + 'Pelanggan\r\n'.repeat(rows)], 'members.csv', { type: 'text/csv' });

// Parsing 200,000 rows takes a few seconds on a loaded 2-core machine.
describe('CSV import row cap', { timeout: 30_000 }, () => {
  it('reads a file of 200,000 members', async () => {
    const answer = await ask({ type: 'read', file: fileOf(200_000), ctx: CTX });
    expect(answer).toMatchObject({ type: 'read', preview: { rowCount: 200_000 } });
  });

  it('refuses a file of 200,001 members, before checking any row', async () => {
    const answer = await ask({ type: 'read', file: fileOf(200_001), ctx: CTX });
    expect(answer).toEqual({ type: 'failed', fileError: 'tooManyRows' });
  });
});

describe('formula guard in every CSV the app writes', () => {
  const FORMULAS = ['=HYPERLINK("http://x")', '+62 1', '-1+1', '@SUM(A1)', '\tTAB'];
  // Cells that are numbers the app wrote (a reversal's "-3"), not text a person typed.
  const NUMERIC = /^-?\d+$/;

  const dangerous = (csv: string) =>
    parseCsv(csv.replace(/^\uFEFF/, ''))
      .rows.flat()
      .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !NUMERIC.test(cell));

  beforeAll(async () => {
    const db = new SetiaDB(); // the database the worker opens
    // A tier every member reaches, named like a formula: the members export writes its name.
    const tier = { id: 't', name: '=Gold', basis: 'visits' as const, threshold: 0, multiplier: 2 };
    await createShop(db, { ...TEST_SHOP, program: { ...DEFAULT_RULES, tiers: [tier] } });
    const member = await enrollMember(
      db,
      {
        fields: { ...memberFields(FORMULAS[0]!, '+62 812 3456 7890'), email: '=1+1@x.id' },
        phoneKeys: phoneKeys('+62 812 3456 7890'),
      },
      Date.UTC(2026, 2, 20),
    );
    await db.events.add({
      id: '01JTESTEVENT00000000000001',
      memberId: member.id,
      type: 'redeem',
      stamps: -10,
      at: Date.UTC(2026, 2, 20, 12),
      deviceId: '=DEVICE()',
      staffId: '+STAFF',
      seq: 99,
      rewardId: 'r1',
      rewardName: '@REWARD',
      reason: '-REASON',
    });
    await db.events.add({
      id: '01JTESTEVENT00000000000002',
      memberId: member.id,
      type: 'reversal',
      stamps: 10,
      at: Date.UTC(2026, 2, 20, 12, 1),
      deviceId: 'tab',
      staffId: 'owner',
      seq: 100,
      reverses: '01JTESTEVENT00000000000001',
      override: { reason: '=OVERRIDE()' },
    });
    db.close();
  });

  it.each(['members', 'ledger'] as const)(
    'the %s export has no cell a spreadsheet would run',
    async (kind) => {
      const answer = await ask({ type: 'export', kind, today: '2026-03-20' });
      if (answer.type !== 'exported') throw new Error(JSON.stringify(answer));
      const csv = await answer.blob.text();
      expect(csv).toContain("'=HYPERLINK"); // the member's name is there, guarded
      expect(dangerous(csv)).toEqual([]);
    },
  );
});
