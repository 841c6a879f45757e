/**
 * Applying the program to one member at the counter: their standing (tier,
 * club, birthday bonus taken, recent stamps for the cooldown) from their own
 * events, then what a visit earns and whether the cooldown lets it through.
 * Pure: the events, the time and the local date are passed in.
 */
import type { LedgerEvent } from './ledger';
import { activeClub, reversedIds } from './offers';
import {
  checkCooldown,
  currentTier,
  earn,
  type CooldownCheck,
  type Earned,
  type ProgramRules,
  type RuleLine,
  type Tier,
  type VisitInput,
} from './rules';
import type { ClubSale } from './ledger';

export const YEAR_MS = 365 * 86_400_000;
/** Feedback earns its bonus at most once in this long. */
export const FEEDBACK_BONUS_EVERY_MS = 30 * 86_400_000;

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

export interface StampPlan {
  earned: Earned;
  cooldown: CooldownCheck;
}

/** What this visit earns, and whether the cooldown allows it without an override. */
export function planStamp(
  rules: ProgramRules,
  input: VisitInput,
  standing: Standing,
  day: { date: string; weekday: number },
  birthday: string | null,
  now: number,
): StampPlan {
  const earned = earn(rules, input, {
    ...day,
    birthday,
    birthdayBonusYears: standing.birthdayBonusYears,
    tier: standing.tier,
    clubActive: standing.club !== null,
    clubMultiplier: standing.club?.multiplier ?? 1,
  });
  return {
    earned,
    cooldown: checkCooldown(rules.cooldown, standing.recentGrants, earned.stamps, now),
  };
}

export const referralRule = (friendId: string) => `referral:${friendId}`;

/**
 * The referrer's bonus when a referred friend gets a first stamp: once per
 * friend (the referrer's ledger already holding it says so), never for oneself.
 */
export function referralLine(
  rules: ProgramRules,
  friend: { id: string; referredBy?: string | null },
  friendEvents: readonly LedgerEvent[],
  referrerEvents: readonly LedgerEvent[],
): RuleLine | null {
  const stamps = rules.referral.referrerStamps;
  const referrer = friend.referredBy;
  if (!(stamps > 0) || !referrer || referrer === friend.id) return null;
  const undone = reversedIds(friendEvents);
  if (friendEvents.some((e) => e.type === 'stamp' && !undone.has(e.id))) return null;
  const rule = referralRule(friend.id);
  if (referrerEvents.some((e) => e.lines?.some((l) => l.rule === rule))) return null;
  return { rule, stamps };
}

export type FeedbackError = 'feedback.noVisit' | 'feedback.alreadyRated' | 'feedback.rating';

/**
 * Rating the last visit: once per visit; the bonus at most once a month.
 * Returns the stamps the rating earns, or why it cannot be given.
 */
export function feedbackOutcome(
  rules: ProgramRules | undefined,
  events: readonly LedgerEvent[],
  rating: number,
  now: number,
): { stamps: number } | FeedbackError {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return 'feedback.rating';
  const undone = reversedIds(events);
  let lastVisit = -Infinity;
  let lastRating = -Infinity;
  let lastBonus = -Infinity;
  for (const e of events) {
    if (undone.has(e.id)) continue;
    if (e.type === 'stamp') lastVisit = Math.max(lastVisit, e.at);
    if (e.rating !== undefined) lastRating = Math.max(lastRating, e.at);
    if (e.lines?.some((l) => l.rule === 'feedback' && l.stamps > 0))
      lastBonus = Math.max(lastBonus, e.at);
  }
  if (lastVisit === -Infinity) return 'feedback.noVisit';
  if (lastRating >= lastVisit) return 'feedback.alreadyRated';
  const bonus = rules?.feedback.stamps ?? 0;
  return { stamps: bonus > 0 && now - lastBonus >= FEEDBACK_BONUS_EVERY_MS ? bonus : 0 };
}

/** Amount mode: the cashier types the amount spent. */
export const AMOUNT_MAX = 1e12;
export function isValidAmount(amount: number): boolean {
  return Number.isFinite(amount) && amount > 0 && amount <= AMOUNT_MAX;
}

/** A member's referral code: the end of their id, short enough to read out or type. */
export const REFERRAL_CODE_LENGTH = 8;
export function referralCode(memberId: string): string {
  return memberId.slice(-REFERRAL_CODE_LENGTH).toUpperCase();
}

/** What a cashier typed or a link carried, tidied: Crockford letters, no spaces. */
export function cleanReferralCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase().slice(0, 40);
}
