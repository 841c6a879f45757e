/** Messages between the insights screen and its worker. */
import type { WorkerReply } from '../../db/worker-reply';
import type { LedgerInsights } from '../../db/insights';

export interface InsightsRequest {
  from: number;
  to: number;
  now: number;
  churnDays: number;
  stampsPerCard: number;
  /** The shop has campaigns: count who came back after each. */
  campaignReturns: boolean;
}

export type InsightsReply = WorkerReply<LedgerInsights>;
