/** The owner's members CSV panel: export (members, ledger) and import. */
import { useTranslation } from 'react-i18next';
import type { ShopSettings } from '../../domain/shop';
import { CsvExport } from './CsvExport';
import { CsvImport } from './CsvImport';
import './csv.css';

export default function MembersCsv({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  return (
    <section className="panel csv" aria-labelledby="members-csv-title">
      <h2 id="members-csv-title">{t('csv.title')}</h2>
      <p className="muted">{t('csv.intro')}</p>
      <CsvExport />
      <CsvImport shop={shop} />
    </section>
  );
}
