/**
 * The owner area: its sections, each made of other features' panels. Loaded
 * when the owner opens it, with its words, never with the counter.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettings } from '../domain/shop';
import { SyncStatusLine } from '../features/sync/SyncStatusLine';
import { useCatalogues } from '../i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { navigate } from './router';
import { withWords } from './with-words';

// The owner area's words are not in the counter's first load; its shop form uses setup's.
const ConnectBanner = lazy(() => import('../features/sync/ConnectBanner'));
const OwnerScreen = lazy(
  withWords(() => import('../features/owner/OwnerScreen'), 'owner', 'setup'),
);
const CardSettings = lazy(() =>
  import('../features/owner/OwnerScreen').then((m) => ({ default: m.CardSettings })),
);
const SyncPanel = lazy(() => import('../features/sync/SyncPanel'));
const ConflictInbox = lazy(() => import('../features/conflicts/ConflictInbox'));
const InsightsScreen = lazy(() => import('../features/insights/InsightsScreen'));
const DuplicateMembers = lazy(() => import('../features/duplicates/DuplicateMembers'));
// The program settings explain stamps in the counter's words (the lazy "program" strings).
const ProgramSection = lazy(
  withWords(() => import('../features/program-settings/ProgramSection'), 'program'),
);
const MembersPanel = lazy(() => import('../features/members/MembersPanel'));
const StaffPanel = lazy(() => import('../features/staff/StaffPanel'));
const ShopSettingsPanel = lazy(() => import('../features/shop-settings/ShopSettingsPanel'));
const MessagesPanel = lazy(() => import('../features/messages/MessagesPanel'));
const PosterPanel = lazy(() => import('../features/poster/PosterPanel'));
const MembersCsv = lazy(() => import('../features/csv/MembersCsv'));
const StorageStatus = lazy(() =>
  import('../features/pwa/StorageStatus').then((m) => ({ default: m.StorageStatus })),
);

/** A section's panels, shown once their code has loaded (nothing flashes meanwhile). */
const loaded = (panels: ReactNode) => <Suspense fallback={null}>{panels}</Suspense>;

/** The owner area's sections, each made of other features' panels. */
export default function OwnerArea({
  shop,
  sectionId,
}: {
  shop: ShopSettings;
  sectionId: string | undefined;
}) {
  // The tabs' names are written here: the owner area's words must be in first (see useCatalogues).
  useCatalogues('owner');
  const { t } = useTranslation();
  return (
    <>
      <Suspense fallback={null}>
        <ConnectBanner />
      </Suspense>
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
                {loaded(<MembersPanel shop={shop} />)}
                {loaded(<MembersCsv shop={shop} />)}
                {loaded(
                  <>
                    <ConflictInbox />
                    <DuplicateMembers />
                  </>,
                )}
              </>
            ),
          },
          {
            id: 'program',
            label: t('owner.section.program'),
            render: () => loaded(<ProgramSection shop={shop} />),
          },
          {
            id: 'messages',
            label: t('owner.section.messages'),
            render: () => (
              <Suspense fallback={null}>
                <MessagesPanel shop={shop} />
              </Suspense>
            ),
          },
          {
            id: 'insights',
            label: t('owner.section.insights'),
            render: () => loaded(<InsightsScreen shop={shop} />),
          },
          {
            id: 'staff',
            label: t('owner.section.staff'),
            render: () => loaded(<StaffPanel shop={shop} />),
          },
          {
            id: 'shop',
            label: t('owner.section.shop'),
            render: () =>
              loaded(
                <>
                  <ShopSettingsPanel shop={shop} />
                  <CardSettings shop={shop} />
                  <PosterPanel shop={shop} />
                  <StorageStatus />
                </>,
              ),
          },
          {
            id: 'tablets',
            label: t('owner.section.tablets'),
            render: ({ ownerPin }) => loaded(<SyncPanel shop={shop} ownerPin={ownerPin} />),
          },
        ]}
      />
    </>
  );
}
