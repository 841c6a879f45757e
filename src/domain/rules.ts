/**
 * The loyalty program's earning rules, as the owner configures them, and what
 * they grant for one visit. Applied when an event is made: the event records
 * the stamps granted and the rule lines that granted them, so a later change of
 * the rules never rewrites history.
 *
 * Stacking: the base (per visit, per item or per amount) is multiplied by every
 * multiplier that applies (tier, club, promotions), one after another, each line
 * showing the stamps it added; bonuses (birthday week) are added last and are
 * never multiplied. A multiplier is ≥ 1, so no rule ever lowers a count.
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

/** What the cashier entered for this visit. */
export interface VisitInput {
  /** visit mode: stamps (usually 1); item mode: items bought. */
  quantity: number;
  /** amount mode: the amount spent, in the shop's currency. */
  amount?: number;
}

/** What the rules need to know about the member and the day. */
export interface EarnContext {
  /** Local date of the visit, YYYY-MM-DD, and its weekday (0 = Sunday). */
  date: string;
  weekday: number;
  birthday: string | null;
  /** Years in which the birthday bonus was already given. */
  birthdayBonusYears: readonly number[];
  tier: Tier | null;
  clubActive: boolean;
  clubMultiplier: number;
}

export interface Earned {
  stamps: number;
  lines: RuleLine[];
}

export function baseStamps(earning: EarningRules, input: VisitInput): number {
  switch (earning.mode) {
    case 'visit':
      return input.quantity;
    case 'item':
      return input.quantity * earning.stampsPerItem;
    case 'amount':
      return earning.amountPerStamp > 0
        ? Math.floor((input.amount ?? 0) / earning.amountPerStamp)
        : 0;
  }
}

export function promotionApplies(promo: Promotion, date: string, weekday: number): boolean {
  if (promo.from && date < promo.from) return false;
  if (promo.to && date > promo.to) return false;
  return promo.weekdays.length === 0 || promo.weekdays.includes(weekday);
}

/** Days between two dates of the year, around new year too (Dec 30 ↔ Jan 2 = 3). */
function dayOfYearDistance(date: string, birthday: string): number {
  const year = Number(date.slice(0, 4));
  const visit = Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const month = Number(birthday.slice(5, 7)) - 1;
  const day = Number(birthday.slice(8, 10));
  const distances = [year - 1, year, year + 1].map((y) => {
    // 29 February in a common year is celebrated on 28 February.
    const d =
      month === 1 && day === 29 && new Date(Date.UTC(y, 1, 29)).getUTCMonth() !== 1 ? 28 : day;
    return Math.abs(visit - Date.UTC(y, month, d)) / 86_400_000;
  });
  return Math.min(...distances);
}

/** Whether `date` falls in the member's birthday window (the week around it by default). */
export function inBirthdayWindow(
  date: string,
  birthday: string | null,
  windowDays: number,
): boolean {
  if (!birthday) return false;
  return dayOfYearDistance(date, birthday) <= Math.floor(windowDays / 2);
}

/** What one visit earns under `rules`. */
export function earn(rules: ProgramRules, input: VisitInput, ctx: EarnContext): Earned {
  const base = baseStamps(rules.earning, input);
  const lines: RuleLine[] = [{ rule: 'base', stamps: base }];
  let total = base;
  const multiply = (rule: string, multiplier: number, name?: string) => {
    if (!(multiplier > 1) || total === 0) return;
    const next = Math.floor(total * multiplier);
    if (next === total) return;
    lines.push({ rule, stamps: next - total, multiplier, ...(name ? { name } : {}) });
    total = next;
  };
  if (ctx.tier) multiply(`tier:${ctx.tier.id}`, ctx.tier.multiplier, ctx.tier.name);
  if (ctx.clubActive) multiply('club', ctx.clubMultiplier);
  for (const promo of rules.promotions)
    if (promotionApplies(promo, ctx.date, ctx.weekday))
      multiply(`promo:${promo.id}`, promo.multiplier, promo.name);

  const year = Number(ctx.date.slice(0, 4));
  if (
    rules.birthday.stamps > 0 &&
    base > 0 &&
    !ctx.birthdayBonusYears.includes(year) &&
    inBirthdayWindow(ctx.date, ctx.birthday, rules.birthday.windowDays)
  ) {
    lines.push({ rule: 'birthday', stamps: rules.birthday.stamps });
    total += rules.birthday.stamps;
  }
  return { stamps: total, lines };
}

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

export interface CooldownCheck {
  allowed: boolean;
  /** Stamps already given within the window, and how many more it allows. */
  given: number;
  remaining: number;
}

/**
 * The anti-fraud cooldown: at most K stamps per member within M minutes.
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

export type RulesError =
  | 'rules.amountPerStamp'
  | 'rules.stampsPerItem'
  | 'rules.multiplier'
  | 'rules.promotionDates'
  | 'rules.promotionName'
  | 'rules.tierName'
  | 'rules.tierThreshold'
  | 'rules.bonus'
  | 'rules.cooldown';

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
  return [...errors];
}
