/** A banner for database problems (another tab upgraded the schema, storage refused). */
import { useTranslation } from 'react-i18next';
import { storageProblem } from '../db/health';
import { useObservable } from './useObservable';

export function StorageBanner() {
  const { t } = useTranslation();
  const problem = useObservable(storageProblem);
  if (!problem) return null;
  return (
    <div className="storage-banner" role="alert">
      <p>{t(`pwa.problem.${problem}`)}</p>
      {problem !== 'blocked' && (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('pwa.problem.reload')}
        </button>
      )}
    </div>
  );
}
