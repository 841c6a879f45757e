/**
 * "Export CSV" (members) and "Export ledger": built in a worker from this
 * tablet's database, offline, with a progress bar; then downloaded.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { recordExport } from '../../db/settings';
import { todayIso } from '../../i18n/format';
import type { ExportKind, FromWorker } from './protocol';

type FileSlice = Extract<FromWorker, { type: 'exported' }>;
import { download, startCsvWorker, type CsvWorker } from './worker-client';

type State =
  | { step: 'idle' }
  | { step: 'running'; kind: ExportKind; done: number; total: number }
  | { step: 'done'; kind: ExportKind; count: number; fileName: string }
  | { step: 'failed' };

export function CsvExport() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const workers = useRef<CsvWorker[]>([]);
  const stopAll = () => {
    for (const w of workers.current.splice(0)) w.stop();
  };
  useEffect(() => () => stopAll(), []);

  const start = (kind: ExportKind) => {
    stopAll();
    setState({ step: 'running', kind, done: 0, total: 0 });
    const started = performance.now();
    // Members are split between workers, one per core (up to 4): reading rows back from
    // IndexedDB is CPU work on the reading thread, so slices read in parallel.
    const count =
      kind === 'members' ? Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1)) : 1;
    const progress = Array.from({ length: count }, () => ({ done: 0, total: 0 }));
    const results: (FileSlice | undefined)[] = [];
    workers.current = progress.map((_, index) => {
      const w = startCsvWorker((message) => {
        if (message.type === 'progress') {
          progress[index] = message;
          const sum = (k: 'done' | 'total') => progress.reduce((n, p) => n + p[k], 0);
          setState({ step: 'running', kind, done: sum('done'), total: sum('total') });
        } else if (message.type === 'exported') {
          w.stop();
          results[index] = message;
          if (results.filter(Boolean).length < count) return;
          const slices = results as FileSlice[];
          const fileName = slices[0]!.fileName;
          download(
            new Blob(
              slices.map((r) => r.blob),
              { type: 'text/csv;charset=utf-8' },
            ),
            fileName,
          );
          // The benchmark reads these: click to the file handed to the browser; the slowest worker.
          performance.measure(`setia:csv-export-${kind}`, { start: started });
          const slowest = slices.reduce((a, b) => (b.timing.workerMs > a.timing.workerMs ? b : a));
          const { workerMs, buildMs } = slowest.timing;
          performance.measure(`setia:csv-export-${kind}-worker`, { start: 0, duration: workerMs });
          performance.measure(`setia:csv-export-${kind}-build`, { start: 0, duration: buildMs });
          if (kind === 'members') void recordExport(db, Date.now());
          const exported = slices.reduce((n, r) => n + r.count, 0);
          setState({ step: 'done', kind, count: exported, fileName });
        } else if (message.type === 'failed') {
          stopAll();
          setState({ step: 'failed' });
        }
      });
      w.send({ type: 'export', kind, today: todayIso(Date.now()), part: { index, count } });
      return w;
    });
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
