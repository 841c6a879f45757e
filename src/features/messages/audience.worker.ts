/**
 * Builds a segment off the main thread: opens the app's database itself and
 * streams through the whole ledger (a million events), so the screen stays responsive.
 */
import { readAudience } from '../../db/audience';
import { SetiaDB } from '../../db/schema';
import type { AudienceReply, AudienceRequest } from './protocol';

const post = (reply: AudienceReply) => postMessage(reply);

onmessage = async (message: MessageEvent<AudienceRequest>) => {
  const started = performance.now();
  const db = new SetiaDB();
  try {
    let last = 0;
    const result = await readAudience(db, message.data, (done) => {
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
