/** The headline figures, each with what it means written under it. */
import { useTranslation } from 'react-i18next';
import type { Insights } from '../../domain/insights';
import { ACTIVE_DAYS } from '../../domain/insights';
import { formatNumber } from '../../i18n/format';
import { formatAverage, formatPercent } from './format';

interface Props {
  insights: Insights;
  churnDays: number;
  periodDays: number;
}

export function Headlines({ insights: r, churnDays, periodDays }: Props) {
  const { t } = useTranslation();
  const share = (n: number | null) => (n === null ? t('insights.noData') : formatPercent(n));
  const figures: { id: string; label: string; value: string; meaning: string }[] = [
    {
      id: 'active',
      label: t('insights.active'),
      value: formatNumber(r.activeMembers),
      meaning: t('insights.activeMeans', {
        days: formatNumber(ACTIVE_DAYS),
        members: t('insights.memberCount', { count: r.members }),
      }),
    },
    {
      id: 'visits',
      label: t('insights.visits'),
      value: formatNumber(r.newVisits + r.returningVisits),
      meaning: t('insights.visitsMean', {
        new: t('insights.visitCount', { count: r.newVisits }),
        returning: t('insights.visitCount', { count: r.returningVisits }),
      }),
    },
    {
      id: 'retention',
      label: t('insights.retention'),
      value: share(r.retentionRate),
      meaning: t('insights.retentionMeans', {
        members: t('insights.memberCount', { count: r.visitedBefore }),
        count: periodDays,
      }),
    },
    {
      id: 'churn',
      label: t('insights.churn'),
      value: share(r.churnRate),
      meaning: t('insights.churnMeans', {
        days: formatNumber(churnDays),
        members: t('insights.memberCount', { count: r.churned }),
      }),
    },
    {
      id: 'redemption',
      label: t('insights.redemptionRate'),
      value: share(r.redemptionRate),
      meaning: t('insights.redemptionRateMeans', {
        spent: formatNumber(r.stampsRedeemed),
        earned: formatNumber(r.stampsEarned),
      }),
    },
    {
      id: 'outstanding',
      label: t('insights.outstanding'),
      value: formatNumber(r.outstandingRewards),
      meaning: t('insights.outstandingMeans'),
    },
    {
      id: 'donations',
      label: t('insights.donations'),
      value: formatNumber(r.donations.count),
      meaning: t('insights.donationsMean', {
        stamps: t('insights.stampCount', { count: r.donations.stamps }),
      }),
    },
    {
      id: 'club',
      label: t('insights.club'),
      value: formatNumber(r.clubMembers),
      meaning: t('insights.clubMeans'),
    },
    {
      id: 'satisfaction',
      label: t('insights.satisfaction'),
      value: share(r.satisfaction.index),
      // No ratings, no average: a sentence of its own, not "average No data yet" inside one.
      meaning:
        r.satisfaction.average === null
          ? t('insights.noRatings')
          : t('insights.satisfactionMeans', {
              ratings: t('insights.ratingCount', { count: r.satisfaction.ratings }),
              average: formatAverage(r.satisfaction.average),
            }),
    },
  ];
  return (
    <dl className="insights-figures">
      {figures.map((f) => (
        <div key={f.id} className="insights-figure">
          <dt>{f.label}</dt>
          <dd className="insights-figure__value">{f.value}</dd>
          <dd className="insights-figure__meaning">{f.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
