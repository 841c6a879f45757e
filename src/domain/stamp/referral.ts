/**
 * Referral: a member's code, and the referrer's bonus when a referred friend
 * gets a first stamp (once per friend, never for oneself).
 */
import type { LedgerEvent } from '../ledger';
import type { ProgramRules, RuleLine } from './rules';
import { reversedIds } from './undo';

/** A member's referral code: the end of their id, short enough to read out or type. */
export const REFERRAL_CODE_LENGTH = 8;
export function referralCode(memberId: string): string {
  return memberId.slice(-REFERRAL_CODE_LENGTH).toUpperCase();
}

/** What a cashier typed or a link carried, tidied: Crockford letters, no spaces. */
export function cleanReferralCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase().slice(0, 40);
}

export const referralRule = (friendId: string) => `referral:${friendId}`;

interface Friend {
  id: string;
  referredBy?: string | null;
  /** Visits in the member's whole history (history held in packs included). */
  stats: { visits: number };
}

/**
 * Whose standing a stamp must also read: the referrer of a friend who has never
 * had a stamp, while the program gives a referral bonus. Null almost always.
 */
export function referrerToRead(friend: Friend, rules: ProgramRules): string | null {
  const referrer = friend.referredBy;
  if (!(rules.referral.referrerStamps > 0) || !referrer || referrer === friend.id) return null;
  return friend.stats.visits > 0 ? null : referrer;
}

/**
 * The referrer's bonus line when a referred friend gets a first stamp: once per
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
