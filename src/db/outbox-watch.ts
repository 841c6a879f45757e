/**
 * Watching the outbox (the sync engine's "push soon" trigger): told after each
 * committed transaction that put something in it, whether this page, another
 * tab or the CSV worker wrote it. Apart from outbox.ts so that the counter's
 * first load carries only the telling, not the listening.
 */
import { OUTBOX_CHANNEL } from './outbox';
import type { SetiaDB } from './schema';

/** Calls `onRecorded` after each commit that recorded something in this database's outbox. */
export function watchOutbox(db: SetiaDB, onRecorded: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  // A channel hears every other channel of its name, this page's included.
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (e.data === db.name) onRecorded();
  };
  return () => channel.close();
}
