/**
 * The counter's actions on one member: each is one transaction in db/ledger.ts.
 * Rule refusals come back as i18n keys; nothing was written in that case.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { storageErrorKey } from '../../db/health';
import { currentStaffId } from '../../db/current-staff';
import { addStamps, LedgerRuleError, redeemReward, undoLast } from '../../db/ledger';
import type { StampOptions } from '../../db/program';
import { QUANTITY_MAX, QUANTITY_MIN } from '../../domain/stamping';
import { formatDate, formatNumber } from '../../i18n/format';
import { announce } from '../../ui/announcer';
import { timed } from '../../ui/perf';

type Action = 'stamp' | 'redeem' | 'undo' | 'club';

/** The program's actions live in a lazy module: a shop without a program never loads them. */
const programActions = () => import('../../db/program');

/**
 * `verifiedCard`: the member came from a verified card code, and may be new to this tablet.
 * `programmed`: the shop runs a program, so stamps follow its rules.
 */
export function useCounterActions(memberId: string, verifiedCard = false, programmed = false) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);

  const run = useCallback(
    async <R>(action: Action, write: () => Promise<R>, done: (result: R) => string) => {
      setBusy(action);
      setError(null);
      try {
        announce(done(await write()));
        return true;
      } catch (e) {
        setError(
          e instanceof LedgerRuleError
            ? t(`errors.${e.code}`, {
                min: QUANTITY_MIN,
                max: QUANTITY_MAX,
                ...e.values,
                ...(typeof e.values.amount === 'number'
                  ? { amount: formatNumber(e.values.amount) }
                  : {}),
              })
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
    stamp: (quantity: number, options: StampOptions = {}) =>
      run(
        'stamp',
        // The measure is the stamp's transaction: who is working and the program's code come first.
        async () => {
          const context = await ctx();
          if (!programmed)
            return timed('setia:stamp', () => addStamps(db, memberId, quantity, context));
          const actions = await programActions();
          return timed('setia:stamp', () =>
            actions.addRuledStamps(db, memberId, quantity, context, options),
          );
        },
        (event) => t('counter.stamped', { count: event.stamps }),
      ),
    redeemItem: (rewardId: string, rewardName: string) =>
      run(
        'redeem',
        async () =>
          (await programActions()).redeemCatalogueReward(db, memberId, rewardId, await ctx()),
        () => t('counter.redeemed', { reward: rewardName }),
      ),
    sellClub: () =>
      run(
        'club',
        async () => (await programActions()).sellClub(db, memberId, await ctx()),
        (event) =>
          t('program.clubSold', {
            club: event.club?.name,
            date: formatDate(event.club?.until ?? 0),
          }),
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
