/**
 * Builds a segment off the main thread: opens the app's database itself and
 * streams through the whole ledger (a million events), so the screen stays responsive.
 */
import { readAudience } from '../../db/audience';
import { replyFromDatabase } from '../../db/worker-reply';
import type { AudienceRequest } from './protocol';

replyFromDatabase((db, request: AudienceRequest, onProgress) =>
  readAudience(db, request, onProgress),
);
