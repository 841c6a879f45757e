/** "Search members": name or phone prefix, results as you type. */
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useDuplicateSuspects, useMemberSearch } from '../../db/counter-hooks';
import { cardView } from '../../domain/balance';
import type { Member } from '../../domain/member';
import { timed } from '../../ui/perf';
import { usePhoneFormat } from '../../ui/usePhoneFormat';

const measureSearch = (search: () => Promise<Member[]>) => timed('setia:search', search);

interface Props {
  query: string;
  onQueryChange: (q: string) => void;
  selectedId: string | null;
  stampsPerCard: number;
  onPick: (member: Member) => void;
}

export function MemberSearch({ query, onQueryChange, selectedId, stampsPerCard, onPick }: Props) {
  const { t } = useTranslation();
  const deferred = useDeferredValue(query);
  const found = useMemberSearch(deferred, measureSearch);
  const results = found?.members;
  // Results still for an earlier text: busy until they match what is typed (screen readers wait).
  const busy = found?.query !== query;
  // Members sharing a phone (enrolled twice on offline tablets) until the owner merges them.
  const suspects = useDuplicateSuspects();
  const formatPhone = usePhoneFormat(Boolean(results?.some((m) => m.phone)));
  const searching = deferred.trim().length > 0;

  return (
    <div className="search" role="search" aria-busy={busy}>
      <input
        type="search"
        className="search__input"
        aria-label={t('counter.search')}
        placeholder={t('counter.searchPlaceholder')}
        value={query}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results?.[0]) onPick(results[0]);
        }}
      />
      {searching && results && results.length === 0 && (
        <p className="search__empty">{t('counter.noMatch')}</p>
      )}
      {results && results.length > 0 && (
        <ul className="search__results" aria-label={t('counter.results')}>
          {results.map((m) => {
            const { pendingRewards, cardStamps } = cardView(m.stats.balance, stampsPerCard);
            return (
              <li key={m.id}>
                <button
                  type="button"
                  className={`result${m.id === selectedId ? ' result--selected' : ''}`}
                  aria-current={m.id === selectedId || undefined}
                  onClick={() => onPick(m)}
                >
                  <span className="result__name">{m.name}</span>
                  {m.phone && <span className="result__phone">{formatPhone(m.phone)}</span>}
                  {suspects?.has(m.id) && (
                    <span className="badge badge--duplicate">{t('duplicates.hint')}</span>
                  )}
                  <span className={`badge${pendingRewards > 0 ? ' badge--reward' : ''}`}>
                    {pendingRewards > 0
                      ? t('counter.rewardsReady', { count: pendingRewards })
                      : t('counter.stampsOfCard', { count: cardStamps, total: stampsPerCard })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
