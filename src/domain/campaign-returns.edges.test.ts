import { describe, expect, it } from 'vitest';
import { campaignReturns, createCampaignReturns, RETURN_WINDOW_DAYS } from './campaign-returns';
import type { LedgerRow } from './messages';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9);

let seq = 0;
function row(
  type: string,
  memberId: string,
  at: number,
  extra: Partial<LedgerRow> = {},
): LedgerRow {
  seq += 1;
  return { id: `x${seq}`, memberId, type, at, deviceId: 'd', staffId: 's', ...extra };
}
const send = (memberId: string, at: number, campaignId = 'c1') =>
  row('message', memberId, at, { campaignId, channel: 'whatsapp' });
const visit = (memberId: string, at: number) => row('stamp', memberId, at);

const returnedAt = (ledger: LedgerRow[], memberId: string, campaignId = 'c1') =>
  campaignReturns(ledger)
    .get(campaignId)
    ?.members.find((m) => m.memberId === memberId)?.returnedAt;

describe('who came back after a campaign, at the edges of the window', () => {
  it('waits 14 days', () => {
    expect(RETURN_WINDOW_DAYS).toBe(14);
  });

  it('does not count a stamp in the same moment as the message, but one a moment later', () => {
    expect(returnedAt([send('a', T0), visit('a', T0)], 'a')).toBeNull();
    expect(returnedAt([send('a', T0), visit('a', T0 + 1)], 'a')).toBe(T0 + 1);
  });

  it('counts a stamp to the millisecond 14 days after the message, not one after', () => {
    expect(returnedAt([send('a', T0), visit('a', T0 + 14 * DAY)], 'a')).toBe(T0 + 14 * DAY);
    expect(returnedAt([send('a', T0), visit('a', T0 + 14 * DAY + 1)], 'a')).toBeNull();
  });

  it('counts from the first message of a campaign when a member got it twice', () => {
    const ledger = [send('a', T0), visit('a', T0 + 3 * DAY), send('a', T0 + 5 * DAY)];
    expect(returnedAt(ledger, 'a')).toBe(T0 + 3 * DAY);
    expect(returnedAt([...ledger].reverse(), 'a')).toBe(T0 + 3 * DAY);
  });

  it('names the first visit after the message, whatever order the ledger is read in', () => {
    const ledger = [
      visit('a', T0 + 9 * DAY),
      visit('a', T0 + 2 * DAY),
      send('a', T0),
      visit('a', T0 + 5 * DAY),
    ];
    expect(returnedAt(ledger, 'a')).toBe(T0 + 2 * DAY);
    expect(returnedAt([...ledger].reverse(), 'a')).toBe(T0 + 2 * DAY);
  });

  it('skips an undone visit and takes the next one', () => {
    const undone = visit('a', T0 + DAY);
    const ledger = [
      send('a', T0),
      undone,
      row('reversal', 'a', T0 + DAY + 1000, { reverses: undone.id }),
      row('reversal', 'a', T0 + DAY + 2000), // an undo that names nothing changes nothing
      visit('a', T0 + 3 * DAY),
    ];
    expect(returnedAt(ledger, 'a')).toBe(T0 + 3 * DAY);
  });

  it('counts a visit made under a duplicate for the member it was merged into', () => {
    const returns = campaignReturns([send('kept', T0), visit('dup', T0 + DAY)], {
      keptMemberOf: (id) => (id === 'dup' ? 'kept' : id),
    });
    expect(returns.get('c1')).toEqual({
      campaignId: 'c1',
      messaged: 1,
      returned: 1,
      share: 1,
      members: [{ memberId: 'kept', sentAt: T0, returnedAt: T0 + DAY }],
    });
  });
});

describe('each campaign on its own', () => {
  it('keeps each campaign’s members and share apart, and forgets a campaign whose only send was undone', () => {
    const undone = send('c', T0, 'c3');
    const returns = campaignReturns([
      send('a', T0, 'c1'),
      send('b', T0, 'c1'),
      send('c', T0, 'c1'),
      send('a', T0 + 20 * DAY, 'c2'),
      visit('a', T0 + 21 * DAY),
      visit('b', T0 + DAY),
      undone,
      row('reversal', 'c', T0 + 1000, { reverses: undone.id }),
    ]);
    expect([...returns.keys()].sort()).toEqual(['c1', 'c2']);
    const c1 = returns.get('c1')!;
    expect([c1.messaged, c1.returned, c1.share]).toEqual([3, 1, 1 / 3]);
    expect(c1.members.map((m) => [m.memberId, m.returnedAt]).sort()).toEqual([
      ['a', null],
      ['b', T0 + DAY],
      ['c', null],
    ]);
    expect(returns.get('c2')).toEqual({
      campaignId: 'c2',
      messaged: 1,
      returned: 1,
      share: 1,
      members: [{ memberId: 'a', sentAt: T0 + 20 * DAY, returnedAt: T0 + 21 * DAY }],
    });
  });

  it('knows nothing before any message was sent', () => {
    expect(campaignReturns([visit('a', T0)]).size).toBe(0);
    expect(createCampaignReturns().finish().size).toBe(0);
  });
});

describe('a busy shop’s ledger', () => {
  it('keeps every visit when there are thousands of them', () => {
    const ledger: LedgerRow[] = [send('early', T0), send('late', T0)];
    ledger.push(visit('early', T0 + DAY));
    for (let i = 0; i < 2500; i++) ledger.push(visit(`walk-in-${i}`, T0 + DAY));
    ledger.push(visit('late', T0 + 2 * DAY));
    const c1 = campaignReturns(ledger).get('c1')!;
    expect(c1.members.map((m) => [m.memberId, m.returnedAt]).sort()).toEqual([
      ['early', T0 + DAY],
      ['late', T0 + 2 * DAY],
    ]);
  });
});
