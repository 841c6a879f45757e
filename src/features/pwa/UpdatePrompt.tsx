/** "Update available — Reload": shown, never applied by itself, held while work is unsaved. */
import { useTranslation } from 'react-i18next';
import { useHasUnsavedWork } from '../../ui/unsaved';
import { useObservable } from '../../ui/useObservable';
import { waitingUpdate } from './update-store';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const apply = useObservable(waitingUpdate);
  const busy = useHasUnsavedWork();
  if (!apply) return null;
  return (
    <aside className="update-prompt" role="region" aria-label={t('pwa.updateRegion')}>
      <p>
        <strong>{t('pwa.updateAvailable')}</strong>
        {busy && <span className="update-prompt__hold"> {t('pwa.finishFirst')}</span>}
      </p>
      <button type="button" className="button button--primary" disabled={busy} onClick={apply}>
        {t('pwa.reload')}
      </button>
    </aside>
  );
}
