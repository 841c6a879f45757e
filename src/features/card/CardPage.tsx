/**
 * The customer's card, on their own phone (route /c/<memberId>.<sig>): the live
 * QR to show at the counter, the punch card, rewards and last visits. Works
 * offline from what the phone knows; the QR never needs the network.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cardView } from '../../domain/balance';
import { formatDayLongMonth, formatRelative } from '../../i18n/format';
import { secondsToNextStep, timeStep } from '../../shared/card-link';
import { liveCodeUrl, parseScannedCode } from '../../shared/scanned-code';
import { GiftIcon } from '../../ui/icons';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { PunchCard } from '../../ui/PunchCard';
import { useNow } from '../../ui/useNow';
import { QrCode } from './QrCode';
import { rememberMyCard } from './my-card';
import { useCardState } from './useCardState';
import { useWakeLock } from './useWakeLock';
import { loadCatalogues } from '../../i18n';
import './card.css';

// Referral and feedback, with their words, load after the card itself is on screen.
const CardProgram = lazy(() =>
  Promise.all([import('./CardProgram'), loadCatalogues('program')]).then(([m]) => m),
);

interface Props {
  token: string;
  /** "This is a shop tablet": leave the card for the staff app. */
  onLeave: () => void;
}

export default function CardPage({ token, onLeave }: Props) {
  const { t } = useTranslation();
  const kind = parseScannedCode(`${window.location.origin}/c/${token}`).kind;
  if (kind === 'static') return <MemberCard token={token} onLeave={onLeave} />;
  return (
    <main className="phone-page card-page">
      <div className="phone-page__top">
        <LanguageSwitch />
      </div>
      <p className="form-error" role="alert">
        {kind === 'live' ? t('card.liveOpened') : t('card.invalid')}
      </p>
    </main>
  );
}

function MemberCard({ token, onLeave }: Props) {
  const { t, i18n } = useTranslation();
  const memberId = token.split('.')[0]!;
  const state = useCardState(token, memberId, window.location.hash);
  const now = useNow(1000);
  const step = timeStep(now);
  const [live, setLive] = useState<string | null>(null);
  useWakeLock();

  useEffect(() => rememberMyCard(window.location.pathname + window.location.hash), []);
  // A card the shop's server answered for (now or before): that server serves its manifest too.
  const servedName =
    state.status === 'shown' && state.source === 'snapshot' ? state.card.shopName : '';
  useShopManifest(token, servedName, i18n.language);
  useEffect(() => {
    let current = true;
    // Derived from the card token alone: no network, no shop key.
    void liveCodeUrl(window.location.origin, token, step * 30_000).then((text) => {
      if (current) setLive(text);
    });
    return () => {
      current = false;
    };
  }, [token, step]);

  if (state.status === 'loading') return <main className="phone-page card-page" aria-busy="true" />;
  if (state.status === 'tampered')
    return (
      <main className="phone-page card-page">
        <p className="form-error" role="alert">
          {t('card.invalid')}
        </p>
      </main>
    );

  const { card } = state;
  const { cardStamps, pendingRewards } = cardView(card.balance, card.stampsPerCard);
  return (
    <main className="phone-page card-page">
      <div className="phone-page__top">
        <LanguageSwitch />
      </div>
      <header className="card-page__header">
        {card.shopName && <h1>{card.shopName}</h1>}
        <p className="card-page__hello">
          {card.firstName ? t('card.hello', { name: card.firstName }) : t('card.yourCard')}
        </p>
        {card.tier && <p className="card-page__tier">{t('card.tier', { tier: card.tier })}</p>}
      </header>

      <section className="card-page__qr" aria-labelledby="card-qr-heading">
        <h2 id="card-qr-heading" className="visually-hidden">
          {t('card.codeHeading')}
        </h2>
        {live && <QrCode text={live} label={t('card.codeLabel')} className="qr--live" />}
        <p className="card-page__countdown" aria-live="off">
          {t('card.countdown', { count: secondsToNextStep(now) })}
        </p>
      </section>

      {pendingRewards > 0 && (
        <div className="reward-banner" role="note">
          <GiftIcon className="reward-banner__icon" size={28} />
          <strong>
            {t('card.rewardsReady', { count: pendingRewards, reward: card.rewardName })}
          </strong>
        </div>
      )}
      {state.status !== 'seed' && (
        <div className="card-page__punch">
          <PunchCard stamps={cardStamps} size={card.stampsPerCard} />
          <p>
            {t('card.toNextReward', {
              count: card.stampsPerCard - cardStamps,
              reward: card.rewardName,
            })}
          </p>
          {card.expiring && card.expiring.stamps > 0 && (
            <p className="card-page__expiry" role="note">
              {t('card.expiring', {
                count: card.expiring.stamps,
                date: formatDayLongMonth(card.expiring.on),
              })}
            </p>
          )}
        </div>
      )}

      <p className="card-page__freshness">
        {state.status === 'seed'
          ? t('card.notYetSynced')
          : state.source === 'snapshot'
            ? t('card.lastUpdated', { when: formatRelative(card.updatedAt, now) })
            : t('card.liveFromTablet')}
      </p>

      {card.recentVisits.length > 0 && (
        <section className="visits" aria-labelledby="card-visits">
          <h2 id="card-visits">{t('card.lastVisits')}</h2>
          <ul>
            {card.recentVisits.slice(0, 5).map((v) => (
              <li key={v.at}>
                <span>{t('card.visitStamps', { count: v.stamps })}</span>
                <time dateTime={new Date(v.at).toISOString()}>{formatRelative(v.at, now)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.status === 'shown' && (
        <Suspense fallback={null}>
          <CardProgram
            token={token}
            memberId={memberId}
            lastVisitAt={card.recentVisits[0]?.at ?? null}
            onTablet={state.source === 'tablet'}
            shopName={card.shopName}
          />
        </Suspense>
      )}
      <p className="card-page__hint">{t('card.addToHomeScreen')}</p>
      {/* Only a shop tablet (the card shown from its own ledger) is offered the staff app. */}
      {state.status === 'shown' && state.source === 'tablet' && (
        <button type="button" className="button button--link card-page__leave" onClick={onLeave}>
          {t('card.staffDevice')}
        </button>
      )}
    </main>
  );
}

/**
 * Installed on the home screen, the card is the café's, not "Setia": the page
 * title and the manifest link name it after the shop (the server's per-card
 * manifest, in the customer's language). `shopName` is empty until the shop's
 * server has answered for this card, so a plain static host keeps the app's.
 */
function useShopManifest(token: string, shopName: string, language: string) {
  useEffect(() => {
    if (!shopName) return;
    const title = document.title;
    document.title = shopName;
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    const appManifest = link?.getAttribute('href') ?? null;
    const url = `/api/card/${encodeURIComponent(token)}/manifest.webmanifest?lang=${encodeURIComponent(language)}`;
    link?.setAttribute('href', url);
    return () => {
      document.title = title;
      if (link && appManifest) link.setAttribute('href', appManifest);
    };
  }, [token, shopName, language]);
}
