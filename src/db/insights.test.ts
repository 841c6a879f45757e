import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import { readInsights } from './insights';
import type { SetiaDB } from './schema';
import { freshDb, memberFields } from './test-db';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 1);
let db: SetiaDB;
afterEach(() => db?.close());

function stamp(id: string, memberId: string, dayNo: number, stamps = 1): LedgerEvent {
  return {
    id,
    memberId,
    type: 'stamp',
    stamps,
    at: T + dayNo * DAY,
    deviceId: 'd',
    staffId: 'owner',
    seq: Number(id.slice(1)),
  };
}

/** The first `days` days from T, read on the last of them, in UTC. */
const optionsFor = (days: number) => ({
  from: T,
  to: T + days * DAY,
  now: T + days * DAY,
  churnDays: 60,
  stampsPerCard: 10,
  dayOf: (at: number) => new Date(at).toISOString().slice(0, 10),
});

function member(id: string, name: string, events: LedgerEvent[]): Member {
  return {
    id,
    ...memberFields(name),
    joinedAt: T - 100 * DAY,
    nameWords: [],
    phoneKeys: [],
    clocks: {},
    stats: foldLedger(
      events.filter((e) => e.memberId === id),
      EMPTY_STATS,
    ),
  };
}

describe('insights read from the local ledger', () => {
  it('reads event rows and packed history, counting an event held in both once', async () => {
    db = await freshDb();
    // Packed history: 2,500 old visits by m1 (three packs), and e1 which is also a row.
    const old = Array.from({ length: 2500 }, (_, i) => stamp(`p${i + 1}`, 'm1', -50 - (i % 40)));
    const e1 = stamp('e1', 'm2', 2, 3);
    const rows = [e1, stamp('e2', 'm2', 3), stamp('e3', 'm1', 4, 2)];
    const all = [...old, ...rows];
    await db.eventPacks.bulkPut([
      { id: 'a', events: old.slice(0, 1000) },
      { id: 'b', events: old.slice(1000, 2000) },
      { id: 'c', events: [...old.slice(2000), e1] },
    ]);
    await db.events.bulkPut(rows);
    await db.members.bulkPut([member('m1', 'Siti', all), member('m2', 'Budi', all)]);

    const progress: number[] = [];
    const options = optionsFor(7);
    const r = await readInsights(db, options, (p) => progress.push(p));
    expect(r.events).toBe(2503);
    expect(r.insights.stampsEarned).toBe(6); // 3 + 1 + 2, e1 once
    expect(r.insights.newVisits).toBe(1); // m2's first visit, day 2
    expect(r.insights.returningVisits).toBe(2);
    expect(r.insights.topMembers).toEqual([
      { memberId: 'm2', visits: 2, stamps: 4 },
      { memberId: 'm1', visits: 1, stamps: 2 },
    ]);
    expect(r.insights.outstandingRewards).toBe(250); // m1: 2,502 stamps
    expect(r.names).toEqual({ m1: 'Siti', m2: 'Budi' });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // The second time the packed history comes from its cache, with the same answers;
    // and from the member rows' cached stats, the same again.
    expect(await db.settings.get('insights.packColumns')).toBeDefined();
    const again = await readInsights(db, options);
    expect({ ...again, timings: null }).toEqual({ ...r, timings: null });
    const fromRows = await readInsights(db, options, undefined, { memberRows: true });
    expect(fromRows.insights).toEqual(r.insights);

    // New packs (another join) make a new cache rather than use the old one.
    await db.eventPacks.put({ id: 'd', events: [stamp('p9001', 'm3', 5, 4)] });
    await db.members.put(member('m3', 'Dewi', [stamp('p9001', 'm3', 5, 4)]));
    const more = await readInsights(db, options);
    expect(more.events).toBe(2504);
    expect(more.insights.stampsEarned).toBe(10);
    expect(more.insights.members).toBe(3);
  });

  it("counts each campaign's members who came back within 14 days, with their names", async () => {
    db = await freshDb();
    const send = (
      id: string,
      memberId: string,
      dayNo: number,
      campaignId: string,
    ): LedgerEvent => ({
      id,
      memberId,
      type: 'message',
      stamps: 0,
      at: T + dayNo * DAY,
      deviceId: 'd',
      staffId: 'owner',
      seq: Number(id.slice(1)),
      campaignId,
      channel: 'whatsapp',
    });
    const events = [
      send('s1', 'm1', 0, 'miss-you'),
      send('s2', 'm2', 0, 'miss-you'),
      send('s3', 'm3', 0, 'miss-you'),
      stamp('e4', 'm1', 13), // back on day 13: counts
      stamp('e5', 'm2', 15), // day 15: too late
      stamp('e6', 'm3', -1), // before the message: not a return
      send('s7', 'm2', 20, 'birthday'),
      stamp('e8', 'm2', 21),
    ];
    // Half in packed history, half as rows: both are read.
    await db.eventPacks.put({ id: 'a', events: events.slice(0, 4) });
    await db.events.bulkPut(events.slice(4));
    await db.members.bulkPut([
      member('m1', 'Siti', events),
      member('m2', 'Budi', events),
      member('m3', 'Dewi', events),
    ]);
    const options = optionsFor(30);
    const r = await readInsights(db, options, undefined, { campaignReturns: true });
    const byId = Object.fromEntries(r.campaigns.map((c) => [c.campaignId, c]));
    expect(byId['miss-you']).toEqual({
      campaignId: 'miss-you',
      messaged: 3,
      returned: 1,
      back: [{ memberId: 'm1', returnedAt: T + 13 * DAY }],
    });
    expect(byId['birthday']).toMatchObject({ messaged: 1, returned: 1 });
    expect(r.names).toMatchObject({ m1: 'Siti', m2: 'Budi' });
    // Not asked (a shop with no campaigns): nothing counted.
    expect((await readInsights(db, options)).campaigns).toEqual([]);
  });
});
