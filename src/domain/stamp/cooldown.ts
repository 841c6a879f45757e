/** The anti-fraud cooldown: how many more stamps a member may get without an override. */
import type { CooldownRule } from './rules';

export interface CooldownCheck {
  allowed: boolean;
  /** Stamps already given within the window, and how many more it allows. */
  given: number;
  remaining: number;
}

/**
 * The anti-fraud cooldown: at most K stamps per member within M minutes; only
 * the cashier's override with a reason passes it (decided in stamp.ts).
 * `recent` are the member's stamp grants (time, stamps) that this tablet knows.
 */
export function checkCooldown(
  rule: CooldownRule,
  recent: readonly { at: number; stamps: number }[],
  stamps: number,
  now: number,
): CooldownCheck {
  if (!rule.enabled) return { allowed: true, given: 0, remaining: Infinity };
  const since = now - rule.minutes * 60_000;
  const given = recent.filter((g) => g.at > since && g.at <= now).reduce((s, g) => s + g.stamps, 0);
  const remaining = Math.max(0, rule.maxStamps - given);
  return { allowed: stamps <= remaining, given, remaining };
}
