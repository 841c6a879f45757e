/**
 * Settling a double redemption (two tablets gave the same reward while
 * offline): the owner's adjustment that clears the conflict.
 */
import type { MemberStats } from './balance';
import type { EventDraft } from './ledger';

export type ResolveError = 'conflict.none';

/**
 * The stamps a member in conflict is short of. 0 once later visits have covered
 * the double reward: then forgiving gives nothing back, and the inbox offers one
 * "settled" choice instead of two that would do the same.
 */
export function conflictShortfall(stats: Pick<MemberStats, 'balance'>): number {
  return Math.max(0, -stats.balance);
}

/**
 * "forgive" gives back the stamps the card is short of; "keep" leaves them
 * owed, to be paid back by the next visits. Either way both redemptions stay
 * in the ledger and the conflict leaves the inbox.
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
    stamps: forgive ? conflictShortfall(stats) : 0,
    resolves: [...stats.conflicts],
    reason,
    at: now,
    staffId,
  };
}
