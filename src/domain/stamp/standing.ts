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

/** Visits and rewards redeemed in the rolling 12 months up to `now`, undone ones left out. */
export function yearCounts(
  events: readonly LedgerEvent[],
  now: number,
): { visits: number; rewards: number } {
  const undone = reversedIds(events);
  let visits = 0;
  let rewards = 0;
  for (const e of events) {
    if (undone.has(e.id) || e.at <= now - YEAR_MS || e.at > now) continue;
    if (e.type === 'stamp') visits += 1;
    if (e.type === 'redeem') rewards += 1;
  }
  return { visits, rewards };
}

/**
 * Each member's 12-month counts from the shop's events of the last year (the
 * owner's members list and CSV): the same counting as the counter's standing.
 */
export function yearCountsByMember(
  events: readonly LedgerEvent[],
  now: number,
): Map<string, { visits: number; rewards: number }> {
  const byMember = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    const list = byMember.get(e.memberId);
    if (list) list.push(e);
    else byMember.set(e.memberId, [e]);
  }
  const out = new Map<string, { visits: number; rewards: number }>();
  for (const [memberId, list] of byMember) out.set(memberId, yearCounts(list, now));
  return out;
}

export function memberStanding(
  rules: ProgramRules,
  events: readonly LedgerEvent[],
  now: number,
  yearOf: (at: number) => number = utcYear,
): Standing {
  const undone = reversedIds(events);
  const year = yearCounts(events, now);
  const birthdayBonusYears: number[] = [];
  const recentGrants: { at: number; stamps: number }[] = [];
  for (const e of events) {
    if (undone.has(e.id)) continue;
    if (e.type === 'stamp') recentGrants.push({ at: e.at, stamps: e.stamps });
    if (e.lines?.some((l) => l.rule === 'birthday')) birthdayBonusYears.push(yearOf(e.at));
  }
  return {
    tier: currentTier(rules.tiers, year),
    visits12: year.visits,
    rewards12: year.rewards,
    club: activeClub(events, now),
    birthdayBonusYears,
    recentGrants,
  };
}
