/**
 * "Catching up with the shop": a new tablet loading its shop's snapshot shows
 * how far it got, without blocking the counter (stamping works meanwhile).
 * With `waiting`, an open-ended bar before the first figures arrive.
 */
import { useTranslation } from 'react-i18next';
import { useObservable } from '../../ui/useObservable';
import { catchUpStatus } from '../../sync/status';

export function CatchUpBar({ waiting = false }: { waiting?: boolean }) {
  const { t } = useTranslation();
  const status = useObservable(catchUpStatus);
  if (!status && !waiting) return null;
  const percent = status ? Math.min(100, Math.floor((100 * status.done) / status.total)) : null;
  return (
    <div className="catch-up">
      <progress
        aria-label={t('sync.catchingUp')}
        max={100}
        {...(percent === null ? {} : { value: percent })}
      />
      <span className="catch-up__text">
        {status?.ready ? t('sync.catchUpReady') : t('sync.catchUpLoading')}
        {percent !== null && ` ${t('sync.catchUpPercent', { percent })}`}
      </span>
    </div>
  );
}
