/**
 * A friend's referral link (/?ref=<code>) opened on a phone that is not one of
 * the shop's tablets: the friend is invited to join at the counter with the code.
 * (On a shop's tablet the same link opens "New member" with the code filled in.)
 */
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import './card.css';

interface Props {
  code: string;
  /** This device is a shop's new tablet after all: set it up instead. */
  onSetUpShop: () => void;
}

export default function InviteScreen({ code, onSetUpShop }: Props) {
  const { t } = useTranslation();
  // The friend's card names its café in the link; an older link has none.
  const shop = new URLSearchParams(window.location.search).get('shop')?.trim().slice(0, 60) ?? '';
  return (
    <main className="phone-page card-page invite">
      <div className="phone-page__top">
        <LanguageSwitch />
      </div>
      <h1>{shop ? t('card.polish.invitedTo', { shop }) : t('card.invite.title')}</h1>
      <p>{t('card.invite.hint')}</p>
      <p className="card-page__code">
        {t('card.invite.code')} <strong>{code}</strong>
      </p>
      <p className="muted">{t('card.invite.after')}</p>
      <button type="button" className="button button--link" onClick={onSetUpShop}>
        {t('card.invite.setUp')}
      </button>
    </main>
  );
}
