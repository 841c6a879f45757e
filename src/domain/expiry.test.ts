import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATS, effectiveEvents, foldLedger } from './balance';
import { addDays, addMonths, type LocalDate } from './calendar';
import {
  balanceAfterExpiry,
  EXPIRY_OFF,
  expiryOn,
  expiryView,
  foldExpiryStats,
  foldStampDays,
  legacyStampDays,
  memberExpiry,
  outstandingRewards,
  savedExpiryRule,
  shopDayOf,
  validateExpiryRule,
  type ExpiryRule,
  type StampDay,
} from './expiry';
import { sortEvents, type EventType, type LedgerEvent } from './ledger';

const DAY = 86_400_000;
/** Tests count days in UTC; the app passes the shop's zone. */
const dayOf = (at: number): LocalDate => new Date(at).toISOString().slice(0, 10);
const at = (day: LocalDate, hour = 10) => Date.parse(`${day}T00:00:00Z`) + hour * 3600_000;

let n = 0;
function ev(
  type: EventType,
  stamps: number,
  day: LocalDate,
  extra: Partial<LedgerEvent> = {},
): LedgerEvent {
  n += 1;
  return {
    id: `e${String(n).padStart(5, '0')}`,
    memberId: 'm1',
    type,
    stamps,
    at: at(day),
    deviceId: 'd1',
    staffId: 's',
    seq: n,
    ...extra,
  };
}
/** A reversal as the counter would write it, recording when the undone event was made. */
function undo(target: LedgerEvent, when: number, recordAt = true): LedgerEvent {
  n += 1;
  return {
    id: `e${String(n).padStart(5, '0')}`,
    memberId: target.memberId,
    type: 'reversal',
    stamps: -target.stamps,
    reverses: target.id,
    reversed: {
      type: target.type,
      stamps: target.stamps,
      ...(recordAt ? { at: target.at } : {}),
    } as LedgerEvent['reversed'],
    at: when,
    deviceId: 'd1',
    staffId: 's',
    seq: n,
  };
}

const earned = (months: number, since = '2020-01-01'): ExpiryRule => ({
  mode: 'earned',
  months,
  since,
});
const lastVisit = (months: number, since = '2020-01-01'): ExpiryRule => ({
  mode: 'lastVisit',
  months,
  since,
});
const view = (events: LedgerEvent[], rule: ExpiryRule, today: LocalDate) =>
  expiryView(foldStampDays(events, [], dayOf), rule, today);

describe('expiry N months after stamps were earned (oldest spent first)', () => {
  it('announces the stamps that expire next, counts them on their last day, then drops them', () => {
    const events = [ev('stamp', 3, '2025-12-12')];
    expect(view(events, earned(3), '2026-01-05')).toMatchObject({
      balance: 3,
      expired: 0,
      next: { on: '2026-03-12', stamps: 3 },
    });
    expect(view(events, earned(3), '2026-03-12').balance).toBe(3);
    expect(view(events, earned(3), '2026-03-13')).toMatchObject({
      plainBalance: 3,
      balance: 0,
      expired: 3,
      next: null,
    });
  });

  it('spends the oldest stamps first, so the newer ones live on', () => {
    const events = [
      ev('stamp', 6, '2026-01-10'),
      ev('stamp', 6, '2026-02-20'),
      ev('adjustment', -4, '2026-03-01', { reason: 'typo' }),
    ];
    expect(view(events, earned(3), '2026-04-11')).toMatchObject({
      balance: 6,
      expired: 2,
      next: { on: '2026-05-20', stamps: 6 },
    });
  });

  it('counts a month to the same date, or the month’s last day', () => {
    const events = [ev('stamp', 1, '2026-11-30')];
    expect(view(events, earned(3), '2026-12-01').next).toEqual({ on: '2027-02-28', stamps: 1 });
  });

  it('lists every stamp’s last day, soonest first', () => {
    const events = [
      ev('stamp', 2, '2026-01-05'),
      ev('bonus', 1, '2026-01-05'),
      ev('stamp', 4, '2026-02-01'),
    ];
    expect(view(events, earned(2), '2026-02-02').schedule).toEqual([
      { on: '2026-03-05', stamps: 3 },
      { on: '2026-04-01', stamps: 4 },
    ]);
  });
});

describe('expiry N months after the last visit', () => {
  it('keeps every stamp while visits come, and drops them all once N months pass without one', () => {
    const events = [ev('stamp', 6, '2026-01-10'), ev('stamp', 2, '2026-03-01')];
    expect(view(events, lastVisit(3), '2026-06-01')).toMatchObject({
      balance: 8,
      next: { on: '2026-06-01', stamps: 8 },
    });
    expect(view(events, lastVisit(3), '2026-06-02')).toMatchObject({ balance: 0, expired: 8 });
  });

  it('does not bring expired stamps back at the next visit', () => {
    const events = [ev('stamp', 6, '2026-01-10'), ev('stamp', 1, '2026-06-15')];
    expect(view(events, lastVisit(3), '2026-06-15')).toMatchObject({ balance: 1, expired: 6 });
  });

  it('gives a bonus earned after the last visit its own N months', () => {
    const events = [
      ev('stamp', 3, '2026-01-10'),
      ev('bonus', 1, '2026-01-20', { lines: [{ rule: 'feedback', stamps: 1 }] }),
    ];
    expect(view(events, lastVisit(3), '2026-02-01').schedule).toEqual([
      { on: '2026-04-10', stamps: 3 },
      { on: '2026-04-20', stamps: 1 },
    ]);
  });
});

describe('expiry and the rest of the ledger', () => {
  it('never expires anything before the rule’s start: older stamps count from that day', () => {
    const events = [ev('stamp', 5, '2024-01-01')];
    const rule = earned(3, '2026-02-01');
    expect(view(events, rule, '2026-05-01')).toMatchObject({
      balance: 5,
      next: { on: '2026-05-01', stamps: 5 },
    });
    expect(view(events, rule, '2026-05-02').balance).toBe(0);
  });

  it('changes nothing while off', () => {
    const events = [ev('stamp', 5, '2020-01-01'), ev('redeem', -10, '2020-02-01')];
    expect(view(events, EXPIRY_OFF, '2026-01-01')).toEqual({
      plainBalance: -5,
      balance: -5,
      expired: 0,
      next: null,
      schedule: [],
    });
  });

  it('treats an undone stamp as never earned, even across midnight', () => {
    const stamp = ev('stamp', 3, '2026-01-10');
    const lateNight = { ...ev('stamp', 2, '2026-01-11'), at: at('2026-01-11', 23.95) };
    const events = [stamp, undo(stamp, stamp.at + 60_000), lateNight];
    events.push(undo(lateNight, at('2026-01-12', 0.05)));
    expect(foldStampDays(events, [], dayOf)).toEqual([]);
    expect(view(events, earned(1), '2026-01-12').balance).toBe(0);
  });

  it('gives an undone reward’s stamps back with their own dates: expired if their time is up', () => {
    const old = ev('stamp', 10, '2026-01-01');
    const redeem = ev('redeem', -10, '2026-03-25');
    const events = [old, redeem, undo(redeem, at('2026-04-10'))];
    expect(view(events, earned(3), '2026-04-10')).toMatchObject({ balance: 0, expired: 10 });
  });

  it('does not count an undone stamp as expired, even when undone after its time', () => {
    const stamp = ev('stamp', 3, '2026-01-01');
    const events = [stamp, ev('stamp', 2, '2026-05-01'), undo(stamp, at('2026-05-05'))];
    expect(view(events, earned(3), '2026-05-06')).toMatchObject({ balance: 2, expired: 0 });
  });

  it('keeps stamps owed after a conflict owed (they never expire) and pays them from new stamps', () => {
    const events = [
      ev('stamp', 10, '2026-01-01'),
      ev('redeem', -10, '2026-01-02', { deviceId: 'a' }),
      ev('redeem', -10, '2026-01-02', { deviceId: 'b' }),
    ];
    expect(view(events, earned(1), '2026-09-01')).toMatchObject({ balance: -10, expired: 0 });
    events.push(ev('stamp', 12, '2026-09-01'));
    expect(view(events, earned(1), '2026-09-02')).toMatchObject({
      balance: 2,
      next: { on: '2026-10-01', stamps: 2 },
    });
  });

  it('dates stamps added by an adjustment the day they were added; a settled conflict needs no stamps', () => {
    const events = [
      ev('stamp', 4, '2026-01-01'),
      ev('adjustment', 3, '2026-03-01', { reason: 'paper card' }),
      ev('adjustment', 0, '2026-03-02', { resolves: ['x'], reason: 'keep owed' }),
      ev('club', 0, '2026-03-03'),
    ];
    expect(view(events, earned(3), '2026-03-10').schedule).toEqual([
      { on: '2026-04-01', stamps: 4 },
      { on: '2026-06-01', stamps: 3 },
    ]);
  });

  it('does not let an event dated in the future (a tablet’s clock ahead) expire stamps early', () => {
    const events = [ev('stamp', 5, '2026-01-01'), ev('stamp', 1, '2027-06-01')];
    expect(view(events, earned(3), '2026-02-01').balance).toBe(6);
  });

  it('reads a member’s balance after expiry from cached stats, with or without stamp days', () => {
    const events = [ev('stamp', 4, '2026-01-01'), ev('stamp', 3, '2026-05-01')];
    const rule = earned(3);
    expect(
      balanceAfterExpiry(foldExpiryStats(events, undefined, dayOf), rule, '2026-05-02', dayOf),
    ).toBe(3);
    // Cached before expiry existed: all 7 count from the last event's day.
    expect(balanceAfterExpiry(foldLedger(events), rule, '2026-05-02', dayOf)).toBe(7);
    expect(balanceAfterExpiry(foldLedger(events), EXPIRY_OFF, '2030-01-01', dayOf)).toBe(7);
  });

  it('gives the outstanding rewards without expired stamps', () => {
    const members = [
      { stats: foldExpiryStats([ev('stamp', 20, '2026-01-01')], undefined, dayOf) },
      { stats: foldExpiryStats([ev('stamp', 12, '2026-05-01')], undefined, dayOf) },
      // cached before expiry existed: its stamps count from its last event day
      { stats: foldLedger([ev('stamp', 10, '2026-05-01')]) },
    ];
    expect(outstandingRewards(members, earned(3), '2026-06-01', 10, dayOf)).toEqual({
      rewards: 2,
      expiredStamps: 20,
    });
    expect(outstandingRewards(members, EXPIRY_OFF, '2026-06-01', 10, dayOf).rewards).toBe(4);
  });
});

describe('the expiry rule', () => {
  it('restarts its count when the owner changes it, so nobody loses stamps without notice', () => {
    const first = savedExpiryRule(undefined, { mode: 'earned', months: 12 }, '2026-01-01');
    expect(first).toEqual({ mode: 'earned', months: 12, since: '2026-01-01' });
    expect(savedExpiryRule(first, { mode: 'earned', months: 12 }, '2026-05-01')).toBe(first);
    expect(savedExpiryRule(first, { mode: 'earned', months: 6 }, '2026-05-01')).toEqual({
      mode: 'earned',
      months: 6,
      since: '2026-05-01',
    });
    expect(savedExpiryRule(first, { mode: 'off' }, '2026-05-01')).toEqual(EXPIRY_OFF);
  });

  it('takes 1 to 36 whole months', () => {
    expect(validateExpiryRule(earned(0))).toEqual(['expiry.months']);
    expect(validateExpiryRule(earned(37))).toEqual(['expiry.months']);
    expect(validateExpiryRule(lastVisit(2.5))).toEqual(['expiry.months']);
    expect(validateExpiryRule({ mode: 'earned', months: 6, since: 'soon' })).toEqual([
      'expiry.since',
    ]);
    expect(validateExpiryRule(lastVisit(36))).toEqual([]);
  });
});

describe('stamp days in the member’s cached stats', () => {
  it('folds a base-only undo into the undone event’s day (older reversals: their own day)', () => {
    const stamp = { ...ev('stamp', 3, '2026-01-10'), at: at('2026-01-10', 23.9) };
    const base = foldExpiryStats([stamp], undefined, dayOf);
    const next = undo(stamp, at('2026-01-11', 0.1));
    expect(foldExpiryStats([next], base, dayOf).stampDays).toEqual([]);
    const legacy = undo(stamp, at('2026-01-11', 0.1), false);
    expect(foldExpiryStats([legacy], base, dayOf).stampDays).toEqual([
      ['2026-01-10', 3, 0, 1],
      ['2026-01-11', -3, 0, -1],
    ]);
    // The older reversal takes the newest stamps: the same balance either way.
    expect(
      expiryView(foldStampDays([legacy], base.stampDays, dayOf), earned(1), '2026-01-12'),
    ).toMatchObject({ balance: 0, expired: 0 });
  });

  it('gives stats cached before expiry existed a day that expires nothing early', () => {
    const stats = foldLedger([
      ev('stamp', 4, '2026-01-01'),
      ev('bonus', 1, '2026-01-20'),
      ev('stamp', 2, '2026-01-15'),
    ]);
    expect(legacyStampDays(stats, dayOf)).toEqual([
      ['2026-01-15', 0, 0, 1],
      ['2026-01-20', 7, 0, 0],
    ]);
  });
});

// ---- properties over random histories ----

type Op =
  | { kind: 'stamp' | 'bonus'; stamps: number }
  | { kind: 'redeem'; cost: number }
  | { kind: 'adjust'; stamps: number }
  | { kind: 'club' }
  | { kind: 'undo'; pick: number };
interface Step {
  op: Op;
  /** Days after the previous event (0 = the same day), and the hour of the day. */
  gap: number;
  hour: number;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('stamp' as const),
      stamps: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bonus' as const),
      stamps: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      cost: fc.constantFrom(5, 10, 25),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      stamps: fc.integer({ min: -8, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'club' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }) },
);
const stepArb: fc.Arbitrary<Step> = fc.record({
  op: opArb,
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 20, max: 200 })),
  hour: fc.integer({ min: 0, max: 23 }),
});

const START = '2025-01-01';

/**
 * A member's ledger, in the order the server stored it: events by time, each
 * undo after the event it undoes (from a tablet that saw it), some of them late.
 */
function history(steps: Step[]): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  let day = START;
  for (const { op, gap, hour } of steps) {
    day = addDays(day, gap);
    const when = at(day, hour);
    const next = (type: EventType, stamps: number, extra: Partial<LedgerEvent> = {}) =>
      events.push({ ...ev(type, stamps, day, extra), at: when });
    switch (op.kind) {
      case 'stamp':
      case 'bonus':
        next(op.kind, op.stamps);
        break;
      case 'redeem':
        // Redeemed even without the stamps now and then: another tablet, offline.
        next('redeem', -op.cost);
        break;
      case 'adjust':
        if (op.stamps !== 0) next('adjustment', op.stamps, { reason: 'r' });
        break;
      case 'club':
        next('club', 0);
        break;
      case 'undo': {
        const targets = events.filter((e) => e.type !== 'reversal');
        if (targets.length === 0) break;
        const target = targets[op.pick % targets.length]!;
        events.push(undo(target, Math.max(when, target.at + 60_000)));
        break;
      }
    }
  }
  return events;
}

const ruleArb: fc.Arbitrary<{ months: number; since: LocalDate }> = fc.record({
  months: fc.integer({ min: 1, max: 12 }),
  since: fc.integer({ min: -400, max: 400 }).map((d) => addDays(START, d)),
});
const todayArb = fc.integer({ min: 0, max: 2500 }).map((d) => addDays(START, d));

const histories = fc.array(stepArb, { maxLength: 40 }).map(history);

/**
 * A history, a rule and a day to look at it: any day, or as often a day next to
 * some stamps' last day (the day before, the day itself, the day after).
 */
const scenarioArb = fc
  .record({
    events: histories,
    r: ruleArb,
    random: todayArb,
    nearLastDay: fc.boolean(),
    pick: fc.nat(),
    shift: fc.integer({ min: -1, max: 1 }),
  })
  .map(({ events, r, random, nearLastDay, pick, shift }) => {
    if (!nearLastDay || events.length === 0) return { events, r, today: random };
    const day = dayOf(events[pick % events.length]!.at);
    const today = addDays(addMonths(day > r.since ? day : r.since, r.months), shift);
    return { events, r, today };
  });

/**
 * The rule played one stamp at a time, event after event in time order: an
 * independent model of what expiry means, against which the day summary is checked.
 */
function model(events: LedgerEvent[], rule: ExpiryRule, today: LocalDate) {
  if (rule.mode === 'off') throw new Error('model needs a rule');
  const stamps: { day: LocalDate; gone: boolean }[] = [];
  let owed = 0;
  let expired = 0;
  let lastVisitDay = '';
  const lastDayOf = (day: LocalDate) => {
    let from = day > rule.since ? day : rule.since;
    if (rule.mode === 'lastVisit' && lastVisitDay > from) from = lastVisitDay;
    return addMonths(from, rule.months);
  };
  const expireBefore = (day: LocalDate) => {
    for (const s of stamps)
      if (!s.gone && lastDayOf(s.day) < day) {
        s.gone = true;
        expired += 1;
      }
  };
  for (const effect of effectiveEvents(sortEvents(events))) {
    const day = dayOf(effect.at);
    expireBefore(day < today ? day : today);
    const earning =
      effect.type === 'stamp' ||
      effect.type === 'bonus' ||
      (effect.type !== 'redeem' && effect.stamps >= 0);
    if (earning) {
      for (let i = 0; i < effect.stamps; i++) {
        if (owed > 0) owed -= 1;
        else stamps.push({ day, gone: false });
      }
    } else {
      for (let i = 0; i < -effect.stamps; i++) {
        const oldest = stamps.filter((s) => !s.gone).sort((a, b) => (a.day < b.day ? -1 : 1))[0];
        if (oldest) oldest.gone = true;
        else owed += 1;
      }
    }
    if (effect.type === 'stamp' && day > lastVisitDay) lastVisitDay = day;
  }
  expireBefore(today);
  const live = stamps.filter((s) => !s.gone);
  const schedule = new Map<LocalDate, number>();
  for (const s of live) schedule.set(lastDayOf(s.day), (schedule.get(lastDayOf(s.day)) ?? 0) + 1);
  return {
    balance: live.length - owed,
    expired,
    schedule: [...schedule]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([on, count]) => ({ on, stamps: count })),
  };
}

/**
 * Whether an event is undone twice (two tablets pressed Undo) with one undo in
 * each part. Neither foldLedger nor the stamp days can tell then that the
 * second undo does nothing: the stats keep no ids of undone events.
 */
function undoneTwiceAcross(first: LedgerEvent[], second: LedgerEvent[]): boolean {
  const before = new Set(first.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  return second.some((e) => e.reverses !== undefined && before.has(e.reverses));
}

/** Stamps that reached the card: what expiry may at most take away. */
const everEarned = (days: StampDay[]) =>
  days.reduce((sum, [, e, s]) => sum + Math.max(e, 0) + Math.max(-s, 0), 0);

const modeArb = fc.constantFrom<'earned' | 'lastVisit'>('earned', 'lastVisit');

describe('expiry properties', () => {
  it('matches the rule played stamp by stamp, event by event', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, ({ events, r, today }, mode) => {
        const rule: ExpiryRule = { mode, ...r };
        const got = view(events, rule, today);
        const want = model(events, rule, today);
        expect({ balance: got.balance, expired: got.expired, schedule: got.schedule }).toEqual(
          want,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never takes a stamp before the rule says: only stamps old enough can have expired', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, ({ events, r, today }, mode) => {
        const days = foldStampDays(events, [], dayOf);
        const oldEnough = days
          .filter(([day]) => addMonths(day > r.since ? day : r.since, r.months) < today)
          .reduce((sum, [, e, s]) => sum + Math.max(e, 0) + Math.max(-s, 0), 0);
        const { expired } = expiryView(days, { mode, ...r }, today);
        expect(expired).toBeGreaterThanOrEqual(0);
        expect(expired).toBeLessThanOrEqual(oldEnough);
        expect(expired).toBeLessThanOrEqual(everEarned(days));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no more than the plain balance, and exactly it while off', () => {
    fc.assert(
      fc.property(scenarioArb, modeArb, ({ events, r, today }, mode) => {
        const days = foldStampDays(events, [], dayOf);
        const plain = foldLedger(events).balance;
        const on = expiryView(days, { mode, ...r }, today);
        expect(on.plainBalance).toBe(plain);
        expect(on.balance).toBeLessThanOrEqual(plain);
        expect(on.balance).toBe(plain - on.expired);
        expect(expiryView(days, EXPIRY_OFF, today).balance).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('last-visit expiry never leaves fewer stamps than expiry by earning date; longer rules, never fewer', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 12 }), ({ events, r, today }, more) => {
        const days = foldStampDays(events, [], dayOf);
        const byEarning = expiryView(days, { mode: 'earned', ...r }, today);
        const byVisit = expiryView(days, { mode: 'lastVisit', ...r }, today);
        expect(byVisit.balance).toBeGreaterThanOrEqual(byEarning.balance);
        for (const mode of ['earned', 'lastVisit'] as const) {
          const short = expiryView(days, { mode, ...r }, today);
          const long = expiryView(days, { mode, ...r, months: r.months + more }, today);
          expect(long.balance).toBeGreaterThanOrEqual(short.balance);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees in both modes when everything happened on one visit day', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 15 }), ruleArb, todayArb, (steps, r, today) => {
        const sameDay = steps.map((s) => ({ ...s, gap: 0 }));
        const events = history([{ op: { kind: 'stamp', stamps: 1 }, gap: 0, hour: 0 }, ...sameDay]);
        const days = foldStampDays(events, [], dayOf);
        expect(expiryView(days, { mode: 'lastVisit', ...r }, today)).toEqual(
          expiryView(days, { mode: 'earned', ...r }, today),
        );
      }),
    );
  });

  it('never expires a regular’s stamps under last-visit expiry', () => {
    const regular = fc
      .array(
        fc.record({
          stamps: fc.integer({ min: 1, max: 4 }),
          redeem: fc.boolean(),
          gap: fc.integer({ min: 0, max: 27 }),
          hour: fc.integer({ min: 0, max: 22 }),
        }),
        { maxLength: 40 },
      )
      .map((visits) =>
        history(
          visits.flatMap(({ stamps, redeem, gap, hour }): Step[] => [
            { op: { kind: 'stamp', stamps }, gap, hour },
            ...(redeem
              ? [{ op: { kind: 'redeem' as const, cost: 10 }, gap: 0, hour: hour + 1 }]
              : []),
          ]),
        ),
      );
    fc.assert(
      fc.property(regular, fc.integer({ min: 0, max: 27 }), (events, after) => {
        // Stamp visits at most 27 days apart (a reward taken at a visit): never a month without one.
        fc.pre(events.length > 0);
        const lastDay = dayOf(Math.max(...events.map((e) => e.at)));
        const today = addDays(lastDay, after);
        const v = view(events, lastVisit(1, START), today);
        expect(v.expired).toBe(0);
      }),
    );
  });

  it('folds the same stamp days from a whole history as from its halves, in any order within each', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), ({ events, r, today }, cut, seed) => {
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const shuffle = (xs: LedgerEvent[]) =>
          fc.sample(fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }), {
            seed,
            numRuns: 1,
          })[0]!;
        const first = shuffle(events.slice(0, at));
        const second = shuffle(events.slice(at));
        fc.pre(!undoneTwiceAcross(first, second));
        const whole = foldExpiryStats(events, undefined, dayOf);
        const halves = foldExpiryStats(second, foldExpiryStats(first, undefined, dayOf), dayOf);
        expect(halves.stampDays).toEqual(whole.stampDays);
        expect(halves.balance).toBe(whole.balance);
        const rule: ExpiryRule = { mode: 'earned', ...r };
        expect(expiryView(halves.stampDays, rule, today)).toEqual(
          expiryView(whole.stampDays, rule, today),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('expires nothing earlier from stats cached before expiry existed than from the whole history', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), modeArb, ({ events, r, today }, cut, mode) => {
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        fc.pre(!undoneTwiceAcross(events.slice(0, at), events.slice(at)));
        const oldStats = foldLedger(events.slice(0, at));
        const fromLegacy = foldExpiryStats(events.slice(at), oldStats, dayOf);
        const exact = foldExpiryStats(events, undefined, dayOf);
        const rule: ExpiryRule = { mode, ...r };
        expect(expiryView(fromLegacy.stampDays, rule, today).balance).toBeGreaterThanOrEqual(
          expiryView(exact.stampDays, rule, today).balance,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('days of a member', () => {
  it('are few: one entry per day with activity', () => {
    const events = [
      ev('stamp', 1, '2026-01-01'),
      ev('stamp', 2, '2026-01-01'),
      ev('redeem', -10, '2026-01-01'),
      ev('stamp', 1, '2026-01-03'),
    ];
    expect(foldStampDays(events, [], dayOf)).toEqual([
      ['2026-01-01', 3, 10, 2],
      ['2026-01-03', 1, 0, 1],
    ]);
    expect(DAY).toBe(86_400_000);
  });
});

describe('expiry at its edges', () => {
  const rule = earned(3);

  it('takes the off rule as it is, and 1 month', () => {
    expect(validateExpiryRule(EXPIRY_OFF)).toEqual([]);
    expect(validateExpiryRule(earned(1))).toEqual([]);
  });

  it('restarts the count when only the mode changes', () => {
    const first = savedExpiryRule(undefined, { mode: 'earned', months: 12 }, '2026-01-01');
    expect(savedExpiryRule(first, { mode: 'lastVisit', months: 12 }, '2026-05-01')).toEqual({
      mode: 'lastVisit',
      months: 12,
      since: '2026-05-01',
    });
  });

  it('takes an undone earning from the newest stamps, leaving no empty lot', () => {
    const days: StampDay[] = [
      ['2026-01-01', 5, 0, 1],
      ['2026-01-05', -2, 0, 0],
    ];
    expect(expiryView(days, rule, '2026-01-10')).toEqual({
      plainBalance: 3,
      balance: 3,
      expired: 0,
      next: { on: '2026-04-01', stamps: 3 },
      schedule: [{ on: '2026-04-01', stamps: 3 }],
    });
    const allUndone: StampDay[] = [
      ['2026-01-01', 5, 0, 1],
      ['2026-01-05', -5, 0, 0],
    ];
    expect(expiryView(allUndone, rule, '2026-01-10')).toEqual({
      plainBalance: 0,
      balance: 0,
      expired: 0,
      next: null,
      schedule: [],
    });
  });

  it('takes an undone earning from expired stamps next, and owes the rest', () => {
    const days: StampDay[] = [
      ['2026-01-01', 2, 0, 1],
      ['2026-06-01', -3, 0, 0],
    ];
    expect(expiryView(days, rule, '2026-06-02')).toMatchObject({
      plainBalance: -1,
      balance: -1,
      expired: 0,
      schedule: [],
    });
    const fewer: StampDay[] = [
      ['2026-01-01', 5, 0, 1],
      ['2026-06-01', -3, 0, 0],
    ];
    expect(expiryView(fewer, rule, '2026-06-02')).toMatchObject({ balance: 0, expired: 2 });
  });

  it('keeps a day’s undone reward and its new stamps as one lot', () => {
    const days: StampDay[] = [['2026-01-01', 3, -2, 1]];
    expect(expiryView(days, rule, '2026-01-02')).toMatchObject({
      balance: 5,
      schedule: [{ on: '2026-04-01', stamps: 5 }],
    });
  });

  it('reads stamp days in any order as if sorted', () => {
    const days: StampDay[] = [
      ['2026-03-01', 2, 0, 1],
      ['2026-01-01', 4, 1, 1],
      ['2026-02-01', 0, 1, 0],
    ];
    const sorted = [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(expiryView(days, rule, '2026-04-15')).toEqual(expiryView(sorted, rule, '2026-04-15'));
    expect(expiryView(days, rule, '2026-04-15')).toMatchObject({ balance: 2, expired: 2 });
  });

  it('counts the last visit only on a day with a visit: a later bonus day is not a visit', () => {
    const days: StampDay[] = [
      ['2026-01-01', 5, 0, 1],
      ['2026-03-01', 1, 0, 0],
    ];
    expect(expiryView(days, lastVisit(3), '2026-03-02').schedule).toEqual([
      { on: '2026-04-01', stamps: 5 },
      { on: '2026-06-01', stamps: 1 },
    ]);
  });

  it('keeps folded stamp days oldest first when new events come before the base’s days', () => {
    const base: StampDay[] = [['2026-01-10', 3, 0, 1]];
    expect(foldStampDays([ev('stamp', 2, '2026-01-05')], base, dayOf)).toEqual([
      ['2026-01-05', 2, 0, 1],
      ['2026-01-10', 3, 0, 1],
    ]);
  });

  it('counts a base-only undo without a recorded time on its own day, without a legacy base', () => {
    const stamp = ev('stamp', 3, '2026-01-10');
    const base = foldStampDays([stamp], [], dayOf);
    const bare = { ...undo(stamp, at('2026-01-12'), false), reversed: undefined };
    expect(foldStampDays([bare], base, dayOf)).toEqual([
      ['2026-01-10', 3, 0, 1],
      // Without what it undid, the reversal cannot say it took back a visit.
      ['2026-01-12', -3, 0, 0],
    ]);
  });

  it('counts the undo of an event packed in a legacy base no earlier than the base’s day', () => {
    const first = ev('stamp', 2, '2026-01-01');
    const stats = foldLedger([first, ev('stamp', 3, '2026-01-20')]);
    expect(foldExpiryStats([undo(first, at('2026-02-01'))], stats, dayOf).stampDays).toEqual([
      ['2026-01-20', 3, 0, 0],
    ]);
  });

  it('gives stats with no events no stamp days, and no visit day without a visit', () => {
    expect(legacyStampDays(EMPTY_STATS, dayOf)).toEqual([]);
    const bonusOnly = { ...EMPTY_STATS, balance: 2, lastEventAt: at('2026-01-05') };
    expect(legacyStampDays(bonusOnly, dayOf)).toEqual([['2026-01-05', 2, 0, 0]]);
  });

  it('reads the day in the shop’s zone, else the device’s, else UTC', () => {
    const newYearInJakarta = Date.parse('2026-12-31T17:30:00Z');
    expect(shopDayOf({ timeZone: 'Asia/Jakarta' }, 'UTC')(newYearInJakarta)).toBe('2027-01-01');
    expect(shopDayOf({ timeZone: 'Mars/Olympus' }, 'Asia/Ho_Chi_Minh')(newYearInJakarta)).toBe(
      '2027-01-01',
    );
    expect(shopDayOf({ timeZone: '' }, 'Asia/Kuala_Lumpur')(newYearInJakarta)).toBe('2027-01-01');
    expect(shopDayOf({}, 'Asia/Jakarta')(newYearInJakarta)).toBe('2027-01-01');
    expect(shopDayOf({}, 'Nowhere/Town')(newYearInJakarta)).toBe('2026-12-31');
    expect(shopDayOf({ timeZone: 'UTC' }, 'Asia/Jakarta')(newYearInJakarta)).toBe('2026-12-31');
  });

  it('says whether stamps expire at all', () => {
    expect(expiryOn({})).toBe(false);
    expect(expiryOn({ expiry: EXPIRY_OFF })).toBe(false);
    expect(expiryOn({ expiry: rule })).toBe(true);
  });

  it('gives one member’s stamps after expiry as of now, in the shop’s days', () => {
    const events = [ev('stamp', 4, '2026-01-01'), ev('stamp', 3, '2026-03-01')];
    expect(memberExpiry(events, undefined, rule, at('2026-04-02'), dayOf)).toMatchObject({
      plainBalance: 7,
      balance: 3,
      expired: 4,
      next: { on: '2026-06-01', stamps: 3 },
    });
  });
});
