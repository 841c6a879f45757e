/**
 * "Export CSV" (members) and "Export ledger": built in a worker from this
 * tablet's database, offline, with a progress bar; then downloaded.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordExport } from '../../db/actions';
import { todayIso } from '../../i18n/format';
import type { ExportKind } from './protocol';
import { download } from '../../ui/download';
import { startCsvWorker, type CsvWorker } from './worker-client';

type State =
  | { step: 'idle' }
  | { step: 'running'; kind: ExportKind; done: number; total: number }
  | { step: 'done'; kind: ExportKind; count: number; fileName: string }
  | { step: 'failed' };

export function CsvExport() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const worker = useRef<CsvWorker | null>(null);
  useEffect(() => () => worker.current?.stop(), []);

  const start = (kind: ExportKind) => {
    worker.current?.stop();
    setState({ step: 'running', kind, done: 0, total: 0 });
    const started = performance.now();
    const w = startCsvWorker((message) => {
      if (message.type === 'progress') setState({ step: 'running', kind, ...message });
      else if (message.type === 'exported') {
        w.stop();
        download(message.blob, message.fileName);
        // The benchmark reads this: click to the file handed to the browser.
        performance.measure(`setia:csv-export-${kind}`, { start: started });
        const { workerMs, buildMs } = message.timing;
        performance.measure(`setia:csv-export-${kind}-worker`, { start: 0, duration: workerMs });
        performance.measure(`setia:csv-export-${kind}-build`, { start: 0, duration: buildMs });
        if (kind === 'members') void recordExport(Date.now());
        setState({ step: 'done', kind, count: message.count, fileName: message.fileName });
      } else if (message.type === 'failed') {
        w.stop();
        setState({ step: 'failed' });
      }
    });
    worker.current = w;
    w.send({ type: 'export', kind, today: todayIso(Date.now()) });
  };

  const running = state.step === 'running';
  return (
    <div className="csv__export">
      <div className="csv__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={running}
          onClick={() => start('members')}
        >
          {t('csv.export.members')}
        </button>
        <button type="button" className="button" disabled={running} onClick={() => start('ledger')}>
          {t('csv.export.ledger')}
        </button>
      </div>
      {running && (
        <progress
          className="csv__progress"
          aria-label={t('csv.export.progress')}
          value={state.done}
          max={state.total || 1}
        />
      )}
      <p role="status" className="muted">
        {state.step === 'done' &&
          t(state.kind === 'members' ? 'csv.export.doneMembers' : 'csv.export.doneLedger', {
            count: state.count,
            file: state.fileName,
          })}
      </p>
      {state.step === 'failed' && (
        <p role="alert" className="form-error">
          {t('csv.export.failed')}
        </p>
      )}
    </div>
  );
}
