/**
 * Routes and composition. Features never import each other: this is where they
 * meet (a feature's component given to another as a prop or child).
 * Routes: "/" the counter (setup on first run).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { db } from '../db/db';
import { getShop } from '../db/settings';
import { CounterScreen } from '../features/counter/CounterScreen';
import { UpdatePrompt } from '../features/pwa/UpdatePrompt';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Splash } from '../ui/Splash';
import { StorageBanner } from '../ui/StorageBanner';

const SetupScreen = lazy(() => import('../features/setup/SetupScreen'));

export function App() {
  return (
    <>
      <StorageBanner />
      <StaffApp />
      <UpdatePrompt />
    </>
  );
}

function StaffApp() {
  const shop = useLiveQuery(async () => (await getShop(db)) ?? null, []);
  if (shop === undefined) return <Splash />;
  if (shop === null)
    return (
      <Suspense fallback={<Splash />}>
        <SetupScreen />
      </Suspense>
    );
  return <CounterScreen shop={shop} toolbar={<LanguageSwitch />} />;
}
