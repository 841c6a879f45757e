import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from './calendar';
import { EXPIRY_OFF, foldExpiryStats, type ExpiryRule } from './expiry';
import type { LedgerEvent } from './ledger';
import type { Member } from './member';
import {
  countSegments,
  DEFAULT_SEGMENTS,
  selectSegment,
  unreachable,
  validateSegment,
  type Segment,
  type SegmentContext,
} from './segments';

const DAY = 86_400_000;
const dayOf = (at: number): LocalDate => new Date(at).toISOString().slice(0, 10);
const at = (day: LocalDate) => Date.parse(`${day}T10:00:00Z`);

let n = 0;
function stamp(day: LocalDate, stamps: number): LedgerEvent {
  n += 1;
  return {
    id: `e${n}`,
    memberId: 'm',
    type: 'stamp',
    stamps,
    at: at(day),
    deviceId: 'd',
    staffId: 's',
    seq: n,
  };
}

function member(fields: Partial<Member> = {}, events: LedgerEvent[] = []): Member {
  n += 1;
  return {
    id: `m${n}`,
    name: 'Siti Rahma',
    phone: '+6281234567890',
    email: null,
    birthday: null,
    marketingConsent: true,
    consentAt: 1,
    anonymised: false,
    joinedAt: 0,
    nameWords: [],
    phoneKeys: [],
    clocks: {},
    stats: foldExpiryStats(events, undefined, dayOf),
    ...fields,
  };
}

const today = '2026-03-12'; // a Thursday
const ctx = (extra: Partial<SegmentContext> = {}): SegmentContext => ({
  now: at(today),
  today,
  dayOf,
  stampsPerCard: 10,
  expiry: EXPIRY_OFF,
  ...extra,
});
const names = (members: Member[], segment: Segment, c = ctx()) =>
  selectSegment(members, segment, c).matches.map((m) => m.member.name);

describe('who can be messaged', () => {
  it('only members who agreed to marketing, with a phone, not anonymised or merged', () => {
    const members = [
      member({ name: 'yes' }),
      member({ name: 'no consent', marketingConsent: false }),
      member({ name: 'no phone', phone: null }),
      member({ name: 'anonymised', anonymised: true, marketingConsent: false }),
      member({ name: 'merged', mergedInto: 'm1' }),
      member({ name: 'placeholder', placeholder: true }),
    ];
    expect(members.map(unreachable)).toEqual([
      null,
      'noConsent',
      'noPhone',
      'anonymised',
      'merged',
      'merged',
    ]);
    expect(selectSegment(members, { kind: 'everyone' }, ctx())).toMatchObject({
      matches: [{ member: { name: 'yes' } }],
      withoutConsent: 1,
    });
    expect(countSegments(members, [{ kind: 'everyone' }], ctx())).toEqual({
      reachable: 1,
      counts: [1],
    });
  });
});

describe('segments', () => {
  it('lapsed: visited before, but not for N days', () => {
    const members = [
      member({ name: 'gone' }, [stamp('2026-01-11', 1)]),
      member({ name: 'recent' }, [stamp('2026-01-12', 1)]),
      member({ name: 'never came' }),
    ];
    expect(names(members, { kind: 'lapsed', days: 60 })).toEqual(['gone']);
    expect(selectSegment(members, { kind: 'lapsed', days: 60 }, ctx()).matches[0]).toMatchObject({
      stamps: 1,
      date: '2026-01-11',
    });
  });

  it('birthday this week: Monday to Sunday in the shop’s calendar, 29 February on the 28th', () => {
    const members = [
      member({ name: 'monday', birthday: '1990-03-09' }),
      member({ name: 'sunday', birthday: '1985-03-15' }),
      member({ name: 'next monday', birthday: '1985-03-16' }),
      member({ name: 'last sunday', birthday: '1985-03-08' }),
      member({ name: 'none' }),
    ];
    expect(names(members, { kind: 'birthdayWeek' })).toEqual(['monday', 'sunday']);
    const leap = [member({ name: 'leap', birthday: '2000-02-29' })];
    const feb = ctx({ today: '2026-02-26' });
    expect(selectSegment(leap, { kind: 'birthdayWeek' }, feb).matches[0]?.date).toBe('2026-02-28');
    // A shop whose week starts on Saturday: 7 to 13 March.
    const saturday = ctx({ weekStartsOn: 6 });
    expect(names(members, { kind: 'birthdayWeek' }, saturday)).toEqual(['monday', 'last sunday']);
    const newYear = [member({ name: 'january', birthday: '1999-01-02' })];
    const dec = ctx({ today: '2026-12-30' });
    expect(selectSegment(newYear, { kind: 'birthdayWeek' }, dec).matches[0]?.date).toBe(
      '2027-01-02',
    );
  });

  it('near a reward: one or two stamps to go, counting only stamps that have not expired', () => {
    const members = [8, 9, 10, 18, 7, 0].map((b) =>
      member({ name: String(b) }, b > 0 ? [stamp('2026-03-01', b)] : []),
    );
    const near = selectSegment(members, { kind: 'nearReward', stamps: 2 }, ctx()).matches;
    expect(near.map((m) => [m.member.name, m.stamps])).toEqual([
      ['8', 2],
      ['9', 1],
      ['18', 2],
    ]);
    expect(names(members, { kind: 'nearReward', stamps: 1 })).toEqual(['9']);
    // 5 old stamps expired: 9 stamps are 1 to go while nothing expires, 4 after expiry.
    const rule: ExpiryRule = { mode: 'earned', months: 6, since: '2020-01-01' };
    const old = [member({ name: 'old' }, [stamp('2025-01-01', 5), stamp('2026-03-01', 4)])];
    expect(names(old, { kind: 'nearReward', stamps: 1 })).toEqual(['old']);
    expect(names(old, { kind: 'nearReward', stamps: 2 }, ctx({ expiry: rule }))).toEqual([]);
    const nine = [member({ name: 'nine' }, [stamp('2025-01-01', 5), stamp('2026-03-01', 9)])];
    expect(names(nine, { kind: 'nearReward', stamps: 1 })).toEqual([]);
    expect(names(nine, { kind: 'nearReward', stamps: 1 }, ctx({ expiry: rule }))).toEqual(['nine']);
  });

  it('stamps about to expire: those whose last day is within 14 days, with the count and the day', () => {
    const rule: ExpiryRule = { mode: 'earned', months: 3, since: '2020-01-01' };
    const members = [
      member({ name: 'in 14 days' }, [stamp('2025-12-26', 3), stamp('2026-03-01', 1)]),
      member({ name: 'in 15 days' }, [stamp('2025-12-27', 3)]),
      member({ name: 'already gone' }, [stamp('2025-11-01', 3)]),
    ];
    expect(selectSegment(members, { kind: 'expiring', days: 14 }, ctx({ expiry: rule }))).toEqual({
      matches: [{ member: members[0], stamps: 3, date: '2026-03-26' }],
      withoutConsent: 0,
    });
    expect(names(members, { kind: 'expiring', days: 14 })).toEqual([]);
  });

  it('a tier, and a club ending soon, as the caller knows them', () => {
    const gold = member({ name: 'gold' });
    const ending = member({ name: 'club ends' });
    const members = [gold, ending, member({ name: 'plain' })];
    const c = ctx({
      tierOf: (m) => (m === gold ? 'gold' : null),
      clubUntilOf: (m) => (m === ending ? at(today) + 10 * DAY : null),
    });
    expect(names(members, { kind: 'tier', tierId: 'gold' }, c)).toEqual(['gold']);
    expect(selectSegment(members, { kind: 'clubEnding', days: 14 }, c).matches).toEqual([
      { member: ending, stamps: 0, date: '2026-03-22' },
    ]);
    expect(names(members, { kind: 'clubEnding', days: 7 }, c)).toEqual([]);
  });

  it('checks the owner’s numbers', () => {
    expect(validateSegment({ kind: 'lapsed', days: 0 })).toBe('segment.days');
    expect(validateSegment({ kind: 'nearReward', stamps: 6 })).toBe('segment.stamps');
    expect(validateSegment({ kind: 'tier', tierId: ' ' })).toBe('segment.tier');
    for (const s of DEFAULT_SEGMENTS) expect(validateSegment(s)).toBeNull();
  });
});

describe('segment properties', () => {
  const memberArb = fc
    .record({
      consent: fc.boolean(),
      phone: fc.boolean(),
      anonymised: fc.boolean(),
      merged: fc.boolean(),
      birthday: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
      visits: fc.array(
        fc.record({
          ago: fc.integer({ min: 0, max: 500 }),
          stamps: fc.integer({ min: 1, max: 6 }),
        }),
        {
          maxLength: 6,
        },
      ),
    })
    .map(({ consent, phone, anonymised, merged, birthday, visits }) =>
      member(
        {
          marketingConsent: consent,
          phone: phone ? '+6281234567890' : null,
          anonymised,
          mergedInto: merged ? 'x' : null,
          birthday:
            birthday === null
              ? null
              : new Date(Date.UTC(1990, 0, 1) + birthday * DAY).toISOString().slice(0, 10),
        },
        visits.map((v) => stamp(dayOf(at(today) - v.ago * DAY), v.stamps)),
      ),
    );
  const segmentArb: fc.Arbitrary<Segment> = fc.oneof(
    fc.constant({ kind: 'everyone' as const }),
    fc.record({ kind: fc.constant('lapsed' as const), days: fc.integer({ min: 1, max: 400 }) }),
    fc.constant({ kind: 'birthdayWeek' as const }),
    fc.record({ kind: fc.constant('nearReward' as const), stamps: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('expiring' as const), days: fc.integer({ min: 1, max: 90 }) }),
  );
  const rule: ExpiryRule = { mode: 'lastVisit', months: 6, since: '2020-01-01' };

  it('counts what it selects, and selects only members who can be messaged', () => {
    fc.assert(
      fc.property(
        fc.array(memberArb, { maxLength: 25 }),
        fc.array(segmentArb, { minLength: 1, maxLength: 4 }),
        (members, segments) => {
          const c = ctx({ expiry: rule });
          const { counts, reachable } = countSegments(members, segments, c);
          expect(reachable).toBe(members.filter((m) => unreachable(m) === null).length);
          segments.forEach((segment, i) => {
            const { matches } = selectSegment(members, segment, c);
            expect(matches.length).toBe(counts[i]);
            expect(counts[i]).toBeLessThanOrEqual(reachable);
            for (const m of matches) {
              expect(
                m.member.marketingConsent && m.member.phone && !m.member.anonymised,
              ).toBeTruthy();
              expect(m.member.mergedInto).toBeFalsy();
            }
          });
        },
      ),
    );
  });
});

describe('segments at their edges', () => {
  it('takes the owner’s numbers up to their limits, not one past', () => {
    const ok: Segment[] = [
      { kind: 'lapsed', days: 1 },
      { kind: 'lapsed', days: 3650 },
      { kind: 'nearReward', stamps: 1 },
      { kind: 'nearReward', stamps: 5 },
      { kind: 'expiring', days: 1 },
      { kind: 'expiring', days: 90 },
      { kind: 'clubEnding', days: 1 },
      { kind: 'clubEnding', days: 90 },
      { kind: 'tier', tierId: 'gold' },
    ];
    for (const s of ok) expect(validateSegment(s)).toBeNull();
    expect(
      [
        { kind: 'lapsed', days: 3651 },
        { kind: 'lapsed', days: 1.5 },
        { kind: 'nearReward', stamps: 0 },
        { kind: 'expiring', days: 0 },
        { kind: 'expiring', days: 91 },
        { kind: 'clubEnding', days: 0 },
        { kind: 'clubEnding', days: 91 },
      ].map((s) => validateSegment(s as Segment)),
    ).toEqual([
      'segment.days',
      'segment.days',
      'segment.stamps',
      'segment.days',
      'segment.days',
      'segment.days',
      'segment.days',
    ]);
  });

  it('celebrates a 29 February birthday on the real day in a leap year, not on the 28th', () => {
    // 2044: 28 February is a Sunday, the leap day the next Monday.
    const leap = [member({ name: 'leap', birthday: '2000-02-29' })];
    expect(names(leap, { kind: 'birthdayWeek' }, ctx({ today: '2044-02-25' }))).toEqual([]);
    expect(
      selectSegment(leap, { kind: 'birthdayWeek' }, ctx({ today: '2044-03-01' })).matches[0]?.date,
    ).toBe('2044-02-29');
  });

  it('puts a new member on a short card near the reward, and never one who owes stamps', () => {
    const fresh = member({ name: 'fresh' });
    const owes = member({ name: 'owes', stats: { ...fresh.stats, balance: -1 } });
    const c = ctx({ stampsPerCard: 2 });
    expect(
      selectSegment([fresh, owes], { kind: 'nearReward', stamps: 2 }, c).matches.map((m) => [
        m.member.name,
        m.stamps,
      ]),
    ).toEqual([['fresh', 2]]);
  });

  it('reaches nobody by tier or club end when the shop has neither', () => {
    const members = [member({ name: 'a' })];
    expect(names(members, { kind: 'tier', tierId: 'gold' })).toEqual([]);
    expect(names(members, { kind: 'clubEnding', days: 14 })).toEqual([]);
  });

  it('club ending: up to exactly 14 days ahead, not a club that ends now or has ended', () => {
    const ends = new Map<string, number>([
      ['ended yesterday', at(today) - DAY],
      ['ends now', at(today)],
      ['ends in a minute', at(today) + 60_000],
      ['ends in 14 days', at(today) + 14 * DAY],
      ['ends in 14 days and a minute', at(today) + 14 * DAY + 60_000],
    ]);
    const members = [...ends.keys()].map((name) => member({ name }));
    const c = ctx({ clubUntilOf: (m) => ends.get(m.name) ?? null });
    expect(
      selectSegment(members, { kind: 'clubEnding', days: 14 }, c).matches.map((m) => [
        m.member.name,
        m.date,
      ]),
    ).toEqual([
      ['ends in a minute', '2026-03-12'],
      ['ends in 14 days', '2026-03-26'],
    ]);
  });

  it('counts without consent only those in the segment', () => {
    const members = [
      member({ name: 'lapsed, no consent', marketingConsent: false }, [stamp('2025-12-01', 1)]),
      member({ name: 'regular, no consent', marketingConsent: false }, [stamp('2026-03-10', 1)]),
      member({ name: 'never came, no consent', marketingConsent: false }),
    ];
    expect(selectSegment(members, { kind: 'lapsed', days: 60 }, ctx())).toEqual({
      matches: [],
      withoutConsent: 1,
    });
  });
});
