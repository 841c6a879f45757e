/** The words for a failed server call, in the reader's language. */
import { useTranslation } from 'react-i18next';
import { SyncError } from './sync-error';
import { syncErrorKey } from './status';

export function useSyncErrorText() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    if (e instanceof SyncError) return t(syncErrorKey(e.code));
    return e instanceof Error && e.message === 'bad address'
      ? t('sync.errors.badServer')
      : t('sync.errors.failed');
  };
}
