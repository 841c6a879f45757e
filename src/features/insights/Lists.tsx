/** Top members and recent comments: lists, since names and words do not chart. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Insights } from '../../domain/insights';
import { formatDate } from '../../i18n/format';

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
