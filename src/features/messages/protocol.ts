/** Messages between the Messages screen and its worker. */
import type { WorkerReply } from '../../db/worker-reply';
import type { AudienceRequest, AudienceResult } from '../../db/audience';

export type { AudienceRequest, AudienceResult };

export type AudienceReply = WorkerReply<AudienceResult>;
