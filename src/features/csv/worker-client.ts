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
