import { describe, expect, it } from 'vitest';
import { createAudience, stampDaysOfAudience } from './audience';
import type { LocalDate } from './calendar';
import type { LedgerEvent } from './ledger';
import { yearCounts } from './stamp/standing';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** Thursday 12 March 2026, 10:00 UTC: "now" for the owner's Messages screen. */
const NOW = Date.UTC(2026, 2, 12, 10);
const dayOf = (at: number): LocalDate => new Date(at).toISOString().slice(0, 10);

let seq = 0;
function event(
  type: LedgerEvent['type'],
  memberId: string,
  at: number,
  stamps: number,
  extra: Partial<LedgerEvent> = {},
): LedgerEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    memberId,
    type,
    stamps,
    at,
    deviceId: 'tab',
    staffId: 'owner',
    seq,
    ...extra,
  };
}
const undo = (of: LedgerEvent, at: number, recorded = true): LedgerEvent =>
  event('reversal', of.memberId, at, -of.stamps, {
    reverses: of.id,
    ...(recorded ? { reversed: { type: of.type, stamps: of.stamps } } : {}),
  });

function audienceOf(events: LedgerEvent[], stampDays = true, returns = false) {
  const audience = createAudience({ now: NOW, dayOf, stampDays, returns });
  for (const e of events) audience.add(e);
  return audience;
}

describe('a member’s visits and rewards over the last 12 months (for tiers)', () => {
  it('counts the same 12 months as the counter: a visit a year less 1 ms ago and one right now, not one a full year old nor one in the future', () => {
    const events = [
      event('stamp', 'siti', NOW - YEAR + 1, 1),
      event('stamp', 'siti', NOW, 1),
      event('stamp', 'siti', NOW - YEAR, 1),
      event('stamp', 'siti', NOW + 1, 1),
      event('redeem', 'siti', NOW - YEAR + 1, -10),
      event('redeem', 'siti', NOW - YEAR, -10),
      event('redeem', 'siti', NOW + 60_000, -10),
    ];
    const a = audienceOf(events);
    expect(a.member('siti')).toMatchObject({ visits12: 2, rewards12: 1, clubUntil: null });
    expect(yearCounts(events, NOW)).toEqual({ visits: 2, rewards: 1 });
  });

  it('keeps visits and rewards apart: a bonus or an adjustment is neither', () => {
    const a = audienceOf([
      event('stamp', 'budi', NOW - DAY, 2),
      event('redeem', 'budi', NOW - DAY, -10),
      event('redeem', 'budi', NOW - 2 * DAY, -10),
      event('bonus', 'budi', NOW - DAY, 5),
      event('adjustment', 'budi', NOW - DAY, 3),
    ]);
    expect(a.member('budi')).toMatchObject({ visits12: 1, rewards12: 2 });
  });

  it('takes an undone visit or reward back off the count, on the undo’s own day', () => {
    const visit = event('stamp', 'lan', NOW - 3 * DAY, 2);
    const reward = event('redeem', 'lan', NOW - 3 * DAY, -10);
    const a = audienceOf([
      event('stamp', 'lan', NOW - 5 * DAY, 1),
      visit,
      undo(visit, NOW - 3 * DAY + 60_000),
      event('redeem', 'lan', NOW - 5 * DAY, -10),
      reward,
      undo(reward, NOW - 3 * DAY + 60_000),
    ]);
    expect(a.member('lan')).toMatchObject({ visits12: 1, rewards12: 1 });
  });

  it('knows no member from messages alone', () => {
    const a = audienceOf([
      event('message', 'wei', NOW - DAY, 0, { campaignId: 'c1', channel: 'whatsapp' }),
    ]);
    expect(a.member('wei')).toBeUndefined();
    expect(a.member('nobody')).toBeUndefined();
  });
});

describe('when a paid club membership ends', () => {
  const club = (until: number) => ({
    name: 'Kopi Club',
    period: 'month' as const,
    price: 50_000,
    multiplier: 2,
    until,
  });

  it('is the latest end of any membership sold, in whatever order the ledger comes', () => {
    const later = NOW + 30 * DAY;
    const earlier = NOW + 5 * DAY;
    for (const order of [
      [later, earlier],
      [earlier, later],
    ]) {
      const a = audienceOf(
        order.map((until) => event('club', 'ana', NOW - DAY, 0, { club: club(until) })),
      );
      expect(a.member('ana')).toEqual({
        days: new Map(),
        visits12: 0,
        rewards12: 0,
        clubUntil: later,
      });
    }
  });

  it('stays unknown when the sale does not say when it ends', () => {
    const a = audienceOf([event('club', 'ana', NOW - DAY, 0)]);
    expect(a.member('ana')?.clubUntil).toBeNull();
  });
});

describe('stamp days as expiry reads them', () => {
  it('sums each local day: stamps earned, stamps spent and visits, oldest day first', () => {
    const a = audienceOf([
      event('stamp', 'siti', Date.UTC(2026, 2, 10, 9), 2),
      event('stamp', 'siti', Date.UTC(2026, 2, 10, 18), 3),
      event('bonus', 'siti', Date.UTC(2026, 2, 10, 18), 4),
      event('redeem', 'siti', Date.UTC(2026, 2, 11, 9), -10),
      event('adjustment', 'siti', Date.UTC(2026, 1, 1, 9), 6),
      event('adjustment', 'siti', Date.UTC(2026, 1, 2, 9), -2),
      event('adjustment', 'siti', Date.UTC(2026, 1, 3, 9), 0),
    ]);
    expect(stampDaysOfAudience(a.member('siti'))).toEqual([
      ['2026-02-01', 6, 0, 0],
      ['2026-02-02', 0, 2, 0],
      ['2026-03-10', 9, 0, 2],
      ['2026-03-11', 0, 10, 0],
    ]);
  });

  it('nets an undo into its own day, with the effect it recorded', () => {
    const visit = event('stamp', 'budi', Date.UTC(2026, 2, 10, 9), 3);
    const reward = event('redeem', 'budi', Date.UTC(2026, 2, 10, 9), -10);
    const a = audienceOf([
      event('stamp', 'budi', Date.UTC(2026, 2, 9, 9), 1),
      visit,
      reward,
      undo(visit, Date.UTC(2026, 2, 10, 9, 5)),
      undo(reward, Date.UTC(2026, 2, 11, 9)),
    ]);
    expect(stampDaysOfAudience(a.member('budi'))).toEqual([
      ['2026-03-09', 1, 0, 1],
      ['2026-03-10', 0, 10, 0],
      ['2026-03-11', 0, -10, 0],
    ]);
  });

  it('reads an undo that recorded nothing by its sign: taking stamps back undid a bonus, giving them back a reward', () => {
    const bonus = event('bonus', 'lan', Date.UTC(2026, 2, 10, 9), 4);
    const reward = event('redeem', 'lan', Date.UTC(2026, 2, 10, 9), -10);
    const a = audienceOf([
      event('stamp', 'lan', Date.UTC(2026, 2, 10, 8), 10),
      bonus,
      reward,
      undo(bonus, Date.UTC(2026, 2, 10, 10), false),
      undo(reward, Date.UTC(2026, 2, 10, 10), false),
    ]);
    expect(stampDaysOfAudience(a.member('lan'))).toEqual([['2026-03-10', 10, 0, 1]]);
    expect(a.member('lan')).toMatchObject({ visits12: 1, rewards12: 0 });
  });

  it('leaves out an undo of an undo, and a day where everything was undone', () => {
    const visit = event('stamp', 'ana', Date.UTC(2026, 2, 10, 9), 2);
    const first = undo(visit, Date.UTC(2026, 2, 10, 9, 1));
    const a = audienceOf([visit, first, undo(first, Date.UTC(2026, 2, 11, 9))]);
    expect(stampDaysOfAudience(a.member('ana'))).toEqual([]);
    expect(a.member('ana')?.visits12).toBe(0);
  });

  it('keeps no days when the shop’s stamps never expire', () => {
    const a = audienceOf([event('stamp', 'wei', NOW - DAY, 2)], false);
    expect(a.member('wei')).toEqual({ days: null, visits12: 1, rewards12: 0, clubUntil: null });
    expect(stampDaysOfAudience(a.member('wei'))).toEqual([]);
    expect(stampDaysOfAudience(undefined)).toEqual([]);
  });
});

describe('the campaigns’ sends and returns', () => {
  it('lists the sends, without one someone undid', () => {
    const sent = event('message', 'siti', NOW - 2 * DAY, 0, { campaignId: 'c1', channel: 'zalo' });
    const undone = event('message', 'budi', NOW - 2 * DAY, 0, {
      campaignId: 'c1',
      channel: 'whatsapp',
    });
    const a = audienceOf([sent, undone, undo(undone, NOW - 2 * DAY + 60_000)]);
    expect(a.sends()).toEqual([
      {
        id: sent.id,
        campaignId: 'c1',
        memberId: 'siti',
        channel: 'zalo',
        at: NOW - 2 * DAY,
        deviceId: 'tab',
        staffId: 'owner',
      },
    ]);
  });

  it('tells who came back after a campaign only when asked to', () => {
    const events = [
      event('message', 'siti', NOW - 10 * DAY, 0, { campaignId: 'c1', channel: 'whatsapp' }),
      event('stamp', 'siti', NOW - 4 * DAY, 1),
    ];
    expect(audienceOf(events, false, true).returns().get('c1')).toMatchObject({
      messaged: 1,
      returned: 1,
      share: 1,
      members: [{ memberId: 'siti', sentAt: NOW - 10 * DAY, returnedAt: NOW - 4 * DAY }],
    });
    expect(audienceOf(events, false, false).returns()).toEqual(new Map());
    const a = createAudience({ now: NOW, dayOf, stampDays: false });
    for (const e of events) a.add(e);
    expect(a.returns().size).toBe(0);
  });
});

describe('a member’s stamp days as expiry reads them', () => {
  it('come oldest first, whatever order the ledger arrived in', () => {
    const a = audienceOf([
      event('stamp', 'rina', NOW - 1 * DAY, 1),
      event('stamp', 'rina', NOW - 3 * DAY, 2),
      event('stamp', 'rina', NOW - 2 * DAY, 3),
      event('stamp', 'rina', NOW - 5 * DAY, 4),
    ]);
    expect(stampDaysOfAudience(a.member('rina')).map(([day, earned]) => [day, earned])).toEqual([
      ['2026-03-07', 4],
      ['2026-03-09', 2],
      ['2026-03-10', 3],
      ['2026-03-11', 1],
    ]);
  });

  it('keep a visit that earned no stamps (the counter’s limit reached): it is still a visit', () => {
    const a = audienceOf([event('stamp', 'rina', NOW - DAY, 0)]);
    expect(stampDaysOfAudience(a.member('rina'))).toEqual([['2026-03-11', 0, 0, 1]]);
  });
});
