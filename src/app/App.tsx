/**
 * Routes and composition. Features never import each other: this is where they
 * meet (a feature's component given to another as a prop or child).
 * Routes: "/" the counter (setup on first run), "/owner" the owner area (behind the
 * owner PIN), "/c/<card token>" the customer's card.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect } from 'react';
import { db } from '../db/db';
import { getShop } from '../db/settings';
import { forgetMyCard, myCard } from '../features/card/snapshot';
import { CounterScreen } from '../features/counter/CounterScreen';
import { OwnerButton } from '../features/owner/OwnerButton';
import { loadSync } from '../features/sync/status';
import { SyncStatusLine } from '../features/sync/SyncStatusLine';
import { UpdatePrompt } from '../features/pwa/UpdatePrompt';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Splash } from '../ui/Splash';
import { StorageBanner } from '../ui/StorageBanner';
import { navigate, usePath } from './router';

const SetupScreen = lazy(() => import('../features/setup/SetupScreen'));
const ScanView = lazy(() => import('../features/scanner/ScanView'));
const CardQrDialog = lazy(() => import('../features/card/CardQrDialog'));
const CardPage = lazy(() => import('../features/card/CardPage'));
const OwnerScreen = lazy(() => import('../features/owner/OwnerScreen'));
const JoinShop = lazy(() => import('../features/sync/JoinShop'));
const SyncPanel = lazy(() => import('../features/sync/SyncPanel'));
const ConflictInbox = lazy(() => import('../features/conflicts/ConflictInbox'));
const DuplicateMembers = lazy(() => import('../features/duplicates/DuplicateMembers'));
const StorageStatus = lazy(() =>
  import('../features/pwa/StorageStatus').then((m) => ({ default: m.StorageStatus })),
);

export function App() {
  const path = usePath();
  const card = /^\/c\/([^/]+)$/.exec(path);
  return (
    <>
      <StorageBanner />
      {card ? (
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
  if (path === '/owner')
    return (
      <Suspense fallback={<Splash />}>
        <OwnerScreen
          shop={shop}
          toolbar={
            <>
              <SyncStatusLine />
              <LanguageSwitch />
            </>
          }
          onBack={() => navigate('/')}
        >
          {({ ownerPin }) => (
            <>
              <ConflictInbox shop={shop} />
              <DuplicateMembers />
              <SyncPanel shop={shop} ownerPin={ownerPin} />
              <StorageStatus />
            </>
          )}
        </OwnerScreen>
      </Suspense>
    );
  return (
    <CounterScreen
      shop={shop}
      toolbar={
        <>
          <SyncStatusLine />
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
  );
}
