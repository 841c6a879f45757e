import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startLanguage } from './i18n';
import './ui/app.css';
import { ErrorBoundary } from './ui/ErrorBoundary';

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

// The service worker (and workbox-window) come after the first paint: not on the counter's critical path.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => void import('./features/pwa/register').then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
