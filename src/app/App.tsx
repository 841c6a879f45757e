/**
 * Routes and composition. Features never import each other: this is where they
 * meet (a feature's component given to another as a prop or child).
 * Routes: "/" the counter (setup on first run), "/owner" and "/owner/<section>" the
 * owner area (behind the owner PIN), "/c/<card token>" the customer's card, "/join/<shop id>"
 * the counter poster's join page.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { db } from '../db/db';
import { getShop } from '../db/settings';
import { forgetMyCard, myCard } from '../features/card/my-card';
import { CounterScreen } from '../features/counter/CounterScreen';
import { OwnerButton } from '../features/owner/OwnerButton';
import { loadSync } from '../sync/load';
import { SyncStatusLine } from '../features/sync/SyncStatusLine';
import { UpdatePrompt } from '../features/pwa/UpdatePrompt';
import { withWords } from './with-words';
import { setShopCountry } from '../i18n/format';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Splash } from '../ui/Splash';
import { StorageBanner } from '../ui/StorageBanner';
import { navigate, usePath } from './router';

// The owner area (its sections' panels and words) is one lazy step further: src/app/OwnerArea.tsx.
const OwnerArea = lazy(() => import('./OwnerArea'));
const SetupScreen = lazy(withWords(() => import('../features/setup/SetupScreen'), 'setup'));
const ScanView = lazy(withWords(() => import('../features/scanner/ScanView'), 'scanner'));
const CardQrDialog = lazy(withWords(() => import('../features/card/CardQrDialog'), 'card'));
const CardPage = lazy(withWords(() => import('../features/card/CardPage'), 'card'));
const InviteScreen = lazy(withWords(() => import('../features/card/InviteScreen'), 'card'));
// The counter poster's join page, on a customer's phone: never in the counter's first load.
const JoinPage = lazy(withWords(() => import('../features/join-page/JoinPage'), 'card'));
const JoinShop = lazy(() => import('../features/sync/JoinShop'));
// A shop opened from its server but not connected: a banner, after the counter is up.
const ConnectBanner = lazy(withWords(() => import('../features/sync/ConnectBanner'), 'setup'));
// Only shops with staff show it: it loads after the counter is on screen.
const StaffSwitch = lazy(() => import('../features/staff/StaffSwitch'));

export function App() {
  const path = usePath();
  const card = /^\/c\/([^/]+)$/.exec(path);
  const join = /^\/join\/([^/]+)\/?$/.exec(path);
  return (
    <>
      <StorageBanner />
      {join ? (
        <Suspense fallback={<Splash />}>
          <JoinPage
            shopId={decodeURIComponent(join[1]!)}
            onJoined={(cardPath) => navigate(cardPath)}
          />
        </Suspense>
      ) : card ? (
        <Suspense fallback={<Splash />}>
          <CardPage
            token={decodeURIComponent(card[1]!)}
            onLeave={() => {
              forgetMyCard();
              navigate('/');
            }}
          />
        </Suspense>
      ) : (
        <StaffApp path={path} />
      )}
      <UpdatePrompt />
    </>
  );
}

function StaffApp({ path }: { path: string }) {
  const shop = useLiveQuery(async () => (await getShop(db)) ?? null, []);
  // Before anything below renders: its numbers and dates follow the shop's country.
  if (shop) setShopCountry(shop.country);
  const [invite, setInvite] = useState(() =>
    new URLSearchParams(window.location.search).get('ref'),
  );
  // Sync starts after the counter is on screen: it is never on the cashier's critical path.
  useEffect(() => {
    if (shop) void loadSync().then((m) => m.startSync());
  }, [shop]);
  // A customer's phone (no shop here) that saved its card to the home screen opens at "/".
  const remembered = shop === null ? myCard() : null;
  useEffect(() => {
    if (remembered) navigate(remembered, { replace: true });
  }, [remembered]);
  if (shop === undefined || remembered) return <Splash />;
  // A friend's referral link on a customer's phone: an invitation, not a shop to set up.
  if (shop === null && invite)
    return (
      <Suspense fallback={<Splash />}>
        <InviteScreen
          code={invite}
          onSetUpShop={() => {
            navigate('/', { replace: true });
            setInvite(null);
          }}
        />
      </Suspense>
    );
  if (shop === null)
    return (
      <Suspense fallback={<Splash />}>
        <SetupScreen
          footer={
            <Suspense fallback={null}>
              <JoinShop />
            </Suspense>
          }
        />
      </Suspense>
    );
  const owner = /^\/owner(?:\/([a-z-]+))?\/?$/.exec(path);
  if (owner)
    return (
      <Suspense fallback={<Splash />}>
        <OwnerArea shop={shop} sectionId={owner[1]} />
      </Suspense>
    );
  return (
    <>
      <AfterFirstRender>
        <Suspense fallback={null}>
          <ConnectBanner />
        </Suspense>
      </AfterFirstRender>
      <CounterScreen
        shop={shop}
        toolbar={
          <>
            <SyncStatusLine />
            <AfterFirstRender>
              <Suspense fallback={null}>
                <StaffSwitch shop={shop} />
              </Suspense>
            </AfterFirstRender>
            <OwnerButton onOpen={() => navigate('/owner')} />
            <LanguageSwitch />
          </>
        }
        renderScanner={(slot) => (
          <Suspense fallback={null}>
            <ScanView shop={shop} {...slot} />
          </Suspense>
        )}
        renderCardQr={(slot) => (
          <Suspense fallback={null}>
            <CardQrDialog shop={shop} {...slot} />
          </Suspense>
        )}
      />
    </>
  );
}

/** Renders its children once the screen around it is up: their code loads after the counter's. */
function AfterFirstRender({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready ? children : null;
}
