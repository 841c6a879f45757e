/** Last line of defence: a friendly screen instead of a blank page, with a reload. */
import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { isStorageUnavailable } from '../db/health';

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const storage = isStorageUnavailable(this.state.error);
    const missing = isMissingCode(this.state.error);
    return (
      <Translation>
        {(t) => (
          <main className="splash" role="alert">
            <div className="card">
              <h1>{t('app.errorTitle')}</h1>
              <p>
                {storage
                  ? t('pwa.problem.unavailable')
                  : missing
                    ? t('app.notDownloaded')
                    : t('app.errorBody')}
              </p>
              <button
                type="button"
                className="button button--primary"
                onClick={() => window.location.reload()}
              >
                {t('pwa.problem.reload')}
              </button>
            </div>
          </main>
        )}
      </Translation>
    );
  }
}

/**
 * A screen's code that could not be fetched: offline, before the service worker
 * had put it on the tablet. Browsers word it differently; all name the module.
 */
function isMissingCode(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script|Importing a module script failed/i.test(
      error.message,
    ) &&
    !navigator.onLine
  );
}
