/**
 * The loop of a worker that reads the whole local database for a screen
 * (Insights, Messages): open the app's database, run, send progress at most
 * every 5 % (plenty for a progress bar, and the main thread stays quiet), then
 * the result with the time it took, or why it failed.
 */
import { SetiaDB } from './schema';

export type WorkerReply<R> =
  | { type: 'progress'; done: number }
  | { type: 'done'; result: R; ms: number }
  | { type: 'failed'; message: string };

export function replyFromDatabase<Q, R>(
  run: (db: SetiaDB, request: Q, onProgress: (done: number) => void) => Promise<R>,
): void {
  const post = (reply: WorkerReply<R>) => postMessage(reply);
  onmessage = async (message: MessageEvent<Q>) => {
    const started = performance.now();
    const db = new SetiaDB();
    try {
      let last = 0;
      const result = await run(db, message.data, (done) => {
        if (done - last >= 0.05 || done === 1) {
          last = done;
          post({ type: 'progress', done });
        }
      });
      post({ type: 'done', result, ms: performance.now() - started });
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      db.close();
    }
  };
}
