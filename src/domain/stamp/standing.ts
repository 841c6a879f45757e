/**
 * A member's standing at the counter, from their own events: tier, club,
 * birthday bonus already taken, and recent stamps for the cooldown. Pure: the
 * events, the time and the calendar year are passed in.
 */
import type { ClubSale, LedgerEvent } from '../ledger';
import { activeClub } from './club';
import { YEAR_MS } from './decision';
import type { ProgramRules, Tier } from './rules';
import { currentTier } from './tier';
import { reversedIds } from './undo';

export interface Standing {
  tier: Tier | null;
  /** Visits and rewards in the rolling 12 months that decide the tier. */
  visits12: number;
  rewards12: number;
  club: ClubSale | null;
  birthdayBonusYears: number[];
  /** Counter stamps (time, count) for the cooldown. */
  recentGrants: { at: number; stamps: number }[];
}

const utcYear = (at: number) => new Date(at).getUTCFullYear();

export function memberStanding(
  rules: ProgramRules,
  events: readonly LedgerEvent[],
  now: number,
  yearOf: (at: number) => number = utcYear,
): Standing {
  const undone = reversedIds(events);
  let visits12 = 0;
  let rewards12 = 0;
  const birthdayBonusYears: number[] = [];
  const recentGrants: { at: number; stamps: number }[] = [];
  for (const e of events) {
    if (undone.has(e.id)) continue;
    const inYear = e.at > now - YEAR_MS && e.at <= now;
    if (e.type === 'stamp') {
      if (inYear) visits12 += 1;
      recentGrants.push({ at: e.at, stamps: e.stamps });
    }
    if (e.type === 'redeem' && inYear) rewards12 += 1;
    if (e.lines?.some((l) => l.rule === 'birthday')) birthdayBonusYears.push(yearOf(e.at));
  }
  return {
    tier: currentTier(rules.tiers, { visits: visits12, rewards: rewards12 }),
    visits12,
    rewards12,
    club: activeClub(events, now),
    birthdayBonusYears,
    recentGrants,
  };
}
