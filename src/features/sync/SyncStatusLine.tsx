/** "Sync status" on every staff screen (synced, N pending, offline, error) and "Sync now". */
import { useTranslation } from 'react-i18next';
import { useObservable } from '../../ui/useObservable';
import { formatTime } from '../../i18n/format';
import { loadSync } from '../../sync/load';
import { syncStatus } from '../../sync/status';
import { CatchUpBar } from './CatchUpBar';
import { syncErrorKey } from './error-key';

export function SyncStatusLine() {
  const { t } = useTranslation();
  const status = useObservable(syncStatus);
  const { phase, pending } = status;
  const text =
    phase === 'unpaired'
      ? t('sync.unpaired')
      : phase === 'syncing'
        ? t('sync.syncing')
        : phase === 'offline'
          ? pending > 0
            ? t('sync.offlinePending', { count: pending })
            : t('sync.offline')
          : phase === 'error'
            ? t('sync.error', { reason: t(syncErrorKey(status.code ?? 'failed')) })
            : pending > 0
              ? t('sync.pending', { count: pending })
              : t('sync.synced');
  return (
    <div className="sync-status">
      <p
        role="status"
        aria-label={t('sync.status')}
        className={`sync-status__text sync-status__${phase}`}
        title={text}
      >
        {text}
      </p>
      {phase === 'synced' && status.lastSyncAt !== undefined && (
        <span className="sync-status__time">
          {t('sync.lastSynced', { time: formatTime(status.lastSyncAt) })}
        </span>
      )}
      {phase !== 'unpaired' && (
        <button
          type="button"
          className="button"
          disabled={phase === 'syncing'}
          onClick={() => void loadSync().then((m) => m.syncNow())}
        >
          {t('sync.now')}
        </button>
      )}
      <CatchUpBar />
    </div>
  );
}
