/**
 * A new tablet joins from a snapshot of members folded on the server: whatever a
 * member's history holds, the folded stats pass the tablet's own schema (10,001
 * overdrawn redemptions once made every join of that shop fail).
 */
import { describe, expect, it } from 'vitest';
import { foldLedger } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import { memberStatsSchema } from './sync-protocol';

describe('a snapshot member', () => {
  it('reads on the tablet after 10,001 overdrawn redemptions', () => {
    const history: LedgerEvent[] = Array.from({ length: 10_001 }, (_, i) => ({
      id: `r${String(i).padStart(6, '0')}`,
      memberId: 'm1',
      at: 1_760_000_000_000 + i * 1000,
      deviceId: 'd1',
      staffId: 'owner',
      seq: i + 1,
      type: 'redeem',
      stamps: -10,
    }));
    const stats = foldLedger(history);
    expect(stats.conflicts).toHaveLength(10_000);
    expect(memberStatsSchema.safeParse(stats).success).toBe(true);
  });
});
