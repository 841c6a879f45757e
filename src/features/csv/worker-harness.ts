/** The CSV worker in a unit test: its global scope faked, its answers awaited. */
import { beforeAll } from 'vitest';
import type { FromWorker, ToWorker } from './protocol';

export function workerHarness(): (message: ToWorker) => Promise<FromWorker> {
  const posted: FromWorker[] = [];
  let send: (message: ToWorker) => void;

  beforeAll(async () => {
    // The worker's global scope: what it posts is collected here.
    const scope = globalThis as unknown as {
      self: { postMessage: (m: FromWorker) => void; onmessage?: (e: { data: ToWorker }) => void };
    };
    scope.self = { postMessage: (m) => posted.push(m) };
    await import('./csv.worker');
    send = (data) => scope.self.onmessage!({ data });
  });

  /** Sends a message and waits for the worker's answer (progress messages skipped). */
  async function ask(message: ToWorker): Promise<FromWorker> {
    posted.length = 0;
    send(message);
    for (const end = Date.now() + 25_000; Date.now() < end;) {
      const answer = posted.find((m) => m.type !== 'progress');
      if (answer) return answer;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the worker did not answer');
  }
  return ask;
}
