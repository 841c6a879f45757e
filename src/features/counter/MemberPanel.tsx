/** One member at the counter: the card, pending rewards, stamping, redeeming, undo, recent visits. */
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMember, useRecentEvents } from '../../db/counter-hooks';
import { placeholderMember } from '../../db/ledger';
import { cardView } from '../../domain/balance';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { isValidQuantity, QUANTITY_MAX, QUANTITY_MIN } from '../../domain/stamp/card';
import { undoTarget } from '../../domain/stamp/undo';
import { formatDate, formatRelative } from '../../i18n/format';
import { GiftIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';
import { useUnsavedWork } from '../../ui/unsaved';
import { usePhoneFormat } from '../../ui/usePhoneFormat';
import { PunchCard } from '../../ui/PunchCard';
import { QuantityStepper } from './QuantityStepper';
import { useCounterActions } from './useCounterActions';
import { loadCatalogues } from '../../i18n';
import { Field } from '../../ui/Field';

// The program's part of the panel, with its words: only shops that run a program load it.
const MemberProgram = lazy(() =>
  Promise.all([import('./MemberProgram'), loadCatalogues('program')]).then(([m]) => m),
);

/** Whether the shop runs anything beyond plain stamps. */
const hasProgram = (shop: ShopSettings) =>
  shop.program !== undefined || (shop.catalogue?.length ?? 0) > 0 || shop.club !== undefined;

interface Props {
  memberId: string;
  shop: ShopSettings;
  /** Opened by a verified card code: a member this tablet has never seen can still be stamped. */
  scanned?: boolean;
  /** Shows the member's card QR (e.g. for a customer's new phone). */
  onShowCard?: (member: Member) => void;
}

export function MemberPanel({ memberId, shop, scanned = false, onShowCard }: Props) {
  const { t } = useTranslation();
  const now = useNow(10_000);
  const stored = useMember(memberId);
  const recent = useRecentEvents(memberId, now);
  const programmed = hasProgram(shop);
  const actions = useCounterActions(memberId, scanned);
  const amountMode = shop.program?.earning.mode === 'amount';
  const [amount, setAmount] = useState('');
  const [override, setOverride] = useState<string | null>(null);
  const addStampRef = useRef<HTMLButtonElement>(null);
  const formatPhone = usePhoneFormat();
  const [quantity, setQuantity] = useState('1');
  const quantityHelpId = useId();
  useUnsavedWork(quantity !== '1' || amount !== '' || actions.busy !== null);

  // A scanned card "ready to stamp": the cashier's next tap is Add stamp.
  useEffect(() => {
    if (scanned && stored !== undefined) addStampRef.current?.focus();
  }, [scanned, stored]);

  if (stored === undefined) return <section className="panel panel--loading" aria-busy="true" />;
  const member = stored ?? (scanned ? placeholderMember(memberId, now) : null);
  if (member === null)
    return (
      <section className="panel panel--empty">
        <p role="alert">{t('errors.member.unknown')}</p>
      </section>
    );
  const newToTablet = member.placeholder === true;

  const { cardStamps, pendingRewards, owed } = cardView(member.stats.balance, shop.stampsPerCard);
  const q = Number(quantity);
  const quantityValid = amountMode || (isValidQuantity(q) && quantity.trim() !== '');
  const spent = Number(amount.replace(',', '.'));
  const undoable = recent ? undoTarget(recent, now) : null;
  const toNextReward = shop.stampsPerCard - cardStamps;

  const onStamp = async (e: FormEvent) => {
    e.preventDefault();
    if (!quantityValid) return;
    const options = {
      ...(amountMode ? { amount: amount.trim() ? spent : NaN } : {}),
      ...(override !== null ? { override } : {}),
    };
    if (await actions.stamp(amountMode ? 1 : q, options)) {
      setQuantity('1');
      setAmount('');
      setOverride(null);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${memberId}-name`}>
      <header className="panel__header">
        <div>
          <h2 id={`${memberId}-name`} className="panel__name">
            {newToTablet ? t('counter.newToTablet') : member.name}
          </h2>
          {newToTablet ? (
            <p className="panel__meta">{t('counter.newToTabletHint')}</p>
          ) : (
            <p className="panel__meta">
              {member.phone && <span>{formatPhone(member.phone)}</span>}
              <span>{t('counter.memberSince', { date: formatDate(member.joinedAt) })}</span>
            </p>
          )}
        </div>
        {onShowCard && !newToTablet && (
          <button type="button" className="button" onClick={() => onShowCard(member)}>
            {t('counter.showCard')}
          </button>
        )}
      </header>

      {pendingRewards > 0 ? (
        <div className="reward-banner" role="note">
          <GiftIcon className="reward-banner__icon" size={28} />
          <strong>
            {t('counter.rewardsPending', { count: pendingRewards, reward: shop.rewardName })}
          </strong>
        </div>
      ) : null}
      {owed > 0 && (
        <p className="conflict-note" role="note">
          {t('counter.owes', { count: owed })}
        </p>
      )}

      <div className="panel__card">
        <PunchCard stamps={cardStamps} size={shop.stampsPerCard} />
        <p className="panel__progress">
          {t('counter.stampsOfCard', { count: cardStamps, total: shop.stampsPerCard })}
          {' · '}
          {t('counter.toNextReward', { count: toNextReward, reward: shop.rewardName })}
        </p>
      </div>

      {programmed && (
        <Suspense fallback={null}>
          <MemberProgram
            member={member}
            shop={shop}
            now={now}
            quantity={quantityValid ? q : 1}
            amount={spent}
            overriding={override !== null}
            onOverride={() => setOverride('')}
            actions={actions}
          />
        </Suspense>
      )}

      <form className="panel__actions" onSubmit={onStamp} noValidate>
        {amountMode ? (
          <Field label={t('counter.amountSpent', { currency: shop.currency })}>
            <input
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
        ) : (
          <QuantityStepper
            value={quantity}
            onChange={setQuantity}
            invalid={!quantityValid}
            describedBy={quantityValid ? undefined : quantityHelpId}
          />
        )}
        {override !== null && (
          <Field label={t('counter.overrideReason')}>
            <input value={override} onChange={(e) => setOverride(e.target.value)} autoFocus />
          </Field>
        )}
        <button
          ref={addStampRef}
          type="submit"
          className="button button--primary button--large"
          disabled={actions.busy !== null || !quantityValid}
        >
          {t('counter.addStamp')}
        </button>
        <button
          type="button"
          className={`button button--large${pendingRewards > 0 ? ' button--reward' : ''}`}
          disabled={pendingRewards < 1 || actions.busy !== null}
          onClick={() => void actions.redeem(shop.rewardName)}
        >
          {t('counter.redeem')}
        </button>
        <button
          type="button"
          className="button button--large button--quiet"
          disabled={!undoable || actions.busy !== null}
          aria-describedby={undoable ? `${memberId}-undo` : undefined}
          onClick={() => void actions.undo()}
        >
          {t('counter.undo')}
        </button>
      </form>
      {!quantityValid && (
        <p className="field__error" id={quantityHelpId} role="alert">
          {t('errors.quantity.range', { min: QUANTITY_MIN, max: QUANTITY_MAX })}
        </p>
      )}
      {undoable && (
        <p className="panel__undo-hint" id={`${memberId}-undo`}>
          {t(`counter.undoHint.${undoable.type}`, {
            count: Math.abs(undoable.stamps),
            when: formatRelative(undoable.at, now),
          })}
        </p>
      )}
      {actions.error && (
        <p className="form-error" role="alert">
          {actions.error}
        </p>
      )}

      <section className="visits" aria-labelledby={`${memberId}-visits`}>
        <h3 id={`${memberId}-visits`}>{t('counter.lastVisits')}</h3>
        {member.stats.recentVisits.length === 0 ? (
          <p className="muted">{t('counter.noVisits')}</p>
        ) : (
          <ul>
            {member.stats.recentVisits.slice(0, 5).map((v) => (
              <li key={v.eventId}>
                <span>{t('counter.visitStamps', { count: v.stamps })}</span>
                <time dateTime={new Date(v.at).toISOString()}>{formatRelative(v.at, now)}</time>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          {t('counter.totals', { visits: member.stats.visits, redeemed: member.stats.redeemed })}
        </p>
      </section>
    </section>
  );
}
