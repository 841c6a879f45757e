/** The cashier's screen: find or enroll a member on the left, serve them on the right. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettings } from '../../domain/program';
import { announce } from '../../ui/announcer';
import { Announcer } from '../../ui/Announcer';
import { markOnce } from '../../ui/perf';
import { MemberPanel } from './MemberPanel';
import { MemberSearch } from './MemberSearch';
import { NewMemberDialog } from './NewMemberDialog';

interface Props {
  shop: ShopSettings;
  /** Controls other features put in the top bar (composed in src/app). */
  toolbar?: ReactNode;
}

export function CounterScreen({ shop, toolbar }: Props) {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [enrolling, setEnrolling] = useState(false);
  useEffect(() => markOnce('setia:counter-ready'), []);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="topbar__shop">{shop.name}</h1>
        {toolbar && <div className="topbar__actions">{toolbar}</div>}
      </header>
      <main className="counter">
        <section className="counter__find" aria-label={t('counter.find')}>
          <MemberSearch
            query={query}
            onQueryChange={setQuery}
            selectedId={memberId}
            stampsPerCard={shop.stampsPerCard}
            onPick={(m) => setMemberId(m.id)}
          />
          <button
            type="button"
            className="button button--large button--block"
            onClick={() => setEnrolling(true)}
          >
            {t('counter.newMember')}
          </button>
        </section>
        <div className="counter__serve">
          {memberId ? (
            <MemberPanel key={memberId} memberId={memberId} shop={shop} />
          ) : (
            <div className="panel panel--empty">
              <p>{t('counter.empty')}</p>
            </div>
          )}
        </div>
      </main>
      {enrolling && (
        <NewMemberDialog
          shop={shop}
          query={query}
          onCancel={() => setEnrolling(false)}
          onOpenExisting={(id) => {
            setEnrolling(false);
            setMemberId(id);
          }}
          onSaved={(id, name) => {
            setEnrolling(false);
            setQuery('');
            setMemberId(id);
            announce(t('enroll.welcome', { name }));
          }}
        />
      )}
      <Announcer />
    </div>
  );
}
