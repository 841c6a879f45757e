import { describe, expect, it } from 'vitest';
import { campaignReturns, createCampaignReturns } from './campaign-returns';
import type { LedgerRow } from './messages';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9);

let seq = 0;
function row(
  type: string,
  memberId: string,
  day: number,
  extra: Partial<LedgerRow> = {},
): LedgerRow {
  seq += 1;
  return {
    id: `e${seq}`,
    memberId,
    type,
    at: T0 + day * DAY,
    deviceId: 'd',
    staffId: 's',
    ...extra,
  };
}
const send = (memberId: string, day: number, campaignId = 'c1') =>
  row('message', memberId, day, { campaignId, channel: 'whatsapp' });
const visit = (memberId: string, day: number) => row('stamp', memberId, day);

describe('campaign returns', () => {
  const undoneSend = send('d', 0);
  const undoneVisit = visit('f', 1);
  const ledger: LedgerRow[] = [
    send('a', 0),
    visit('a', 3), // came back
    send('b', 0),
    visit('b', -1), // before the message
    visit('b', 15), // too late
    send('c', 5), // a second tablet sent it again later: the first message counts
    send('c', 0),
    { ...visit('c', 14) }, // the 14th day still counts
    undoneSend,
    row('reversal', 'd', 0.01, { reverses: undoneSend.id }),
    visit('d', 2),
    send('e-dup', 0), // sent to a duplicate, merged since into e
    visit('e', 6),
    send('f', 0),
    undoneVisit,
    row('reversal', 'f', 1.001, { reverses: undoneVisit.id }),
    send('f', 1, 'c2'),
    visit('g', 2), // never messaged
  ];

  it('counts the members who came for a stamp within 14 days of their message, and the share', () => {
    const returns = campaignReturns(ledger, { keptMemberOf: (id) => (id === 'e-dup' ? 'e' : id) });
    const c1 = returns.get('c1')!;
    expect({ messaged: c1.messaged, returned: c1.returned, share: c1.share }).toEqual({
      messaged: 5,
      returned: 3,
      share: 0.6,
    });
    expect(
      c1.members
        .map((m) => [m.memberId, (m.sentAt - T0) / DAY, m.returnedAt && (m.returnedAt - T0) / DAY])
        .sort(),
    ).toEqual([
      ['a', 0, 3],
      ['b', 0, null],
      ['c', 0, 14],
      ['e', 0, 6],
      ['f', 0, null],
    ]);
    expect(returns.get('c2')).toMatchObject({ messaged: 1, returned: 0, share: 0 });
  });

  it('gives the same figures whatever the order the ledger is read in', () => {
    const forward = campaignReturns(ledger).get('c1')!;
    const backward = createCampaignReturns();
    for (const e of [...ledger].reverse()) backward.add(e);
    const b = backward.finish().get('c1')!;
    expect([b.messaged, b.returned]).toEqual([forward.messaged, forward.returned]);
    // Without the merge, the duplicate's message finds no visit of its own.
    expect([forward.messaged, forward.returned]).toEqual([5, 2]);
  });

  it('takes a shorter window when asked', () => {
    expect(campaignReturns(ledger, { windowDays: 7 }).get('c1')!.returned).toBe(1);
  });
});
