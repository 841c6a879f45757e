/**
 * The program's part of the member panel (lazy: only shops running a program,
 * a catalogue or a club load it): the member's tier and club, what this visit
 * will earn and why, the cooldown, the last stamp's reasons, catalogue rewards
 * the balance allows, and selling the club.
 */
import { useTranslation } from 'react-i18next';
import { tabletCalendar } from '../../db/member-events';
import { useLastYearEvents, useRewardRedemptions } from '../../db/program-hooks';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { givenCount, rewardAvailability } from '../../domain/stamp/catalogue';
import { activeClub } from '../../domain/stamp/club';
import { yearIn } from '../../domain/stamp/decision';
import { planStamp } from '../../domain/stamp/stamp';
import { memberStanding } from '../../domain/stamp/standing';
import { formatDate, formatMoney } from '../../i18n/format';
import { explainStamps } from '../../ui/ruleLines';
import type { useCounterActions } from './useCounterActions';

interface Props {
  member: Member;
  shop: ShopSettings;
  now: number;
  /** What the cashier has entered for this visit (amount mode: the amount). */
  quantity: number;
  amount: number;
  overriding: boolean;
  onOverride: () => void;
  actions: ReturnType<typeof useCounterActions>;
}

const localYear = yearIn(tabletCalendar);

export default function MemberProgram(props: Props) {
  const { member, shop, now, quantity, amount, overriding, onOverride, actions } = props;
  const { t } = useTranslation();
  const events = useLastYearEvents(member.id, member.stats);
  const limited = (shop.catalogue ?? []).filter((r) => r.limit !== null);
  const redemptions = useRewardRedemptions(
    limited.map((r) => r.id),
    member.stats,
  );
  const given = redemptions?.map((rows, i) => givenCount(rows, limited[i]!.id));
  if (!events) return null;

  const rules = shop.program;
  const standing = rules ? memberStanding(rules, events, now, localYear) : null;
  const club = activeClub(events, now);
  const amountMode = rules?.earning.mode === 'amount';
  const plan =
    rules && standing
      ? planStamp(
          rules,
          amountMode ? { quantity: 1, amount } : { quantity },
          standing,
          tabletCalendar.day(now),
          member.birthday,
          now,
        )
      : null;
  const lastStamp = [...events].reverse().find((e) => e.type === 'stamp' && e.lines);
  const offers = (shop.catalogue ?? []).filter((r) => {
    const i = limited.indexOf(r);
    const count = i >= 0 ? (given?.[i] ?? Infinity) : 0;
    return rewardAvailability(r, member.stats.balance, count) === 'ok';
  });

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
      {plan && !plan.cooldown.allowed && (
        <div className="conflict-note" role="note">
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
                onClick={() => void actions.redeemItem(r.id, r.name)}
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
          onClick={() => void actions.sellClub()}
        >
          {t(club ? 'program.renewClub' : 'program.sellClub', {
            club: shop.club.name,
            price: formatMoney(shop.club.price, shop.currency),
            period: t(`program.period.${shop.club.period}`),
          })}
        </button>
      )}
      {shop.club?.perks && club && <p className="muted">{shop.club.perks}</p>}
    </div>
  );
}
