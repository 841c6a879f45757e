/**
 * The counter's actions as rules: what a stamp, a redemption or an undo
 * would write, or why it may not. No clock or storage here: `now` is passed in.
 */
import { cardView, type MemberStats } from './balance';
import type { LedgerEvent } from './ledger';
import { CARD_REWARD_ID } from './shop';

export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 20;
/** How long after an action the counter offers "Undo". */
export const UNDO_WINDOW_MS = 5 * 60 * 1000;

/** The event fields the db layer fills in: identity, device and sequence. */
export type EventDraft = Omit<LedgerEvent, 'id' | 'deviceId' | 'seq'>;

export type StampError = 'quantity.range';
export type RedeemError = 'redeem.nothingPending';
export type UndoError = 'undo.nothing';

export function stampDraft(
  memberId: string,
  quantity: number,
  staffId: string,
  now: number,
): EventDraft | StampError {
  if (!Number.isInteger(quantity) || quantity < QUANTITY_MIN || quantity > QUANTITY_MAX)
    return 'quantity.range';
  return { memberId, type: 'stamp', stamps: quantity, quantity, at: now, staffId };
}

export function redeemDraft(
  memberId: string,
  stats: MemberStats,
  stampsPerCard: number,
  rewardName: string,
  staffId: string,
  now: number,
): EventDraft | RedeemError {
  if (cardView(stats.balance, stampsPerCard).pendingRewards < 1) return 'redeem.nothingPending';
  return {
    memberId,
    type: 'redeem',
    stamps: -stampsPerCard,
    rewardId: CARD_REWARD_ID,
    rewardName,
    at: now,
    staffId,
  };
}

/**
 * The event "Undo" would reverse: the member's newest event still in effect,
 * if it was made within the undo window. Reversals themselves are not undone.
 */
export function undoTarget(events: readonly LedgerEvent[], now: number): LedgerEvent | null {
  const reversed = new Set<string>();
  for (const e of events) if (e.type === 'reversal' && e.reverses) reversed.add(e.reverses);
  // A reversal that was itself reversed no longer counts.
  for (const e of events)
    if (e.type === 'reversal' && e.reverses && reversed.has(e.id)) reversed.delete(e.reverses);
  let newest: LedgerEvent | null = null;
  for (const e of events) {
    if (e.type === 'reversal' || reversed.has(e.id)) continue;
    if (!newest || e.at > newest.at || (e.at === newest.at && e.seq > newest.seq)) newest = e;
  }
  if (!newest || now - newest.at > UNDO_WINDOW_MS || newest.at > now + UNDO_WINDOW_MS) return null;
  return newest;
}

export function reversalDraft(target: LedgerEvent, staffId: string, now: number): EventDraft {
  return {
    memberId: target.memberId,
    type: 'reversal',
    stamps: -target.stamps,
    reverses: target.id,
    reversed: { type: target.type, stamps: target.stamps },
    at: now,
    staffId,
  };
}

export type ResolveError = 'conflict.none';

/**
 * Settles a member's conflicting redemptions (two tablets gave the same reward
 * while offline): "forgive" gives back the stamps the card is short of; "keep"
 * leaves them owed, to be paid back by the next visits. Either way both
 * redemptions stay in the ledger and the conflict leaves the inbox.
 */
export function resolveConflictDraft(
  memberId: string,
  stats: MemberStats,
  forgive: boolean,
  reason: string,
  staffId: string,
  now: number,
): EventDraft | ResolveError {
  if (stats.conflicts.length === 0) return 'conflict.none';
  return {
    memberId,
    type: 'adjustment',
    stamps: forgive ? Math.max(0, -stats.balance) : 0,
    resolves: [...stats.conflicts],
    reason,
    at: now,
    staffId,
  };
}
