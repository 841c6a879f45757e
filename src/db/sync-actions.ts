/**
 * Sync's choices that screens write (setup, the connect banner), apart from
 * db/actions.ts so that the counter's first load does not carry them.
 */
import { onAppDb } from './db';
import * as syncState from './sync-state';

export const saveSyncPlan = onAppDb(syncState.saveSyncPlan);
