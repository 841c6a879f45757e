/** The words for a failed server call, in the reader's language. */
import { useTranslation } from 'react-i18next';
import { SyncError } from '../../sync/sync-error';
import { syncErrorKey } from './error-key';

export function useSyncErrorText() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    return t(e instanceof SyncError ? syncErrorKey(e.code) : 'sync.errors.failed');
  };
}
