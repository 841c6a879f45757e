/**
 * On the counter and in the owner area of a shop that is not connected although
 * it was opened from its Setia server: customers' cards stay empty until it
 * connects, and the button to do it. Connecting is the engine's job (the same
 * plan as at first run), so a click and the engine's own retries never register
 * the shop twice. Hidden when the owner chose to keep the shop on this tablet.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSyncPlan } from '../../db/sync-actions';
import { useSyncPlan, useSyncState } from '../../db/sync-hooks';
import { loadSync } from '../../sync/load';
import { probeServer } from '../../sync/server-here';
import { syncStatus } from '../../sync/status';
import { useObservable } from '../../ui/useObservable';

export default function ConnectBanner() {
  const { t } = useTranslation();
  const state = useSyncState();
  const plan = useSyncPlan();
  const status = useObservable(syncStatus);
  const [here, setHere] = useState(false);
  useEffect(() => {
    void probeServer().then((found) => setHere(found === 'here'));
  }, []);
  if (state !== null || plan === undefined || plan?.localOnly || !here) return null;

  const connect = async () => {
    await saveSyncPlan({
      server: window.location.origin,
      deviceName: plan?.deviceName ?? t('sync.firstTablet'),
    });
    await loadSync().then((m) => m.syncNow());
  };
  const busy = status.phase === 'syncing';
  return (
    <div className="storage-banner connect-banner">
      <p>{t('setup.server.notConnected')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void connect()}>
        {busy ? t('setup.server.connecting') : t('setup.server.connect')}
      </button>
    </div>
  );
}
