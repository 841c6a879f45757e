/** Messages between the Messages screen and its worker. */
import type { AudienceRequest, AudienceResult } from '../../db/audience';

export type { AudienceRequest, AudienceResult };

export type AudienceReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; result: AudienceResult; ms: number }
  | { type: 'failed'; message: string };
