import { useTranslation } from 'react-i18next';

export function Splash() {
  const { t } = useTranslation();
  return (
    <main className="splash" aria-busy="true">
      <p>{t('app.loading')}</p>
    </main>
  );
}
