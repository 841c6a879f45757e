/**
 * Settling a double redemption (two tablets gave the same reward while
 * offline): the owner's adjustment that clears the conflict.
 */
import type { MemberStats } from './balance';
import type { EventDraft } from './ledger';

export type ResolveError = 'conflict.none';

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
    stamps: forgive ? Math.max(0, -stats.balance) : 0,
    resolves: [...stats.conflicts],
    reason,
    at: now,
    staffId,
  };
}
