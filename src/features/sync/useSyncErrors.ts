/** The words for a failed server call, in the reader's language. */
import { useTranslation } from 'react-i18next';
import { SyncError } from '../../sync/sync-error';

/** The catalogue key that explains a failed call, by the server's error code. */
export function syncErrorKey(code: string): string {
  const keys: Record<string, string> = {
    unreachable: 'sync.errors.unreachable',
    bad_code: 'sync.errors.badCode',
    wrong_pin: 'sync.errors.wrongPin',
    too_many_tries: 'sync.errors.tooMany',
    shop_exists: 'sync.errors.shopExists',
    bad_token: 'sync.errors.removedDevice',
    no_token: 'sync.errors.removedDevice',
  };
  return keys[code] ?? 'sync.errors.failed';
}

export function useSyncErrorText() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    return t(e instanceof SyncError ? syncErrorKey(e.code) : 'sync.errors.failed');
  };
}
