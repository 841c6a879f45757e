/** Starts the CSV worker (a lazy chunk of its own) and talks to it. */
import type { FromWorker, ToWorker } from './protocol';

export interface CsvWorker {
  send: (message: ToWorker) => void;
  stop: () => void;
}

export function startCsvWorker(onMessage: (message: FromWorker) => void): CsvWorker {
  const worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = () => onMessage({ type: 'failed' });
  return { send: (message) => worker.postMessage(message), stop: () => worker.terminate() };
}

/** Hands a file to the browser's download (the file name is the date-stamped one). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next tick; keep the URL a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
