/** Runs the insights worker for a request; a new request (or leaving) stops the old run. */
import { useEffect, useState } from 'react';
import type { LedgerInsights } from '../../db/insights';
import type { InsightsReply, InsightsRequest } from './protocol';

export interface InsightsState {
  /** 0..1 while reading, null when idle. */
  progress: number | null;
  result: LedgerInsights | null;
  /** The request the result answers. */
  answered: InsightsRequest | null;
  failed: boolean;
}

export function useInsights(request: InsightsRequest | null, attempt: number): InsightsState {
  const [state, setState] = useState<InsightsState>({
    progress: null,
    result: null,
    answered: null,
    failed: false,
  });
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!key) return;
    const asked = JSON.parse(key) as InsightsRequest;
    const worker = new Worker(new URL('./insights.worker.ts', import.meta.url), {
      type: 'module',
    });
    setState((s) => ({ ...s, progress: 0, failed: false }));
    worker.onmessage = (message: MessageEvent<InsightsReply>) => {
      const reply = message.data;
      if (reply.type === 'progress') setState((s) => ({ ...s, progress: reply.done }));
      else if (reply.type === 'done') {
        performance.measure('setia:insights', {
          start: performance.now() - reply.ms,
          detail: reply.result.timings,
        });
        setState({ progress: null, result: reply.result, answered: asked, failed: false });
        worker.terminate();
      } else {
        setState((s) => ({ ...s, progress: null, failed: true }));
        worker.terminate();
      }
    };
    worker.onerror = () => {
      setState((s) => ({ ...s, progress: null, failed: true }));
      worker.terminate();
    };
    worker.postMessage(asked);
    return () => worker.terminate();
  }, [key, attempt]);
  return state;
}
