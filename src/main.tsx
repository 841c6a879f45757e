import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startLanguage } from './i18n';
import './ui/app.css';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { afterCounterReady } from './ui/perf';

document.documentElement.dataset.appVersion = __APP_VERSION__;

// The device's language first (a precached chunk, when not English), so no English flashes.
void startLanguage().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  ),
);

// The service worker (and workbox-window) come once the counter is usable: never on its critical path.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  afterCounterReady(
    () => void import('./features/pwa/register').then((m) => m.registerServiceWorker()),
  );
