/**
 * Live reads for the program's part of the member panel (features/counter/MemberProgram,
 * loaded only by shops that run a program, a catalogue or a club).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerEvent } from '../domain/ledger';
import { db } from './db';
import { lastYearEvents, rewardRedemptions } from './member-events';

/** The member's events the program's rules look at; `refresh` re-reads them (e.g. the member's stats). */
export function useLastYearEvents(memberId: string, refresh: unknown): LedgerEvent[] | undefined {
  return useLiveQuery(() => lastYearEvents(db, memberId, Date.now()), [memberId, refresh]);
}

/** Each reward's redemptions and their reversals (domain/stamp/catalogue.ts givenCount counts them). */
export function useRewardRedemptions(
  rewardIds: readonly string[],
  refresh: unknown,
): LedgerEvent[][] | undefined {
  const key = rewardIds.join('\n');
  return useLiveQuery(
    () => Promise.all(rewardIds.map((id) => rewardRedemptions(db, id))),
    // The ids' content, not the array's identity, decides when to read again.
    [key, refresh],
  );
}
