/** Runs the segment worker for a request; a new request (or leaving) stops the old run. */
import { useEffect, useState } from 'react';
import type { AudienceReply, AudienceRequest, AudienceResult } from './protocol';

export interface AudienceState {
  /** 0..1 while reading, null when idle. */
  progress: number | null;
  result: AudienceResult | null;
  failed: boolean;
}

/** One worker run; resolves with the result (used for the CSV export, one click, one run). */
export function runAudience(
  request: AudienceRequest,
  onProgress: (done: number) => void = () => undefined,
): { done: Promise<AudienceResult>; stop: () => void } {
  const worker = new Worker(new URL('./audience.worker.ts', import.meta.url), { type: 'module' });
  const done = new Promise<AudienceResult>((resolve, reject) => {
    worker.onmessage = (message: MessageEvent<AudienceReply>) => {
      const reply = message.data;
      if (reply.type === 'progress') return onProgress(reply.done);
      worker.terminate();
      if (reply.type === 'done') {
        performance.measure('setia:segment', {
          start: performance.now() - reply.ms,
          detail: { ...reply.result.timings, events: reply.result.events },
        });
        resolve(reply.result);
      } else reject(new Error(reply.message));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('worker'));
    };
  });
  worker.postMessage(request);
  return { done, stop: () => worker.terminate() };
}

export function useAudience(request: AudienceRequest | null, attempt: number): AudienceState {
  const [state, setState] = useState<AudienceState>({
    progress: null,
    result: null,
    failed: false,
  });
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!key) return;
    const run = runAudience(JSON.parse(key) as AudienceRequest, (done) =>
      setState((s) => ({ ...s, progress: done })),
    );
    setState((s) => ({ ...s, progress: 0, failed: false }));
    run.done.then(
      (result) => setState({ progress: null, result, failed: false }),
      () => setState((s) => ({ ...s, progress: null, failed: true })),
    );
    return run.stop;
  }, [key, attempt]);
  return state;
}
