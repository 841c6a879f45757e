import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger';
import { referralLine, referralRule } from './referral';
import { DEFAULT_RULES } from './rules';
import { planStamp } from './stamp';
import { memberStanding } from './standing';

const rules = { ...DEFAULT_RULES, referral: { referrerStamps: 2 } };
let seq = 0;
const event = (patch: Partial<LedgerEvent>): LedgerEvent => ({
  id: `e${++seq}`,
  memberId: 'm',
  type: 'stamp',
  stamps: 1,
  at: 1000,
  deviceId: 'd',
  staffId: 'owner',
  seq,
  ...patch,
});

describe('referral', () => {
  it('is granted at most once per friend, and never for oneself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ana', 'budi', 'citra'), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('ana', 'budi', 'citra', null),
        (stamps, referrer) => {
          // Friends stamped in some order; the referrer's ledger grows with each grant.
          const referrerEvents: LedgerEvent[] = [];
          const friendEvents = new Map<string, LedgerEvent[]>();
          for (const friend of stamps) {
            const own = friendEvents.get(friend) ?? [];
            const line = referralLine(
              rules,
              { id: friend, referredBy: referrer },
              own,
              referrerEvents,
            );
            if (line) referrerEvents.push(event({ type: 'bonus', stamps: 2, lines: [line] }));
            own.push(event({ memberId: friend }));
            friendEvents.set(friend, own);
          }
          for (const friend of new Set(stamps)) {
            const grants = referrerEvents.filter((e) =>
              e.lines!.some((l) => l.rule === referralRule(friend)),
            ).length;
            expect(grants).toBe(referrer && referrer !== friend ? 1 : 0);
          }
        },
      ),
    );
  });
});

describe('standing', () => {
  it('counts visits in the rolling 12 months for the tier, and the cooldown cannot be passed', () => {
    const gold = {
      id: 'gold',
      name: 'Gold',
      basis: 'visits' as const,
      threshold: 2,
      multiplier: 2,
    };
    const now = 400 * 86_400_000;
    const old = event({ at: now - 380 * 86_400_000 });
    const recent = [event({ at: now - 86_400_000 }), event({ at: now - 1000 })];
    const withRules = {
      ...DEFAULT_RULES,
      tiers: [gold],
      cooldown: { enabled: true, maxStamps: 1, minutes: 60 },
    };
    expect(memberStanding(withRules, [old, recent[0]!], now).tier).toBeNull();
    const standing = memberStanding(withRules, [old, ...recent], now);
    expect(standing.tier).toBe(gold);
    const plan = planStamp(
      withRules,
      { quantity: 1 },
      standing,
      { date: '2026-01-01', weekday: 4 },
      null,
      now,
    );
    expect(plan.earned.stamps).toBe(2);
    expect(plan.cooldown.allowed).toBe(false);
    // An undone stamp no longer counts.
    const undo = event({ type: 'reversal', reverses: recent[1]!.id, at: now - 500 });
    expect(memberStanding(withRules, [old, ...recent, undo], now).visits12).toBe(1);
  });
});
