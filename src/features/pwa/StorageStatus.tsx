/**
 * For the owner: whether the browser promised to keep Setia's data, how much
 * space it uses, and where else the data is: on the sync server when this
 * tablet is connected to one; otherwise only in this browser, with a reminder
 * to export when the members were never exported or not for over a week.
 * One message about backups, never two that disagree.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLastExportAt } from '../../db/hooks';
import type { SyncState } from '../../db/sync-state';
import { useSyncState } from '../../db/sync-hooks';
import { formatRelative, numberFormat } from '../../i18n/format';
import { useNow } from '../../ui/useNow';

const WEEK_MS = 7 * 24 * 3600_000;

interface Storage {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat({ style: 'unit', unit: units[unit], maximumFractionDigits: 1 }).format(value);
}

export function StorageStatus() {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const lastExport = useLastExportAt();
  const [storage, setStorage] = useState<Storage>({ persisted: null, usage: null, quota: null });

  useEffect(() => {
    let alive = true;
    const s = navigator.storage;
    void Promise.all([s?.persisted?.() ?? null, s?.estimate?.() ?? null]).then(
      ([persisted, estimate]) => {
        if (alive)
          setStorage({ persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null });
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  const sync = useSyncState();
  const loaded = lastExport !== undefined && sync !== undefined;
  return (
    <section className="storage-status" aria-labelledby="storage-status-title">
      <h2 id="storage-status-title">{t('pwa.storage.title')}</h2>
      <p className={storage.persisted === false ? 'storage-status__warn' : undefined}>
        {storage.persisted === null
          ? t('pwa.storage.unknown')
          : storage.persisted
            ? t('pwa.storage.persisted')
            : t('pwa.storage.notPersisted')}
      </p>
      {storage.usage !== null && storage.quota !== null && (
        <p className="muted">
          {t('pwa.storage.usage', {
            used: formatBytes(storage.usage),
            quota: formatBytes(storage.quota),
          })}
        </p>
      )}
      {loaded && <Backup lastExport={lastExport} sync={sync} now={now} />}
    </section>
  );
}

/** Where the shop's data is kept besides this browser, and what to do about it: one message. */
function Backup({
  lastExport,
  sync,
  now,
}: {
  lastExport: number | null;
  sync: SyncState | null;
  now: number;
}) {
  const { t } = useTranslation();
  if (sync) {
    const server = serverName(sync.server);
    return (
      <p className="muted">
        {sync.lastSyncAt === null
          ? t('pwa.storage.onServerSoon', { server })
          : t('pwa.storage.onServer', { server, when: formatRelative(sync.lastSyncAt, now) })}
      </p>
    );
  }
  if (lastExport === null)
    return (
      <p className="storage-status__warn" role="alert">
        {t('pwa.storage.neverExported')}
      </p>
    );
  if (now - lastExport > WEEK_MS)
    return (
      <p className="storage-status__warn" role="alert">
        {t('pwa.storage.exportOld', { when: formatRelative(lastExport, now) })}
      </p>
    );
  return (
    <p className="muted">
      {t('pwa.storage.lastExport', { when: formatRelative(lastExport, now) })}
    </p>
  );
}

/** "setia.example.com" for "https://setia.example.com/": the server as the owner knows it. */
function serverName(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
