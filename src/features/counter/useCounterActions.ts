/**
 * The counter's actions on one member: each is one transaction in db/ledger.ts.
 * Rule refusals come back as i18n keys; nothing was written in that case.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { storageErrorKey } from '../../db/health';
import { addStamps, LedgerRuleError, redeemReward, undoLast } from '../../db/ledger';
import { currentStaffId } from '../../db/current-staff';
import { QUANTITY_MAX, QUANTITY_MIN } from '../../domain/stamping';
import { announce } from '../../ui/announcer';
import { timed } from '../../ui/perf';

type Action = 'stamp' | 'redeem' | 'undo';

/** `verifiedCard`: the member came from a verified card code, and may be new to this tablet. */
export function useCounterActions(memberId: string, verifiedCard = false) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);

  const run = useCallback(
    async (action: Action, write: () => Promise<unknown>, done: () => string): Promise<boolean> => {
      setBusy(action);
      setError(null);
      try {
        await write();
        announce(done());
        return true;
      } catch (e) {
        setError(
          e instanceof LedgerRuleError
            ? t(`errors.${e.code}`, { min: QUANTITY_MIN, max: QUANTITY_MAX })
            : t(storageErrorKey(e) ?? 'errors.saveFailed'),
        );
        return false;
      } finally {
        setBusy(null);
      }
    },
    [t],
  );

  // Who is working is read at the moment of the action (another person may have switched in).
  const ctx = async () => ({ staffId: await currentStaffId(db), now: Date.now(), verifiedCard });

  return {
    error,
    busy,
    clearError: () => setError(null),
    stamp: (quantity: number) =>
      run(
        'stamp',
        // The measure is the stamp's transaction; reading who is working comes before it.
        async () => {
          const context = await ctx();
          return timed('setia:stamp', () => addStamps(db, memberId, quantity, context));
        },
        () => t('counter.stamped', { count: quantity }),
      ),
    redeem: (rewardName: string) =>
      run(
        'redeem',
        async () => redeemReward(db, memberId, await ctx()),
        () => t('counter.redeemed', { reward: rewardName }),
      ),
    undo: () =>
      run(
        'undo',
        async () => undoLast(db, memberId, await ctx()),
        () => t('counter.undone'),
      ),
  };
}
