/**
 * One member, one tier: the counter, the owner's members list and the members
 * CSV all count the last 12 months (a lifetime of visits does not make a tier).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv-read';
import { MEMBER_COLUMNS } from '../../domain/member-csv';
import { memberRow } from '../../domain/members-list';
import { DEFAULT_RULES, type ProgramRules } from '../../domain/stamp/rules';
import { memberStanding } from '../../domain/stamp/standing';
import { addStamps, enrollMember } from '../../db/counter';
import { lastYearEvents, shopYearCounts } from '../../db/member-events';
import { SetiaDB } from '../../db/schema';
import { createShop } from '../../db/settings';
import { memberFields, TEST_SHOP } from '../../db/test-db';
import { workerHarness } from './worker-harness';

const ask = workerHarness();
const DAY = 86_400_000;
const program: ProgramRules = {
  ...DEFAULT_RULES,
  tiers: [{ id: 'silver', name: 'Silver', basis: 'visits', threshold: 2, multiplier: 2 }],
};
const db = new SetiaDB(); // the database the worker opens
const ids: Record<string, string> = {};

beforeAll(async () => {
  await createShop(db, { ...TEST_SHOP, program });
  const now = Date.now();
  // Ana: two visits, one of them 400 days ago. Budi: two visits this year.
  for (const [name, visitsDaysAgo] of [
    ['Ana', [400, 10]],
    ['Budi', [300, 10]],
  ] as const) {
    const m = await enrollMember(
      db,
      { fields: memberFields(name), phoneKeys: [] },
      now - 500 * DAY,
    );
    ids[name] = m.id;
    for (const days of visitsDaysAgo)
      await addStamps(db, m.id, 1, { now: now - days * DAY, staffId: 'owner' });
  }
});

describe('a member has the same tier everywhere', () => {
  it.each([
    ['Ana', null],
    ['Budi', 'Silver'],
  ] as const)('%s: counter, members list and CSV say %s', async (name, tier) => {
    const now = Date.now();
    const id = ids[name]!;
    const member = (await db.members.get(id))!;
    expect(member.stats.visits).toBe(2); // lifetime: both would reach the tier

    const counter = memberStanding(program, await lastYearEvents(db, id, now), now).tier;
    const list = memberRow(member, program.tiers, (await shopYearCounts(db, now)).get(id)).tier;
    const answer = await ask({ type: 'export', kind: 'members', today: '2026-03-20' });
    if (answer.type !== 'exported') throw new Error(JSON.stringify(answer));
    const [header, ...rows] = parseCsv((await answer.blob.text()).replace(/^\uFEFF/, '')).rows;
    const row = rows.find((r) => r[0] === id)!;
    const csv = row[header!.indexOf(MEMBER_COLUMNS.at(-1)!)] || null;

    expect({ counter: counter?.name ?? null, list, csv }).toEqual({
      counter: tier,
      list: tier,
      csv: tier,
    });
  });
});
