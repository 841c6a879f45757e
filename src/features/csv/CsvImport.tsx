/**
 * "Import CSV": pick a file, check how its columns map, see every row that
 * will not be imported (row number and reason, duplicates by phone), then
 * import the rest in one transaction. The file is read and written in a worker.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_TARGETS, type ImportTarget, type RowProblem } from '../../domain/member-csv';
import { DEFAULT_STAFF_ID, type ShopSettings } from '../../domain/shop';
import { todayIso } from '../../i18n/format';
import type { CheckReport, FileError, FilePreview } from './protocol';
import { startCsvWorker, type CsvWorker } from './worker-client';

type State =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | {
      step: 'preview';
      fileName: string;
      preview: FilePreview;
      mapping: ImportTarget[];
      report: CheckReport | null;
    }
  | { step: 'importing'; fileName: string }
  | { step: 'done'; imported: number; problems: RowProblem[] }
  | { step: 'failed'; fileError?: FileError };

/** Problems listed on screen; the rest are counted. */
const SHOWN_PROBLEMS = 200;

export function CsvImport({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const worker = useRef<CsvWorker | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const importStarted = useRef(0);
  useEffect(() => () => worker.current?.stop(), []);

  const stop = () => {
    worker.current?.stop();
    worker.current = null;
  };

  const read = (file: File) => {
    stop();
    setState({ step: 'reading', fileName: file.name });
    const w = startCsvWorker((message) => {
      switch (message.type) {
        case 'read':
          setState({
            step: 'preview',
            fileName: file.name,
            preview: message.preview,
            mapping: message.preview.mapping,
            report: null,
          });
          w.send({ type: 'check', mapping: message.preview.mapping });
          break;
        case 'checked':
          setState((s) => (s.step === 'preview' ? { ...s, report: message.report } : s));
          break;
        case 'imported':
          // The benchmark reads this: "Import" clicked to everything written.
          performance.measure('setia:csv-import', { start: importStarted.current });
          stop();
          setState({ step: 'done', imported: message.imported, problems: message.problems });
          break;
        case 'failed':
          stop();
          setState({ step: 'failed', fileError: message.fileError });
          break;
      }
    });
    worker.current = w;
    const now = Date.now();
    w.send({
      type: 'read',
      file,
      ctx: { country: shop.country, today: todayIso(now), monthFirst: shop.country === 'US' },
    });
  };

  const remap = (column: number, target: ImportTarget) => {
    if (state.step !== 'preview') return;
    // A target belongs to one column: choosing it elsewhere frees it here.
    const mapping = state.mapping.map((m, i) =>
      i === column ? target : m === target && target !== 'ignore' ? 'ignore' : m,
    );
    setState({ ...state, mapping, report: null });
    worker.current?.send({ type: 'check', mapping });
  };

  const confirm = () => {
    if (state.step !== 'preview') return;
    setState({ step: 'importing', fileName: state.fileName });
    importStarted.current = performance.now();
    worker.current?.send({
      type: 'import',
      mapping: state.mapping,
      now: Date.now(),
      staffId: DEFAULT_STAFF_ID,
      reason: t('csv.import.carriedReason'),
    });
  };

  const cancel = () => {
    stop();
    setState({ step: 'idle' });
  };

  const busy = state.step === 'reading' || state.step === 'importing';
  return (
    <div className="csv__import">
      <div className="csv__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {t('csv.import.open')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) read(file);
          }}
        />
      </div>
      {busy && (
        <p role="status">
          <progress className="csv__progress" aria-label={t('csv.import.progress')} />{' '}
          {t(state.step === 'reading' ? 'csv.import.reading' : 'csv.import.importing', {
            file: state.fileName,
          })}
        </p>
      )}
      {state.step === 'failed' && (
        <p role="alert" className="form-error">
          {state.fileError ? t(`csv.import.fileError.${state.fileError}`) : t('csv.import.failed')}
        </p>
      )}
      {state.step === 'preview' && (
        <Preview state={state} onRemap={remap} onConfirm={confirm} onCancel={cancel} />
      )}
      {state.step === 'done' && (
        <>
          <p role="status" className="csv__done">
            {t('csv.import.done', { count: state.imported })}
          </p>
          <Problems problems={state.problems} />
        </>
      )}
    </div>
  );
}

function Preview({
  state,
  onRemap,
  onConfirm,
  onCancel,
}: {
  state: Extract<State, { step: 'preview' }>;
  onRemap: (column: number, target: ImportTarget) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { preview, mapping, report } = state;
  return (
    <section className="csv__preview" aria-labelledby="csv-preview-title">
      <h3 id="csv-preview-title">{t('csv.import.previewTitle', { file: state.fileName })}</h3>
      <p className="muted">
        {t('csv.import.fileFacts', {
          count: preview.rowCount,
          encoding: preview.encoding.toUpperCase(),
          delimiter: t(`csv.import.delimiter.${delimiterName(preview.delimiter)}`),
        })}
      </p>
      <table className="csv__mapping">
        <caption>{t('csv.import.mappingTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csv.import.fileColumn')}</th>
            <th scope="col">{t('csv.import.example')}</th>
            <th scope="col">{t('csv.import.importAs')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, i) => (
            <tr key={i}>
              <th scope="row">{header || t('csv.import.unnamed', { n: i + 1 })}</th>
              <td className="csv__example">{preview.sample[0]?.[i] ?? ''}</td>
              <td>
                <select
                  aria-label={t('csv.import.columnFor', { header: header || i + 1 })}
                  value={mapping[i]}
                  onChange={(e) => onRemap(i, e.target.value as ImportTarget)}
                >
                  {IMPORT_TARGETS.map((target) => (
                    <option key={target} value={target}>
                      {t(`csv.import.target.${target}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!mapping.includes('stamps') && <p className="muted">{t('csv.import.stampsHint')}</p>}
      {report ? (
        <>
          <p role="status">
            {t('csv.import.ready', { count: report.valid })}{' '}
            {report.withStamps > 0 && t('csv.import.withStamps', { count: report.withStamps })}
          </p>
          <Problems problems={report.problems} />
          <div className="csv__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={report.valid === 0}
              onClick={onConfirm}
            >
              {t('csv.import.confirm', { count: report.valid })}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('csv.import.cancel')}
            </button>
          </div>
        </>
      ) : (
        <p role="status">
          <progress className="csv__progress" aria-label={t('csv.import.progress')} />
        </p>
      )}
    </section>
  );
}

function delimiterName(delimiter: string): 'comma' | 'semicolon' | 'tab' | 'bar' {
  if (delimiter === ';') return 'semicolon';
  if (delimiter === '\t') return 'tab';
  if (delimiter === '|') return 'bar';
  return 'comma';
}

/** Rows that will not be (or were not) imported: errors, then duplicates. */
function Problems({ problems }: { problems: RowProblem[] }) {
  const { t } = useTranslation();
  const errors = problems.filter((p) => !p.code.startsWith('duplicate.'));
  const duplicates = problems.filter((p) => p.code.startsWith('duplicate.'));
  const list = (items: RowProblem[], title: string) =>
    items.length > 0 && (
      <section className="csv__problems">
        <h4>{title}</h4>
        <ul aria-label={title}>
          {items.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li key={p.row}>
              {t('csv.import.problemLine', {
                row: p.row,
                reason: t(`csv.problem.${p.code}`, { other: p.other }),
              })}
            </li>
          ))}
        </ul>
        {items.length > SHOWN_PROBLEMS && (
          <p className="muted">{t('csv.import.more', { count: items.length - SHOWN_PROBLEMS })}</p>
        )}
      </section>
    );
  return (
    <>
      {list(errors, t('csv.import.errorsTitle', { count: errors.length }))}
      {list(duplicates, t('csv.import.duplicatesTitle', { count: duplicates.length }))}
    </>
  );
}
