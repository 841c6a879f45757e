/** Top members, recent comments and campaign returns: lists, since names and words do not chart. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignReturnFigures } from '../../db/insights';
import { RETURN_WINDOW_DAYS } from '../../domain/campaign-returns';
import type { Insights } from '../../domain/insights';
import type { Campaign } from '../../domain/messages';
import { formatDate } from '../../i18n/format';
import { formatPercent } from './format';

type Names = Record<string, string>;

export function TopMembers({ top, names }: { top: Insights['topMembers']; names: Names }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="insights-list" aria-labelledby={id}>
      <h3 id={id}>{t('insights.topMembers')}</h3>
      {top.length === 0 ? (
        <p className="muted">{t('insights.noVisits')}</p>
      ) : (
        <ol>
          {top.map((m) => (
            <li key={m.memberId}>
              <span className="insights-list__name">
                {names[m.memberId] ?? t('insights.someMember')}
              </span>{' '}
              <span className="muted">
                {t('insights.visitCount', { count: m.visits })}
                {' · '}
                {t('insights.stampCount', { count: m.stamps })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Comments({ comments, names }: { comments: Insights['comments']; names: Names }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="insights-list" aria-labelledby={id}>
      <h3 id={id}>{t('insights.comments')}</h3>
      {comments.length === 0 ? (
        <p className="muted">{t('insights.noComments')}</p>
      ) : (
        <ul>
          {comments.map((c) => (
            <li key={`${c.memberId}-${c.at}`}>
              <q>{c.comment}</q>
              <span className="muted insights-list__meta">
                {t('insights.ratingOf', { rating: c.rating })}
                {' · '}
                {names[c.memberId] ?? t('insights.someMember')}
                {' · '}
                {formatDate(c.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Each campaign sent, newest first: how many it messaged came back within 14 days, and who. */
export function CampaignReturns({
  returns,
  campaigns,
  names,
}: {
  returns: CampaignReturnFigures[];
  campaigns: readonly Campaign[];
  names: Names;
}) {
  const { t } = useTranslation();
  const id = useId();
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const rows = [...returns].sort(
    (a, b) => (byId.get(b.campaignId)?.createdAt ?? 0) - (byId.get(a.campaignId)?.createdAt ?? 0),
  );
  return (
    <section className="insights-list insights-campaigns" aria-labelledby={id}>
      <h3 id={id}>{t('insights.campaigns')}</h3>
      <p className="muted">{t('insights.campaignsHint', { count: RETURN_WINDOW_DAYS })}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.campaignId}>
            <span className="insights-list__name">
              {byId.get(r.campaignId)?.name ?? t('insights.campaignUnnamed')}
            </span>{' '}
            <span className="muted">
              {t('insights.campaignBack', {
                count: r.messaged,
                returned: r.returned,
                percent: formatPercent(r.messaged > 0 ? r.returned / r.messaged : 0),
              })}
            </span>
            {r.back.length === 0 ? (
              <p className="muted">{t('insights.campaignNoneBack')}</p>
            ) : (
              <details>
                <summary>{t('insights.campaignWho')}</summary>
                <ul>
                  {r.back.map((m) => (
                    <li key={m.memberId}>
                      {names[m.memberId] ?? t('insights.someMember')}{' '}
                      <span className="muted">{formatDate(m.returnedAt)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
