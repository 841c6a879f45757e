/** The cashier's screen: find or enroll a member on the left, serve them on the right. */
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { memberToServe } from '../../db/counter-hooks';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { announce } from '../../ui/announcer';
import { Announcer } from '../../ui/Announcer';
import { markOnce } from '../../ui/perf';
import type { MemberPanel as MemberPanelComponent } from './MemberPanel';
import { MemberSearch } from './MemberSearch';

// Enrolling is rarer than stamping: its form, checks and phone formatting load on "New member".
/**
 * The member panel (with the stamp rules and the writes behind it) is the counter's
 * biggest part after React: it is fetched as soon as the counter is usable, before a
 * cashier can pick anyone, so it stays out of the first load without making anyone wait.
 */
let memberPanel: typeof MemberPanelComponent | null = null;
const loadMemberPanel = () =>
  import('./MemberPanel').then((m) => {
    memberPanel = m.MemberPanel;
    return { default: m.MemberPanel };
  });
const LazyMemberPanel = lazy(loadMemberPanel);

const NewMemberDialog = lazy(() =>
  import('./NewMemberDialog').then((m) => ({ default: m.NewMemberDialog })),
);

/** What the counter asks of the camera (src/features/scanner, composed in src/app). */
export interface ScannerSlot {
  onMember: (memberId: string) => void;
  onClose: () => void;
}

/** What the counter asks of a member's card QR view (src/features/card, composed in src/app). */
export interface CardQrSlot {
  member: Member;
  onClose: () => void;
}

interface Props {
  shop: ShopSettings;
  /** Controls other features put in the top bar (composed in src/app). */
  toolbar?: ReactNode;
  renderScanner?: (slot: ScannerSlot) => ReactNode;
  renderCardQr?: (slot: CardQrSlot) => ReactNode;
}

/** The member being served; `scanned`: their card code was verified by the camera. */
interface Serving {
  id: string;
  scanned: boolean;
}

export function CounterScreen({ shop, toolbar, renderScanner, renderCardQr }: Props) {
  const { t } = useTranslation();
  const [serving, setServing] = useState<Serving | null>(null);
  const [query, setQuery] = useState('');
  // A friend's referral link (/?ref=<code>) opened on the shop's tablet: enroll with it.
  const [referral, setReferral] = useState(
    () => new URLSearchParams(window.location.search).get('ref') ?? '',
  );
  const [enrolling, setEnrolling] = useState(referral !== '');
  useEffect(() => {
    if (referral) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [referral]);
  const [scanning, setScanning] = useState(false);
  const [cardFor, setCardFor] = useState<Member | null>(null);
  useEffect(() => {
    markOnce('setia:counter-ready');
    void loadMemberPanel();
  }, []);
  const MemberPanel = memberPanel ?? LazyMemberPanel;
  const memberId = serving?.id ?? null;
  const setMemberId = (id: string) => setServing({ id, scanned: false });
  // A merged duplicate's card opens the member it was merged into.
  const onScanned = useCallback(
    (id: string) =>
      void memberToServe(id).then(
        (kept) => setServing({ id: kept, scanned: true }),
        () => setServing({ id, scanned: true }),
      ),
    [],
  );
  const closeScanner = useCallback(() => setScanning(false), []);

  return (
    <div className="app app--counter">
      <header className="topbar">
        <h1 className="topbar__shop">{shop.name}</h1>
        {toolbar && <div className="topbar__actions">{toolbar}</div>}
      </header>
      <main className="counter">
        <section className="counter__find" aria-label={t('counter.find')}>
          {renderScanner && !scanning && (
            <button
              type="button"
              className="button button--primary button--large button--block"
              onClick={() => setScanning(true)}
            >
              {t('counter.scan')}
            </button>
          )}
          {renderScanner &&
            scanning &&
            renderScanner({ onMember: onScanned, onClose: closeScanner })}
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
          {serving ? (
            <Suspense fallback={<div className="panel panel--empty" aria-busy="true" />}>
              <MemberPanel
                key={serving.id}
                memberId={serving.id}
                shop={shop}
                scanned={serving.scanned}
                onShowCard={renderCardQr ? setCardFor : undefined}
              />
            </Suspense>
          ) : (
            <div className="panel panel--empty">
              <p>{t('counter.empty')}</p>
            </div>
          )}
        </div>
      </main>
      {enrolling && (
        <Suspense fallback={null}>
          <NewMemberDialog
            shop={shop}
            query={query}
            referral={referral}
            onCancel={() => {
              setEnrolling(false);
              setReferral('');
            }}
            onOpenExisting={(id) => {
              setEnrolling(false);
              setMemberId(id);
            }}
            onSaved={(member) => {
              setEnrolling(false);
              setReferral('');
              setQuery('');
              setMemberId(member.id);
              announce(t('enroll.welcome', { name: member.name }));
              // The customer scans their new card with their own phone, right away.
              if (renderCardQr) setCardFor(member);
            }}
          />
        </Suspense>
      )}
      {cardFor && renderCardQr?.({ member: cardFor, onClose: () => setCardFor(null) })}
      <Announcer />
    </div>
  );
}
