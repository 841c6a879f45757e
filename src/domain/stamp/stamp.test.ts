import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLedger } from '../balance';
import type { ClubSale, LedgerEvent } from '../ledger';
import { decideCardStamp } from './card';
import { baseStamps } from './earn';
import { DEFAULT_RULES, type ProgramRules, type Promotion, type Tier } from './rules';
import { decideStamp, type StampInput } from './stamp';
import {
  at,
  DAY,
  eventsOf,
  member,
  MIN,
  stored,
  T0,
  withEvents,
  type TestMember,
} from '../testing/stamp';

const rules = (patch: Partial<ProgramRules>): ProgramRules => ({ ...DEFAULT_RULES, ...patch });
const lebaran: Promotion = {
  id: 'leb',
  name: 'Lebaran',
  multiplier: 2,
  from: '2026-03-18',
  to: '2026-03-24',
  weekdays: [],
};

/** Decides a stamp for `m` on `ledger` (all members' events) and, if written, adds its events. */
function tap(
  ledger: LedgerEvent[],
  m: TestMember,
  program: ProgramRules | undefined,
  input: StampInput,
  time: number,
  referrer?: string,
) {
  const decision = decideStamp(
    {
      member: withEvents(m, ledger),
      events: ledger.filter((e) => e.memberId === m.id),
      ...(referrer
        ? { referrer: { id: referrer, events: ledger.filter((e) => e.memberId === referrer) } }
        : {}),
    },
    program,
    input,
    at(time),
  );
  if ('events' in decision) ledger.push(...decision.events.map(stored));
  return decision;
}

describe('a stamp under the program', () => {
  it('without a program is the card’s plain stamp', () => {
    expect(
      decideStamp({ member: member('m1'), events: [] }, undefined, { quantity: 2 }, at(T0)),
    ).toEqual(decideCardStamp('m1', 2, at(T0)));
  });

  it('records the stamps and the rule lines that granted them; the birthday bonus once a year', () => {
    const program = rules({ promotions: [lebaran], birthday: { stamps: 1, windowDays: 7 } });
    const siti = member('m1', { birthday: '1990-03-21' });
    const ledger: LedgerEvent[] = [];
    expect(eventsOf(tap(ledger, siti, program, { quantity: 2 }, T0))).toEqual([
      {
        memberId: 'm1',
        type: 'stamp',
        stamps: 5,
        quantity: 2,
        at: T0,
        staffId: 'owner',
        lines: [
          { rule: 'base', stamps: 2 },
          { rule: 'promo:leb', name: 'Lebaran', stamps: 2, multiplier: 2 },
          { rule: 'birthday', stamps: 1 },
        ],
      },
    ]);
    expect(eventsOf(tap(ledger, siti, program, { quantity: 1 }, T0 + MIN))[0]!.stamps).toBe(2);
    // Next year's birthday week brings it again.
    const nextYear = Date.UTC(2027, 2, 21, 10);
    expect(
      eventsOf(tap(ledger, siti, program, { quantity: 1 }, nextYear))[0]!.lines,
    ).toContainEqual({
      rule: 'birthday',
      stamps: 1,
    });
  });

  it('multiplies by the tier and a running club', () => {
    const gold: Tier = { id: 'gold', name: 'Gold', basis: 'visits', threshold: 2, multiplier: 2 };
    const club: ClubSale = {
      name: 'Kopi Club',
      period: 'week',
      price: 1,
      multiplier: 3,
      until: T0 + DAY,
    };
    const ledger: LedgerEvent[] = [
      stored({ memberId: 'm1', type: 'club', stamps: 0, club, at: T0 - DAY, staffId: 'owner' }),
    ];
    const program = rules({ tiers: [gold] });
    const m = member('m1');
    expect(eventsOf(tap(ledger, m, program, { quantity: 1 }, T0 - 2 * MIN))[0]!.stamps).toBe(3);
    tap(ledger, m, program, { quantity: 1 }, T0 - MIN);
    // Two visits this year: Gold ×2, then the club ×3.
    expect(eventsOf(tap(ledger, m, program, { quantity: 1 }, T0))[0]!.lines).toEqual([
      { rule: 'base', stamps: 1 },
      { rule: 'tier:gold', name: 'Gold', stamps: 1, multiplier: 2 },
      { rule: 'club', stamps: 4, multiplier: 3 },
    ]);
  });

  it('refuses a quantity outside 1..20 under a program too', () => {
    expect(
      decideStamp({ member: member('m1'), events: [] }, rules({}), { quantity: 21 }, at(T0)),
    ).toMatchObject({
      refused: 'quantity.range',
    });
  });

  it('earns per amount spent, and refuses a missing, absurd or too small amount', () => {
    const program = rules({
      earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 25_000 },
    });
    const decide = (amount?: number) =>
      decideStamp(
        { member: member('m1'), events: [] },
        program,
        { quantity: 1, ...(amount === undefined ? {} : { amount }) },
        at(T0),
      );
    for (const amount of [undefined, NaN, 0, -5, 1e13])
      expect(decide(amount)).toEqual({ refused: 'amount.invalid', values: {} });
    expect(decide(10_000)).toEqual({ refused: 'amount.tooSmall', values: { amount: 25_000 } });
    expect(eventsOf(decide(80_000))[0]).toMatchObject({ stamps: 3, quantity: 1, amount: 80_000 });
  });

  it('the cooldown refuses, saying how many and in how long, until an override with a reason', () => {
    const program = rules({ cooldown: { enabled: true, maxStamps: 2, minutes: 60 } });
    const ledger: LedgerEvent[] = [];
    const m = member('m1');
    tap(ledger, m, program, { quantity: 2 }, T0);
    expect(tap(ledger, m, program, { quantity: 1 }, T0 + MIN)).toEqual({
      refused: 'cooldown.blocked',
      values: { count: 2, minutes: 60 },
    });
    expect(tap(ledger, m, program, { quantity: 1, override: '   ' }, T0 + MIN)).toMatchObject({
      refused: 'cooldown.blocked',
    });
    expect(
      eventsOf(
        tap(ledger, m, program, { quantity: 1, override: ' Group of friends ' }, T0 + MIN),
      )[0]!.override,
    ).toEqual({
      reason: 'Group of friends',
    });
    // After the window no override is needed, and a reason given anyway is not recorded.
    expect(
      eventsOf(tap(ledger, m, program, { quantity: 1, override: 'x' }, T0 + 61 * MIN))[0]!.override,
    ).toBeUndefined();
  });

  it('gives the referrer a bonus with the friend’s first stamp, once, and never for oneself', () => {
    const program = rules({ referral: { referrerStamps: 3 } });
    const ledger: LedgerEvent[] = [];
    const eko = member('EKO');
    const fajar = member('FAJAR', { referredBy: 'EKO' });
    const first = eventsOf(tap(ledger, fajar, program, { quantity: 1 }, T0, 'EKO'));
    expect(first[1]).toEqual({
      memberId: 'EKO',
      type: 'bonus',
      stamps: 3,
      lines: [{ rule: 'referral:FAJAR', stamps: 3 }],
      at: T0,
      staffId: 'owner',
    });
    expect(eventsOf(tap(ledger, fajar, program, { quantity: 1 }, T0 + MIN, 'EKO'))).toHaveLength(1);
    expect(foldLedger(ledger.filter((e) => e.memberId === eko.id)).balance).toBe(3);
    // Oneself, or a referrer this tablet does not hold: no bonus.
    const gita = member('GITA', { referredBy: 'GITA' });
    expect(eventsOf(tap(ledger, gita, program, { quantity: 1 }, T0, 'GITA'))).toHaveLength(1);
    const hana = member('HANA', { referredBy: 'EKO' });
    expect(eventsOf(tap(ledger, hana, program, { quantity: 1 }, T0))).toHaveLength(1);
  });
});

const promotionArb = fc.record({
  id: fc.constantFrom('a', 'b'),
  name: fc.constant('Promo'),
  multiplier: fc.double({ min: 1, max: 10, noNaN: true }),
  from: fc.constantFrom(null, '2026-03-01'),
  to: fc.constantFrom(null, '2026-03-25'),
  weekdays: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
});
const programArb = fc.record({
  mode: fc.constantFrom('visit' as const, 'item' as const),
  stampsPerItem: fc.integer({ min: 1, max: 5 }),
  promotions: fc.array(promotionArb, { maxLength: 3 }),
  tierMultiplier: fc.double({ min: 1, max: 10, noNaN: true }),
  birthdayStamps: fc.integer({ min: 0, max: 5 }),
  cooldown: fc.record({
    enabled: fc.boolean(),
    maxStamps: fc.integer({ min: 1, max: 10 }),
    minutes: fc.integer({ min: 5, max: 90 }),
  }),
});
type ProgramDraw = typeof programArb extends fc.Arbitrary<infer T> ? T : never;
const toRules = (p: ProgramDraw): ProgramRules =>
  rules({
    earning: { mode: p.mode, stampsPerItem: p.stampsPerItem, amountPerStamp: 25_000 },
    promotions: p.promotions,
    tiers: [{ id: 't', name: 'Gold', basis: 'visits', threshold: 2, multiplier: p.tierMultiplier }],
    birthday: { stamps: p.birthdayStamps, windowDays: 7 },
    cooldown: p.cooldown,
  });
const tapsArb = fc.array(
  fc.record({
    dt: fc.integer({ min: 0, max: 40 * MIN }),
    quantity: fc.integer({ min: 1, max: 5 }),
    override: fc.option(fc.constantFrom('Party of four', ' '), { nil: undefined }),
  }),
  { maxLength: 15 },
);

describe('stamp properties', () => {
  it('nothing ever lowers a count: a stamp grants at least its base, and the balance only grows', () => {
    fc.assert(
      fc.property(programArb, tapsArb, (p, taps) => {
        const program = toRules(p);
        const m = member('m1', { birthday: '1990-03-21' });
        const ledger: LedgerEvent[] = [];
        let time = T0;
        let balance = 0;
        for (const t of taps) {
          time += t.dt;
          const decision = tap(ledger, m, program, t, time);
          if ('refused' in decision) continue;
          const stamp = decision.events[0]!;
          expect(stamp.stamps).toBeGreaterThanOrEqual(baseStamps(program.earning, t));
          expect(stamp.lines!.every((l) => l.stamps >= 0)).toBe(true);
          const next = foldLedger(ledger).balance;
          expect(next).toBeGreaterThan(balance);
          balance = next;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the cooldown never lets more than K stamps through in M minutes without an override', () => {
    fc.assert(
      fc.property(programArb, tapsArb, (p, taps) => {
        const program = toRules({ ...p, cooldown: { ...p.cooldown, enabled: true } });
        const { maxStamps, minutes } = program.cooldown;
        const m = member('m1');
        const ledger: LedgerEvent[] = [];
        let time = T0;
        for (const t of taps) {
          time += t.dt;
          tap(ledger, m, program, t, time);
        }
        // Every stamp written without an override kept its window at K stamps or fewer, counting
        // what was written up to it (an override at the same instant, written after, is not).
        ledger.forEach((e, i) => {
          if (e.type !== 'stamp' || e.override) return;
          const window = ledger
            .slice(0, i + 1)
            .filter((w) => w.type === 'stamp' && w.at > e.at - minutes * MIN && w.at <= e.at);
          expect(window.reduce((s, w) => s + w.stamps, 0)).toBeLessThanOrEqual(maxStamps);
        });
        // And every override carries a reason.
        expect(ledger.every((e) => !e.override || e.override.reason.trim() !== '')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a member who joined from their own phone', () => {
  const program = rules({ welcomeStamps: 2 });

  it('gets the welcome stamps with the first stamp at the counter, once', () => {
    const ana = member('m9', { selfJoined: true });
    const ledger: LedgerEvent[] = [];
    expect(eventsOf(tap(ledger, ana, program, { quantity: 1 }, T0))).toEqual([
      expect.objectContaining({ type: 'stamp', stamps: 1, memberId: 'm9' }),
      {
        memberId: 'm9',
        type: 'bonus',
        stamps: 2,
        lines: [{ rule: 'welcome', stamps: 2 }],
        at: T0,
        staffId: 'owner',
      },
    ]);
    expect(eventsOf(tap(ledger, ana, program, { quantity: 1 }, T0 + DAY))).toHaveLength(1);
    expect(foldLedger(ledger).balance).toBe(4);
  });

  it('is not welcomed again after the first stamp was undone, nor when enrolled at the counter', () => {
    const ana = member('m9', { selfJoined: true });
    const welcomed: LedgerEvent[] = [
      stored({
        memberId: 'm9',
        type: 'bonus',
        stamps: 2,
        lines: [{ rule: 'welcome', stamps: 2 }],
        at: T0,
        staffId: 'owner',
      }),
    ];
    expect(eventsOf(tap(welcomed, ana, program, { quantity: 1 }, T0 + MIN))).toHaveLength(1);
    const counterMember = member('m8');
    expect(eventsOf(tap([], counterMember, program, { quantity: 1 }, T0))).toHaveLength(1);
    expect(eventsOf(tap([], ana, rules({ welcomeStamps: 0 }), { quantity: 1 }, T0))).toHaveLength(
      1,
    );
  });
});
