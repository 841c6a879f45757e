import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from './ledger';
import { createColumnsBuilder, eachColumnEvent, type LedgerColumns } from './ledger-columns';

const T = Date.UTC(2026, 10, 1);
const base = { deviceId: 'd', seq: 1, staffId: 'ana', memberId: 'm1', at: T };

function pack(list: readonly LedgerEvent[]): { cols: LedgerColumns; back: LedgerEvent[] } {
  const builder = createColumnsBuilder();
  for (const e of list) builder.add(e);
  const cols = builder.finish();
  const back: LedgerEvent[] = [];
  eachColumnEvent(cols, (e) => back.push(e));
  return { cols, back };
}
/** What comes back: the event without its device and sequence (not kept). */
const kept = (e: LedgerEvent) => ({ ...e, deviceId: '', seq: 0 });

describe('the ledger as columns at its edges', () => {
  it('gives back exactly the fields an event had, no more', () => {
    const plain: LedgerEvent = { ...base, id: 'a', type: 'stamp', stamps: 3 };
    const { cols, back } = pack([plain]);
    expect(back).toStrictEqual([kept(plain)]);
    expect(cols.extras).toStrictEqual({});
    expect([cols.at.length, cols.stamps.length, cols.type.length, cols.flags.length]).toEqual([
      1, 1, 1, 1,
    ]);
    expect([cols.member.length, cols.staff.length]).toEqual([1, 1]);
  });

  it('keeps an undo’s target and what it undid, a send’s campaign and channel, a type it does not know', () => {
    const undo: LedgerEvent = {
      ...base,
      id: 'u',
      type: 'reversal',
      stamps: -2,
      reverses: 's',
      reversed: { type: 'stamp', stamps: 2 },
    };
    const send = {
      ...base,
      id: 'm',
      type: 'message',
      stamps: 0,
      campaignId: 'c1',
      channel: 'whatsapp',
    } as LedgerEvent;
    const future = { ...base, id: 'x', type: 'gift-card', stamps: 0 } as unknown as LedgerEvent;
    const { cols, back } = pack([undo, send, future]);
    expect(back).toStrictEqual([undo, send, future].map(kept));
    expect(cols.extras).toStrictEqual({
      0: { reverses: 's', reversed: { type: 'stamp', stamps: 2 } },
      1: { type: 'message', campaignId: 'c1', channel: 'whatsapp' },
      2: { type: 'gift-card' },
    });
  });

  it('keeps a club sale only on a club event, a rating and a comment, an override and a donation', () => {
    const club = { name: 'Kopi Club', period: 'month', price: 50_000, multiplier: 2, until: T };
    const sale = { ...base, id: 'c', type: 'club', stamps: 0, club } as LedgerEvent;
    const stray = { ...base, id: 's', type: 'stamp', stamps: 1, club } as LedgerEvent;
    const rated = { ...base, id: 'r', type: 'adjustment', stamps: 0, rating: 5, comment: '' };
    const overridden = { ...base, id: 'o', type: 'stamp', stamps: 1, override: { reason: '' } };
    const donated = { ...base, id: 'd', type: 'redeem', stamps: -10, rewardKind: 'donation' };
    const { back } = pack([sale, stray, rated, overridden, donated] as LedgerEvent[]);
    expect(back).toStrictEqual([
      kept(sale),
      kept({ ...base, id: 's', type: 'stamp', stamps: 1 }),
      kept(rated as LedgerEvent),
      kept(overridden as LedgerEvent),
      kept(donated as LedgerEvent),
    ]);
  });

  it('gives nothing back from an empty ledger', () => {
    const { cols, back } = pack([]);
    expect(cols.count).toBe(0);
    expect(back).toEqual([]);
  });
});

describe('the ledger as columns, odd fields', () => {
  it('takes an override left empty for none', () => {
    const odd = {
      ...base,
      id: 'n',
      type: 'stamp',
      stamps: 1,
      override: null,
    } as unknown as LedgerEvent;
    const { cols, back } = pack([odd]);
    expect(cols.flags[0]).toBe(0);
    expect(back).toStrictEqual([kept({ ...base, id: 'n', type: 'stamp', stamps: 1 })]);
  });
});
