/**
 * The counter's actions on one member: each is one call to db's `counter`
 * (one transaction, decided in src/domain/stamp). Rule refusals come back as
 * i18n keys; nothing was written in that case.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StampOptions } from '../../db/counter';
import { counter } from '../../db/counter-commands';
import { storageErrorKey } from '../../db/health';
import { LedgerRuleError } from '../../db/ledger';
import type { Member } from '../../domain/member';
import { QUANTITY_MAX, QUANTITY_MIN } from '../../domain/stamp/card';
import { formatDate, formatNumber } from '../../i18n/format';
import { announce } from '../../ui/announcer';
import { timed } from '../../ui/perf';

type Action = 'stamp' | 'redeem' | 'undo' | 'club';

/** `verifiedCard`: the member came from a verified card code, and may be new to this tablet. */
export function useCounterActions(memberId: string, verifiedCard = false) {
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

  const clearError = useCallback(() => setError(null), []);
  // One object per state change, so the program's part of the panel (memo) re-renders only then.
  return useMemo(
    () => ({
      error,
      busy,
      clearError,
      stamp: (quantity: number, options: StampOptions = {}, onWritten?: (m: Member) => void) =>
        run(
          'stamp',
          // The measure is the stamp's transaction (who is working is read inside it).
          () =>
            timed('setia:stamp', () =>
              counter.stamp(memberId, quantity, options, verifiedCard, onWritten),
            ),
          (event) => t('counter.stamped', { count: event.stamps }),
        ),
      redeemItem: (rewardId: string, rewardName: string) =>
        run(
          'redeem',
          () => counter.redeemCatalogueReward(memberId, rewardId),
          () => t('counter.redeemed', { reward: rewardName }),
        ),
      sellClub: () =>
        run(
          'club',
          () => counter.sellClub(memberId),
          (event) =>
            t('program.clubSold', {
              club: event.club?.name,
              date: formatDate(event.club?.until ?? 0),
            }),
        ),
      redeem: (rewardName: string) =>
        run(
          'redeem',
          () => counter.redeemCardReward(memberId),
          () => t('counter.redeemed', { reward: rewardName }),
        ),
      undo: () =>
        run(
          'undo',
          () => counter.undo(memberId),
          () => t('counter.undone'),
        ),
    }),
    [error, busy, clearError, run, t, memberId, verifiedCard],
  );
}
