/** "Owner" on the counter's top bar: opens the owner area (behind the owner PIN). */
import { useTranslation } from 'react-i18next';

export function OwnerButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" onClick={onOpen}>
      {t('owner.open')}
    </button>
  );
}
