/**
 * Routes and composition. Features never import each other: this is where they
 * meet (a feature's component given to another as a prop or child).
 * Routes: "/" the counter (setup on first run), "/owner" and "/owner/<section>" the
 * owner area (behind the owner PIN), "/c/<card token>" the customer's card.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../db/db';
import { getShop } from '../db/settings';
import type { ShopSettings } from '../domain/shop';
import { forgetMyCard, myCard } from '../features/card/my-card';
import { CounterScreen } from '../features/counter/CounterScreen';
import { OwnerButton } from '../features/owner/OwnerButton';
import { loadSync } from '../sync/load';
import { SyncStatusLine } from '../features/sync/SyncStatusLine';
import { UpdatePrompt } from '../features/pwa/UpdatePrompt';
import { loadCatalogues, useCatalogues, type CatalogueGroup } from '../i18n';
import { setShopCountry } from '../i18n/format';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Splash } from '../ui/Splash';
import { StorageBanner } from '../ui/StorageBanner';
import { navigate, usePath } from './router';

/** A lazy screen's code and its words (lazy catalogue groups) load together. */
const withWords =
  <T,>(load: () => Promise<T>, ...groups: CatalogueGroup[]) =>
  () =>
    Promise.all([load(), loadCatalogues(...groups)]).then(([m]) => m);

const SetupScreen = lazy(withWords(() => import('../features/setup/SetupScreen'), 'setup'));
const ScanView = lazy(withWords(() => import('../features/scanner/ScanView'), 'scanner'));
const CardQrDialog = lazy(withWords(() => import('../features/card/CardQrDialog'), 'card'));
const CardPage = lazy(withWords(() => import('../features/card/CardPage'), 'card'));
const InviteScreen = lazy(withWords(() => import('../features/card/InviteScreen'), 'card'));
// The owner area's words are not in the counter's first load; its shop form uses setup's.
const OwnerScreen = lazy(
  withWords(() => import('../features/owner/OwnerScreen'), 'owner', 'setup'),
);
const CardSettings = lazy(() =>
  import('../features/owner/OwnerScreen').then((m) => ({ default: m.CardSettings })),
);
const JoinShop = lazy(() => import('../features/sync/JoinShop'));
const SyncPanel = lazy(() => import('../features/sync/SyncPanel'));
const ConflictInbox = lazy(() => import('../features/conflicts/ConflictInbox'));
const InsightsScreen = lazy(() => import('../features/insights/InsightsScreen'));
const DuplicateMembers = lazy(() => import('../features/duplicates/DuplicateMembers'));
// The program settings explain stamps in the counter's words (the lazy "program" strings).
const ProgramSection = lazy(
  withWords(() => import('../features/program-settings/ProgramSection'), 'program'),
);
// Only shops with staff show it: it loads after the counter is on screen.
const StaffSwitch = lazy(() => import('../features/staff/StaffSwitch'));
const MembersPanel = lazy(() => import('../features/members/MembersPanel'));
const StaffPanel = lazy(() => import('../features/staff/StaffPanel'));
const ShopSettingsPanel = lazy(() => import('../features/shop-settings/ShopSettingsPanel'));
const MembersCsv = lazy(() => import('../features/csv/MembersCsv'));
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
  );
}

/** Renders its children once the screen around it is up: their code loads after the counter's. */
function AfterFirstRender({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready ? children : null;
}

/** The owner area's sections, each made of other features' panels. */
function OwnerArea({ shop, sectionId }: { shop: ShopSettings; sectionId: string | undefined }) {
  // The tabs' names are written here: the owner area's words must be in first (see useCatalogues).
  useCatalogues('owner');
  const { t } = useTranslation();
  return (
    <OwnerScreen
      shop={shop}
      sectionId={sectionId}
      onSection={(id) => navigate(`/owner/${id}`)}
      toolbar={
        <>
          <SyncStatusLine />
          <LanguageSwitch />
        </>
      }
      onBack={() => navigate('/')}
      sections={[
        {
          id: 'members',
          label: t('owner.section.members'),
          render: () => (
            <>
              {/* Apart, so the list shows without waiting for the inbox's code. */}
              <Suspense fallback={null}>
                <MembersPanel shop={shop} />
              </Suspense>
              <Suspense fallback={null}>
                <MembersCsv shop={shop} />
              </Suspense>
              <Suspense fallback={null}>
                <ConflictInbox shop={shop} />
                <DuplicateMembers />
              </Suspense>
            </>
          ),
        },
        {
          id: 'program',
          label: t('owner.section.program'),
          render: () => (
            <Suspense fallback={null}>
              <ProgramSection shop={shop} />
            </Suspense>
          ),
        },
        {
          id: 'insights',
          label: t('owner.section.insights'),
          render: () => (
            <Suspense fallback={null}>
              <InsightsScreen shop={shop} />
            </Suspense>
          ),
        },
        {
          id: 'staff',
          label: t('owner.section.staff'),
          render: () => (
            <Suspense fallback={null}>
              <StaffPanel shop={shop} />
            </Suspense>
          ),
        },
        {
          id: 'shop',
          label: t('owner.section.shop'),
          render: () => (
            <Suspense fallback={null}>
              <ShopSettingsPanel shop={shop} />
              <CardSettings shop={shop} />
              <StorageStatus />
            </Suspense>
          ),
        },
        {
          id: 'tablets',
          label: t('owner.section.tablets'),
          render: ({ ownerPin }) => (
            <Suspense fallback={null}>
              <SyncPanel shop={shop} ownerPin={ownerPin} />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
