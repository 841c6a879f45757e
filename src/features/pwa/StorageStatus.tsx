/**
 * For the owner: whether the browser promised to keep Setia's data, how much
 * space it uses, and a reminder when the last export is over a week old.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { getLastExportAt } from '../../db/settings';
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
  const lastExport = useLiveQuery(() => getLastExportAt(db), []);
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

  const exportIsOld =
    lastExport !== undefined && (lastExport === null || now - lastExport > WEEK_MS);
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
      {lastExport ? (
        <p className="muted">
          {t('pwa.storage.lastExport', { when: formatRelative(lastExport, now) })}
        </p>
      ) : null}
      {lastExport === null && <p>{t('pwa.storage.neverExported')}</p>}
      {exportIsOld && (
        <p className="storage-status__warn" role="alert">
          {t('pwa.storage.exportOld')}
        </p>
      )}
    </section>
  );
}
