/**
 * A member's card QR, large, at the counter: after enrolling (the customer scans
 * it with their own phone) and again when a customer lost their phone. With
 * "Share via WhatsApp" and "Print card" (a wallet-sized card with a static code).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { claimCode, claimCodeChangesIn, signCard } from '../../shared/card-link';
import { firstName } from '../../domain/member';
import { cardLinkWithSeed, whatsappLink } from './card-seed';
import { QrCode } from './QrCode';
import './card.css';

interface Props {
  member: Member;
  shop: ShopSettings;
  onClose: () => void;
}

export default function CardQrDialog({ member, shop, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void signCard(member.id, shop.cardKey).then((token) => {
      if (!live) return;
      setLink(
        cardLinkWithSeed(window.location.origin, token, {
          shopName: shop.name,
          firstName: firstName(member.name, shop.country),
          stampsPerCard: shop.stampsPerCard,
          rewardName: shop.rewardName,
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [member, shop]);

  const claim = useClaimCode(member.phone ? member.id : null, shop.cardKey);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className="dialog card-qr" aria-labelledby="card-qr-title" onCancel={onClose}>
      <h2 id="card-qr-title">{t('card.qrTitle', { name: member.name })}</h2>
      <p className="card-qr__hint no-print">{t('card.qrHint')}</p>
      {claim && (
        <p className="card-qr__claim no-print">
          <span id="card-qr-claim-label">{t('card.claimLabel')}</span>
          <strong
            className="card-qr__claim-code"
            aria-labelledby="card-qr-claim-label"
            role="status"
          >
            {`${claim.slice(0, 3)} ${claim.slice(3)}`}
          </strong>
        </p>
      )}
      <div className="print-card">
        <p className="print-card__shop">{shop.name}</p>
        <p className="print-card__name">{member.name}</p>
        {link && <QrCode text={link} label={t('card.qrLabel', { name: member.name })} />}
        {link && (
          <p className="card-qr__link">
            <a href={link}>{link.split('#')[0]}</a>
          </p>
        )}
      </div>
      <div className="dialog__actions no-print">
        {link && (
          <a
            className="button"
            href={whatsappLink(member.phone, t('card.whatsappText', { shop: shop.name, link }))}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('card.shareWhatsapp')}
          </a>
        )}
        <button type="button" className="button" onClick={() => window.print()} disabled={!link}>
          {t('card.print')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('card.done')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * The code a member already enrolled types on the join page to open their card
 * on their own phone (only for a member with a phone: the page asks for it);
 * it is made again when its 10 minutes are up.
 */
function useClaimCode(memberId: string | null, cardKey: string): string | null {
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    if (!memberId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const now = Date.now();
      void claimCode(memberId, cardKey, now).then((c) => {
        if (live) setCode(c);
      });
      timer = setTimeout(refresh, claimCodeChangesIn(now) + 50);
    };
    refresh();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [memberId, cardKey]);
  return memberId ? code : null;
}
