/** Routes: the staff app (setup, then the counter) and, later, the customer's card. */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { db } from '../db/db';
import { getShop } from '../db/settings';
import { CounterScreen } from '../features/counter/CounterScreen';
import { Splash } from '../ui/Splash';

const SetupScreen = lazy(() => import('../features/setup/SetupScreen'));

export function App() {
  const shop = useLiveQuery(async () => (await getShop(db)) ?? null, []);
  if (shop === undefined) return <Splash />;
  if (shop === null)
    return (
      <Suspense fallback={<Splash />}>
        <SetupScreen />
      </Suspense>
    );
  return <CounterScreen shop={shop} />;
}
