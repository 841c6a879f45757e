/**
 * Owner → Shop: the counter poster and the switch for joining from one's own
 * phone. The poster is an A4 or A5 page with the shop's name, a short
 * invitation in the shop's languages and a QR code to the shop's join page on
 * its Setia server; it prints from the browser (print.css sizes the page).
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import { useSyncState } from '../../db/sync-hooks';
import type { Country, ShopSettings } from '../../domain/shop';
import { loadLanguage, type Language } from '../../i18n';
import { joinPath } from '../../shared/self-join';
import { QrCode } from '../../ui/QrCode';
import './poster.css';
import { InstantCheckbox } from '../../ui/InstantCheckbox';

const PAPER_SIZES = ['A4', 'A5'] as const;
type PaperSize = (typeof PAPER_SIZES)[number];

/** The languages a poster speaks, the shop's country's first: its customers read them. */
export function posterLanguages(country: Country): Language[] {
  switch (country) {
    case 'ID':
      return ['id', 'en'];
    case 'MY':
      return ['ms', 'en'];
    case 'VN':
      return ['vi', 'en'];
    case 'SG':
      return ['en', 'ms'];
    default:
      return ['en'];
  }
}

export default function PosterPanel({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="owner-poster">
      <h2 id="owner-poster">{t('poster.title')}</h2>
      <InstantCheckbox
        initial={shop.selfJoin !== false}
        label={t('poster.selfJoin')}
        hint={t('poster.selfJoinHint')}
        save={(next) => updateShop({ selfJoin: next })}
      />
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('poster.print')}
      </button>
      {open &&
        createPortal(<PosterSheet shop={shop} onClose={() => setOpen(false)} />, document.body)}
    </section>
  );
}

function PosterSheet({ shop, onClose }: { shop: ShopSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const [size, setSize] = useState<PaperSize>('A4');
  const languages = posterLanguages(shop.country);
  const [ready, setReady] = useState(false);
  // The server the tablet syncs with serves the join page; unconnected, the app's own origin.
  const sync = useSyncState();
  const server = sync === undefined ? undefined : (sync?.server ?? null);
  useEffect(() => {
    let current = true;
    void Promise.all(languages.map((l) => loadLanguage(l))).then(() => current && setReady(true));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shop.country]);
  useEffect(() => {
    const close = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);
  if (server === undefined || !ready) return null;
  const url = `${server ?? window.location.origin}${joinPath(shop.shopId)}`;
  const [first, ...others] = languages;
  return (
    <div className="poster-print" role="dialog" aria-modal="true" aria-label={t('poster.title')}>
      <div className="poster-print__tools">
        <fieldset className="poster-print__sizes">
          <legend>{t('poster.size')}</legend>
          {PAPER_SIZES.map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name="poster-size"
                checked={size === s}
                onChange={() => setSize(s)}
              />
              <span>{s}</span>
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('poster.printNow')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('poster.close')}
        </button>
        {!server && <p className="form-error">{t('poster.notConnected')}</p>}
      </div>
      {/* Only the paper size's @page rule: the print dialog opens on the right sheet. */}
      <style>{`@page { size: ${size} portrait; margin: 0; }`}</style>
      <article className={`poster poster--${size.toLowerCase()}`} aria-label={t('poster.sheet')}>
        <h1 className="poster__shop">{shop.name}</h1>
        <p className="poster__invite">{t('poster.invite', { lng: first })}</p>
        {others.map((lng) => (
          <p key={lng} lang={lng} className="poster__invite poster__invite--other">
            {t('poster.invite', { lng })}
          </p>
        ))}
        <QrCode
          text={url}
          label={t('poster.qrLabel', { shop: shop.name })}
          className="poster__qr"
        />
        <p className="poster__scan">{t('poster.scan', { lng: first })}</p>
        {others.map((lng) => (
          <p key={lng} lang={lng} className="poster__scan poster__scan--other">
            {t('poster.scan', { lng })}
          </p>
        ))}
        <p className="poster__url">{url}</p>
      </article>
    </div>
  );
}
