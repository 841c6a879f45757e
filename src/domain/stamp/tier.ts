/** Tiers: a member's tier comes from their visits or rewards in a rolling 12 months. */
import type { Tier } from './rules';

/** The highest tier whose threshold the member's last 12 months reach. */
export function currentTier(
  tiers: readonly Tier[],
  last12Months: { visits: number; rewards: number },
): Tier | null {
  let best: Tier | null = null;
  for (const tier of tiers) {
    const count = tier.basis === 'visits' ? last12Months.visits : last12Months.rewards;
    if (count >= tier.threshold && (!best || tier.multiplier > best.multiplier)) best = tier;
  }
  return best;
}
