/** One member at the counter: the card, pending rewards, stamping, redeeming, undo, recent visits. */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useMember, useMemberExpiry, useRecentEvents } from '../../db/counter-hooks';
import { placeholderMember } from '../../db/ledger';
import type { AmountProblem } from '../../domain/amount';
import { cardView } from '../../domain/balance';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { isValidQuantity, QUANTITY_MAX, QUANTITY_MIN } from '../../domain/stamp/card';
import { undoTarget } from '../../domain/stamp/undo';
import { formatDate, formatDayLongMonth, formatRelative } from '../../i18n/format';
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
// Amount mode exists only with a program: its reader and words load with it.
const CounterAmount = lazy(() =>
  Promise.all([import('./CounterAmount'), loadCatalogues('program')]).then(([m]) => m),
);
const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

/** Whether the shop runs anything beyond plain stamps. */
const hasProgram = (shop: ShopSettings) =>
  shop.program !== undefined || (shop.catalogue?.length ?? 0) > 0 || shop.club !== undefined;

/** This visit's stamps, above the shop's per-visit maximum. */
interface OverMax {
  stamps: number;
  max: number;
}

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
  const read = useMember(memberId);
  // The member as this tablet's last stamp wrote them, shown until the database is read again:
  // the card changes as soon as the stamp is saved. `over` is the row it replaced on screen.
  const [written, setWritten] = useState<{ member: Member; over: Member | null | undefined }>();
  const stored =
    written && written.over === read && written.member.id === memberId ? written.member : read;
  const recent = useRecentEvents(memberId, now);
  const expiry = useMemberExpiry(memberId, shop, now);
  const programmed = hasProgram(shop);
  const actions = useCounterActions(memberId, scanned);
  const amountMode = shop.program?.earning.mode === 'amount';
  // NaN while empty or unreadable; `amountProblem` says why.
  const [amount, setAmount] = useState(NaN);
  const [amountProblem, setAmountProblem] = useState<AmountProblem | null>(null);
  const [amountTried, setAmountTried] = useState(false);
  // This visit's stamps when above the shop's per-visit maximum (MemberProgram works it out).
  const [overMax, setOverMax] = useState<OverMax | null>(null);
  const [confirming, setConfirming] = useState<OverMax | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const onPlan = useCallback((stamps: number | null, max: number, blocking: boolean) => {
    setOverMax(stamps === null ? null : { stamps, max });
    setBlocked(blocking);
    // The cooldown no longer applies (time passed, an undo): its override goes with it.
    if (!blocking) setOverride(null);
  }, []);
  const onAmount = useCallback((value: number, problem: AmountProblem | null) => {
    setAmount(value);
    setAmountProblem(problem);
    setAmountTried(false);
  }, []);
  const { clearError } = actions;
  const onOverride = useCallback(() => {
    setOverride('');
    clearError();
  }, [clearError]);
  const [override, setOverride] = useState<string | null>(null);
  const addStampRef = useRef<HTMLButtonElement>(null);
  const formatPhone = usePhoneFormat();
  const [quantity, setQuantity] = useState('1');
  const quantityHelpId = useId();
  const amountTyped =
    !Number.isNaN(amount) || (amountProblem !== null && amountProblem !== 'empty');
  useUnsavedWork(quantity !== '1' || amountTyped || actions.busy !== null);

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

  // With expiry on, the card holds what is left after it (what a reward may spend).
  const balance = expiry?.balance ?? member.stats.balance;
  const { cardStamps, pendingRewards, owed } = cardView(balance, shop.stampsPerCard);
  const q = Number(quantity);
  const quantityValid = amountMode || (isValidQuantity(q) && quantity.trim() !== '');
  const amountRefused = amountMode && amountProblem !== null && amountProblem !== 'empty';
  const undoable = recent ? undoTarget(recent, now) : null;
  const toNextReward = shop.stampsPerCard - cardStamps;

  const stampNow = async () => {
    setConfirming(null);
    const options = {
      ...(amountMode ? { amount } : {}),
      ...(override !== null ? { override } : {}),
    };
    const shown = read;
    const onWritten = (member: Member) => setWritten({ member, over: shown });
    if (await actions.stamp(amountMode ? 1 : q, options, onWritten)) {
      setQuantity('1');
      setAmount(NaN);
      setAmountProblem(null);
      setOverride(null);
      setReasonMissing(false);
    }
  };
  const onStamp = (e: FormEvent) => {
    e.preventDefault();
    if (!quantityValid) return;
    // What the amount field cannot read is said there, not sent.
    if (amountRefused) return setAmountTried(true);
    // The cooldown note already says why; the tap asks for the reason instead of an error.
    if (blocked && !override?.trim()) {
      setReasonMissing(override !== null);
      return onOverride();
    }
    // More stamps than one sale usually gives: a typo until the cashier says otherwise.
    if (overMax !== null) return setConfirming(overMax);
    void stampNow();
  };

  return (
    <section className="panel panel--member" aria-labelledby={`${memberId}-name`}>
      {/* What is read scrolls; what is tapped stays put at the bottom, whatever notes appear. */}
      <div className="panel__body">
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
          {expiry?.next && (
            <p className="panel__expiry" role="note">
              {t('counter.expiring', {
                count: expiry.next.stamps,
                date: formatDayLongMonth(expiry.next.on),
              })}
            </p>
          )}
        </div>

        {programmed && (
          <Suspense fallback={null}>
            <MemberProgram
              member={member}
              shop={shop}
              now={now}
              quantity={quantityValid ? q : 1}
              amount={amount}
              overriding={override !== null}
              onOverride={onOverride}
              onPlan={onPlan}
              actions={actions}
            />
          </Suspense>
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
      </div>

      <form className="panel__actions" onSubmit={onStamp} noValidate>
        <div className="panel__notes">
          {override !== null && (
            <Field
              label={t('counter.overrideReason')}
              error={reasonMissing && !override.trim() ? t('errors.cooldown.reason') : null}
            >
              <input value={override} onChange={(e) => setOverride(e.target.value)} autoFocus />
            </Field>
          )}
          {!quantityValid && (
            <p className="field__error" id={quantityHelpId} role="alert">
              {t('errors.quantity.range', { min: QUANTITY_MIN, max: QUANTITY_MAX })}
            </p>
          )}
          {actions.error && (
            <p className="form-error" role="alert">
              {actions.error}
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
        </div>
        <div className="panel__entry">
          {amountMode ? (
            <Suspense fallback={<div className="panel__amount" />}>
              <CounterAmount
                shop={shop}
                value={amount}
                onChange={onAmount}
                showProblem={amountTried || amountProblem === 'tooLarge'}
              />
            </Suspense>
          ) : (
            <QuantityStepper
              value={quantity}
              onChange={setQuantity}
              invalid={!quantityValid}
              describedBy={quantityValid ? undefined : quantityHelpId}
            />
          )}
          <button
            ref={addStampRef}
            type="submit"
            className="button button--primary button--large panel__stamp"
            disabled={actions.busy !== null || !quantityValid || amountProblem === 'tooLarge'}
          >
            {t('counter.addStamp')}
          </button>
        </div>
        <div className="panel__more">
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
        </div>
      </form>
      {confirming !== null && (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('program.visitMax.title', { count: confirming.stamps })}
            confirm={t('program.visitMax.confirm', { count: confirming.stamps })}
            onCancel={() => setConfirming(null)}
            onConfirm={() => void stampNow()}
          >
            <p>{t('program.visitMax.body', { max: confirming.max })}</p>
          </ConfirmDialog>
        </Suspense>
      )}
    </section>
  );
}
