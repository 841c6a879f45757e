/** The words for a failed server call, in the reader's language. */
import { useTranslation } from 'react-i18next';
import { SyncError } from './client';

export function useSyncErrorText() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    if (!(e instanceof SyncError))
      return e instanceof Error && e.message === 'bad address'
        ? t('sync.errors.badServer')
        : t('sync.errors.failed');
    if (e.code === 'unreachable') return t('sync.errors.unreachable');
    if (e.code === 'bad_code') return t('sync.errors.badCode');
    if (e.code === 'wrong_pin') return t('sync.errors.wrongPin');
    if (e.code === 'too_many_tries') return t('sync.errors.tooMany');
    if (e.code === 'shop_exists') return t('sync.errors.shopExists');
    if (e.code === 'bad_token') return t('sync.errors.removedDevice');
    return t('sync.errors.failed');
  };
}
