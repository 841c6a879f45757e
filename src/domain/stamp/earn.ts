/**
 * What one visit earns under the program's rules. Applied when an event is
 * made: the event records the stamps granted and the rule lines that granted
 * them, so a later change of the rules never rewrites history.
 *
 * Stacking: the base (per visit, per item or per amount) is multiplied by every
 * multiplier that applies (tier, club, promotions), one after another, each line
 * showing the stamps it added; bonuses (birthday week) are added last and are
 * never multiplied. A multiplier is ≥ 1, so no rule ever lowers a count.
 */
import type { EarningRules, ProgramRules, Promotion, RuleLine, Tier } from './rules';

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

/** Amount mode: the cashier types the amount spent. */
export const AMOUNT_MAX = 1e12;
export function isValidAmount(amount: number): boolean {
  return Number.isFinite(amount) && amount > 0 && amount <= AMOUNT_MAX;
}
