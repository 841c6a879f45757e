/**
 * The loyalty program as the owner configures it: its shape, its defaults, its
 * limits and what the owner may save. What the rules grant for a visit is
 * decided in earn.ts; the stamp as a whole in stamp.ts.
 */

export type EarningMode = 'visit' | 'item' | 'amount';

export interface Promotion {
  id: string;
  /** e.g. "Lebaran double stamps" */
  name: string;
  multiplier: number;
  /** Inclusive local dates YYYY-MM-DD; null = open-ended. */
  from: string | null;
  to: string | null;
  /** 0 = Sunday … 6 = Saturday; empty = every day. */
  weekdays: number[];
}

export interface Tier {
  id: string;
  /** e.g. "Silver", "Gold" */
  name: string;
  /** Reached after `threshold` visits, or rewards redeemed, in a rolling 12 months. */
  basis: 'visits' | 'rewards';
  threshold: number;
  multiplier: number;
}

export interface EarningRules {
  mode: EarningMode;
  /** item mode: stamps per item. */
  stampsPerItem: number;
  /** amount mode: one stamp per this much spent, in the shop's currency. */
  amountPerStamp: number;
}

export interface CooldownRule {
  enabled: boolean;
  /** At most `maxStamps` stamps per member within `minutes`. */
  maxStamps: number;
  minutes: number;
}

export interface ProgramRules {
  earning: EarningRules;
  /** Stamps on enrollment (first-purchase bonus); 0 = off. */
  welcomeStamps: number;
  /** Extra stamps once a year during the member's birthday week; 0 = off. */
  birthday: { stamps: number; windowDays: number };
  promotions: Promotion[];
  tiers: Tier[];
  /** Stamps for the referrer when a referred friend gets a first stamp; 0 = off. */
  referral: { referrerStamps: number };
  /** Stamps for rating a visit on the card, at most once a month; 0 = off. */
  feedback: { stamps: number };
  cooldown: CooldownRule;
  /**
   * Stamps one sale may give before the counter asks "are you sure?" (a typo in
   * an amount, a quantity held down). Absent in rules saved before it existed:
   * VISIT_STAMPS_DEFAULT then.
   */
  maxStampsPerVisit?: number;
}

export const DEFAULT_RULES: ProgramRules = {
  earning: { mode: 'visit', stampsPerItem: 1, amountPerStamp: 25_000 },
  welcomeStamps: 0,
  birthday: { stamps: 0, windowDays: 7 },
  promotions: [],
  tiers: [],
  referral: { referrerStamps: 0 },
  feedback: { stamps: 0 },
  cooldown: { enabled: false, maxStamps: 5, minutes: 60 },
};

/** One reason in an event's stamp count, e.g. { rule: 'tier:gold', stamps: 2, multiplier: 2 }. */
export interface RuleLine {
  /** 'base' | 'tier:<id>' | 'club' | 'promo:<id>' | 'birthday' | 'welcome' | 'referral' | 'feedback' */
  rule: string;
  /** The rule's name when it has one the owner chose (tier, promotion). */
  name?: string;
  stamps: number;
  multiplier?: number;
}

export type RulesError =
  | 'rules.amountPerStamp'
  | 'rules.stampsPerItem'
  | 'rules.multiplier'
  | 'rules.promotionDates'
  | 'rules.promotionName'
  | 'rules.tierName'
  | 'rules.tierThreshold'
  | 'rules.bonus'
  | 'rules.cooldown'
  | 'rules.maxStampsPerVisit';

/** The program's limits: the owner's form, the rules and the sync protocol all use these. */
export const BONUS_MAX = 50;
export const MULTIPLIER_MAX = 10;
export const STAMPS_PER_ITEM_MAX = 20;
export const BIRTHDAY_WINDOW_MAX = 31;
export const COOLDOWN_STAMPS_MAX = 1000;
export const COOLDOWN_MINUTES_MAX = 24 * 60;
export const PROMOTIONS_MAX = 50;
export const TIERS_MAX = 20;
export const TIER_THRESHOLD_MAX = 100_000;
export const RULE_NAME_MAX = 60;
export const VISIT_STAMPS_DEFAULT = 20;
export const VISIT_STAMPS_MAX = 1000;
/** An amount earning more than this many times the per-visit maximum is a typo, refused outright. */
export const ABSURD_FACTOR = 10;

/** Stamps one sale may give without the cashier confirming. */
export function visitStampsMax(rules: ProgramRules): number {
  return rules.maxStampsPerVisit ?? VISIT_STAMPS_DEFAULT;
}

/**
 * Amount mode: the largest amount the counter takes for one sale (above it, a
 * typo such as "5000000000" is refused); Infinity in the other modes.
 */
export function largestSale(rules: ProgramRules): number {
  if (rules.earning.mode !== 'amount' || !(rules.earning.amountPerStamp > 0)) return Infinity;
  return rules.earning.amountPerStamp * visitStampsMax(rules) * ABSURD_FACTOR;
}

/** Checks an owner's rules before they are saved; returns the first problem per area. */
export function validateRules(rules: ProgramRules): RulesError[] {
  const errors = new Set<RulesError>();
  const isCount = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (rules.earning.mode === 'amount' && !(rules.earning.amountPerStamp > 0))
    errors.add('rules.amountPerStamp');
  if (!isCount(rules.earning.stampsPerItem, STAMPS_PER_ITEM_MAX) || rules.earning.stampsPerItem < 1)
    errors.add('rules.stampsPerItem');
  for (const n of [
    rules.welcomeStamps,
    rules.birthday.stamps,
    rules.referral.referrerStamps,
    rules.feedback.stamps,
  ])
    if (!isCount(n, BONUS_MAX)) errors.add('rules.bonus');
  if (!isCount(rules.birthday.windowDays, BIRTHDAY_WINDOW_MAX)) errors.add('rules.bonus');
  const badMultiplier = (m: number) => !(m >= 1 && m <= MULTIPLIER_MAX);
  for (const p of rules.promotions) {
    if (!p.name.trim()) errors.add('rules.promotionName');
    if (badMultiplier(p.multiplier)) errors.add('rules.multiplier');
    if (p.from && p.to && p.from > p.to) errors.add('rules.promotionDates');
  }
  for (const t of rules.tiers) {
    if (!t.name.trim()) errors.add('rules.tierName');
    if (!Number.isInteger(t.threshold) || t.threshold < 1 || t.threshold > TIER_THRESHOLD_MAX)
      errors.add('rules.tierThreshold');
    if (badMultiplier(t.multiplier)) errors.add('rules.multiplier');
  }
  const c = rules.cooldown;
  if (
    c.enabled &&
    (!isCount(c.maxStamps, COOLDOWN_STAMPS_MAX) ||
      c.maxStamps < 1 ||
      !isCount(c.minutes, COOLDOWN_MINUTES_MAX) ||
      c.minutes < 1)
  )
    errors.add('rules.cooldown');
  const v = rules.maxStampsPerVisit;
  if (v !== undefined && (!isCount(v, VISIT_STAMPS_MAX) || v < 1))
    errors.add('rules.maxStampsPerVisit');
  return [...errors];
}
