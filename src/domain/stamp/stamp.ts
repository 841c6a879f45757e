/**
 * "Add stamp": where a stamp's rule is decided. The shop's program (if any)
 * turns what the cashier entered into stamps, with the rule lines that granted
 * them; the cooldown refuses unless the cashier overrides it with a reason; a
 * referred friend's first stamp also brings the referrer's bonus. The event
 * keeps the stamps and the lines, so a later change of the rules never changes it.
 */
import type { EventDraft, LedgerEvent } from '../ledger';
import type { Member } from '../member';
import { DEFAULT_STAFF_ID } from '../shop';
import { decideCardStamp, isValidQuantity, quantityRefusal } from './card';
import { checkCooldown, type CooldownCheck } from './cooldown';
import { refuse, yearIn, type Decision, type LocalDay, type Moment } from './decision';
import { earn, isValidAmount, type Earned, type VisitInput } from './earn';
import { referralLine, referrerToRead } from './referral';
import { largestSale, type ProgramRules } from './rules';
import { memberStanding, type Standing } from './standing';

export interface StampPlan {
  earned: Earned;
  cooldown: CooldownCheck;
}

/** What this visit earns, and whether the cooldown allows it without an override. */
export function planStamp(
  rules: ProgramRules,
  input: VisitInput,
  standing: Standing,
  day: LocalDay,
  birthday: string | null,
  now: number,
): StampPlan {
  const earned = earn(rules, input, {
    ...day,
    birthday,
    birthdayBonusYears: standing.birthdayBonusYears,
    tier: standing.tier,
    clubActive: standing.club !== null,
    clubMultiplier: standing.club?.multiplier ?? 1,
  });
  return {
    earned,
    cooldown: checkCooldown(rules.cooldown, standing.recentGrants, earned.stamps, now),
  };
}

/** What the cashier entered. */
export interface StampInput {
  /** visit mode: stamps; item mode: items bought; amount mode: 1. */
  quantity: number;
  /** amount mode: the amount spent, in the shop's currency. */
  amount?: number;
  /** The cashier passes the cooldown on purpose, and says why. */
  override?: string;
}

/** What the tablet knows of the member, and for a referred friend's first stamp, of the referrer. */
export interface StampStanding {
  member: Pick<Member, 'id' | 'birthday' | 'referredBy' | 'stats' | 'selfJoined'>;
  /** The member's events of the last STANDING_LOOKBACK_MS at least (none needed without a program). */
  events: readonly LedgerEvent[];
  /** Whom referrerToRead() names, with their recent events; absent when not on this tablet. */
  referrer?: { id: string; events: readonly LedgerEvent[] };
}

export function decideStamp(
  standing: StampStanding,
  rules: ProgramRules | undefined,
  input: StampInput,
  moment: Moment,
): Decision {
  const { member } = standing;
  if (!rules) return decideCardStamp(member.id, input.quantity, moment);
  if (!isValidQuantity(input.quantity)) return quantityRefusal();
  const amountMode = rules.earning.mode === 'amount';
  if (amountMode && !isValidAmount(input.amount ?? NaN)) return refuse('amount.invalid');
  if (amountMode && input.amount! > largestSale(rules))
    return refuse('amount.tooLarge', { amount: largestSale(rules) });
  const visit: VisitInput = amountMode
    ? { quantity: 1, amount: input.amount }
    : { quantity: input.quantity };
  const plan = planStamp(
    rules,
    visit,
    memberStanding(rules, standing.events, moment.at, yearIn(moment.calendar)),
    moment.calendar.day(moment.at),
    member.birthday,
    moment.at,
  );
  if (plan.earned.stamps < 1)
    return refuse('amount.tooSmall', { amount: rules.earning.amountPerStamp });
  const reason = input.override?.trim();
  if (!plan.cooldown.allowed && !reason)
    return refuse('cooldown.blocked', {
      count: plan.cooldown.given,
      minutes: rules.cooldown.minutes,
    });
  const stamp: EventDraft = {
    memberId: member.id,
    type: 'stamp',
    stamps: plan.earned.stamps,
    quantity: visit.quantity,
    at: moment.at,
    staffId: moment.staffId,
    ...(amountMode ? { amount: input.amount } : {}),
    lines: plan.earned.lines,
    ...(!plan.cooldown.allowed && reason ? { override: { reason } } : {}),
  };
  return {
    // The stamp first: it is what the counter shows and what Undo reverses.
    events: [
      stamp,
      ...welcomeAtFirstVisit(standing, rules, moment),
      ...referrerBonus(standing, rules, moment),
    ],
  };
}

/**
 * A member who joined from their own phone gets the program's welcome stamps
 * with their first stamp at the counter (joining from a poster earns nothing by
 * itself), once: not if any welcome was ever recorded for them.
 */
function welcomeAtFirstVisit(
  standing: StampStanding,
  rules: ProgramRules,
  moment: Moment,
): EventDraft[] {
  const { member, events } = standing;
  const welcome = rules.welcomeStamps;
  if (!member.selfJoined || !(welcome > 0) || member.stats.visits > 0) return [];
  if (events.some((e) => e.lines?.some((l) => l.rule === 'welcome'))) return [];
  return [
    {
      memberId: member.id,
      type: 'bonus',
      stamps: welcome,
      lines: [{ rule: 'welcome', stamps: welcome }],
      at: moment.at,
      // The shop's gift on joining, recorded as the owner's (as at a counter enrolment).
      staffId: DEFAULT_STAFF_ID,
    },
  ];
}

/** The referrer's bonus that comes with a referred friend's first stamp, once per friend. */
function referrerBonus(standing: StampStanding, rules: ProgramRules, moment: Moment): EventDraft[] {
  const { member, referrer } = standing;
  if (!referrer || referrerToRead(member, rules) !== referrer.id) return [];
  const line = referralLine(rules, member, standing.events, referrer.events);
  if (!line) return [];
  return [
    {
      memberId: referrer.id,
      type: 'bonus',
      stamps: line.stamps,
      lines: [line],
      at: moment.at,
      staffId: moment.staffId,
    },
  ];
}
