/**
 * The program's part of the member panel (lazy: only shops running a program,
 * a catalogue or a club load it): the member's tier and club, what this visit
 * will earn and why, the cooldown, the last stamp's reasons, catalogue rewards
 * the balance allows, and selling the club. Selling the club, and a catalogue
 * reward that would spend a full card's stamps, ask first.
 */
import { lazy, memo, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tabletCalendar } from '../../db/member-events';
import { useLastYearEvents, useRewardRedemptions } from '../../db/program-hooks';
import { cardView } from '../../domain/balance';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { givenCount, rewardAvailability, type CatalogueReward } from '../../domain/stamp/catalogue';
import { activeClub, clubSale } from '../../domain/stamp/club';
import { yearIn } from '../../domain/stamp/decision';
import { visitStampsMax } from '../../domain/stamp/rules';
import { planStamp } from '../../domain/stamp/stamp';
import { memberStanding } from '../../domain/stamp/standing';
import { formatDate, formatMoney } from '../../i18n/format';
import { explainStamps } from '../../ui/ruleLines';
import type { useCounterActions } from './useCounterActions';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

interface Props {
  member: Member;
  shop: ShopSettings;
  now: number;
  /** What the cashier has entered for this visit (amount mode: the amount, NaN while empty). */
  quantity: number;
  amount: number;
  overriding: boolean;
  onOverride: () => void;
  /**
   * What the panel's Add stamp needs to know: this visit's stamps when more than
   * the shop's per-visit maximum (else null), that maximum, and whether the
   * cooldown blocks the visit.
   */
  onPlan: (overMax: number | null, max: number, blocked: boolean) => void;
  actions: ReturnType<typeof useCounterActions>;
}

const localYear = yearIn(tabletCalendar);

type Asking = { kind: 'club' } | { kind: 'reward'; reward: CatalogueReward };

function MemberProgram(props: Props) {
  const { member, shop, quantity, amount, overriding, onOverride, onPlan, actions } = props;
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking | null>(null);
  const events = useLastYearEvents(member.id, member.stats);
  const limited = useMemo(
    () => (shop.catalogue ?? []).filter((r) => r.limit !== null),
    [shop.catalogue],
  );
  const redemptions = useRewardRedemptions(
    limited.map((r) => r.id),
    member.stats,
  );
  // The clock the panel passes ticks every 10 s: a sale made since counts at once.
  const now = Math.max(props.now, events?.at(-1)?.at ?? 0);

  const rules = shop.program;
  const standing = useMemo(
    () => (rules && events ? memberStanding(rules, events, now, localYear) : null),
    [rules, events, now],
  );
  const club = useMemo(() => (events ? activeClub(events, now) : null), [events, now]);
  const amountMode = rules?.earning.mode === 'amount';
  const plan =
    rules && standing
      ? planStamp(
          rules,
          amountMode ? { quantity: 1, amount: Number.isFinite(amount) ? amount : 0 } : { quantity },
          standing,
          tabletCalendar.day(now),
          member.birthday,
          now,
        )
      : null;
  const visitMax = rules ? visitStampsMax(rules) : Infinity;
  const overMax = plan && plan.earned.stamps > visitMax ? plan.earned.stamps : null;
  // Before anything is typed the visit still gives a stamp: the cooldown shows before the first tap.
  const blocked = plan !== null && Math.max(1, plan.earned.stamps) > plan.cooldown.remaining;
  useEffect(() => onPlan(overMax, visitMax, blocked), [overMax, visitMax, blocked, onPlan]);
  if (!events) return null;

  const lastStamp = events.findLast((e) => e.type === 'stamp' && e.lines);
  const given = redemptions?.map((rows, i) => givenCount(rows, limited[i]!.id));
  const offers = (shop.catalogue ?? []).filter((r) => {
    const i = limited.indexOf(r);
    const count = i >= 0 ? (given?.[i] ?? Infinity) : 0;
    return rewardAvailability(r, member.stats.balance, count) === 'ok';
  });
  const { pendingRewards } = cardView(member.stats.balance, shop.stampsPerCard);
  const pendingAfter = (cost: number) =>
    cardView(member.stats.balance - cost, shop.stampsPerCard).pendingRewards;
  const redeem = (r: CatalogueReward) => {
    // Spending a full card's stamps on something else deserves a second look.
    if (pendingAfter(r.cost) < pendingRewards) setAsking({ kind: 'reward', reward: r });
    else void actions.redeemItem(r.id, r.name);
  };
  const sale = shop.club ? clubSale(shop.club, events, now) : null;
  const clubWords = shop.club && {
    club: shop.club.name,
    price: formatMoney(shop.club.price, shop.currency),
    period: t(`program.period.${shop.club.period}`),
  };

  return (
    <div className="member-program">
      {(standing?.tier || club) && (
        <p className="panel__meta">
          {standing?.tier && (
            <strong>{t('program.tierBadge', { tier: standing.tier.name })}</strong>
          )}
          {club && (
            <span>{t('program.clubUntil', { club: club.name, date: formatDate(club.until) })}</span>
          )}
        </p>
      )}
      {plan && plan.earned.stamps > 0 && (
        <p className="member-program__plan" aria-live="polite">
          {t('program.thisVisit', {
            earns: explainStamps(t, plan.earned.stamps, plan.earned.lines),
          })}
        </p>
      )}
      {blocked && plan && (
        <div className="conflict-note member-program__cooldown" role="note">
          <p>
            {t('program.cooldownBlocks', {
              count: plan.cooldown.given,
              minutes: rules!.cooldown.minutes,
              max: rules!.cooldown.maxStamps,
            })}
          </p>
          {!overriding && (
            <button type="button" className="button" onClick={onOverride}>
              {t('program.override')}
            </button>
          )}
        </div>
      )}
      {lastStamp?.lines && (
        <p className="muted">
          {t('program.lastStamp', {
            earns: explainStamps(t, lastStamp.stamps, lastStamp.lines),
          })}
          {lastStamp.override &&
            ` ${t('program.overridden', { reason: lastStamp.override.reason })}`}
        </p>
      )}
      {offers.length > 0 && (
        <section aria-labelledby={`${member.id}-catalogue`}>
          <h3 id={`${member.id}-catalogue`}>{t('program.catalogueTitle')}</h3>
          <div className="member-program__offers">
            {offers.map((r) => (
              <button
                key={r.id}
                type="button"
                className="button"
                disabled={actions.busy !== null}
                onClick={() => redeem(r)}
              >
                {t('program.redeemItem', { reward: r.name, count: r.cost })}
              </button>
            ))}
          </div>
        </section>
      )}
      {shop.club && (
        <button
          type="button"
          className="button"
          disabled={actions.busy !== null}
          onClick={() => setAsking({ kind: 'club' })}
        >
          {t(club ? 'program.renewClub' : 'program.sellClub', clubWords!)}
        </button>
      )}
      {shop.club?.perks && club && <p className="muted">{shop.club.perks}</p>}
      {asking && (
        <Suspense fallback={null}>
          {asking.kind === 'club' && sale ? (
            <ConfirmDialog
              title={t(club ? 'program.confirmClub.renewTitle' : 'program.confirmClub.sellTitle', {
                ...clubWords!,
                name: member.name,
              })}
              confirm={t(club ? 'program.confirmClub.renew' : 'program.confirmClub.sell', {
                club: sale.name,
              })}
              onCancel={() => setAsking(null)}
              onConfirm={() => {
                setAsking(null);
                void actions.sellClub();
              }}
            >
              <p>
                {t('program.confirmClub.body', {
                  price: clubWords!.price,
                  multiplier: sale.multiplier,
                  date: formatDate(sale.until),
                })}
              </p>
            </ConfirmDialog>
          ) : asking.kind === 'reward' ? (
            <ConfirmDialog
              title={t('program.confirmReward.title', { reward: asking.reward.name })}
              confirm={t('program.confirmReward.confirm', { reward: asking.reward.name })}
              onCancel={() => setAsking(null)}
              onConfirm={() => {
                setAsking(null);
                void actions.redeemItem(asking.reward.id, asking.reward.name);
              }}
            >
              <p>
                {t('program.confirmReward.body', {
                  count: asking.reward.cost,
                  reward: shop.rewardName,
                  left: pendingAfter(asking.reward.cost),
                })}
              </p>
            </ConfirmDialog>
          ) : null}
        </Suspense>
      )}
    </div>
  );
}

export default memo(MemberProgram);
