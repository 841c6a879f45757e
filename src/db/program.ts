/**
 * The loyalty program's counter actions (lazy: loaded only by a shop that runs
 * a program, a catalogue or a club). Each is one transaction, like db/ledger.ts:
 * the rules decide when the event is made, and the event keeps the rule lines.
 */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import { clubSale, givenCount, rewardAvailability } from '../domain/offers';
import type { ShopSettings } from '../domain/shop';
import type { RuleLine } from '../domain/rules';
import { stampDraft, type EventDraft } from '../domain/stamping';
import {
  feedbackOutcome,
  isValidAmount,
  memberStanding,
  planStamp,
  cleanReferralCode,
  REFERRAL_CODE_LENGTH,
  referralCode,
  referralLine,
  YEAR_MS,
} from '../domain/visit';
import {
  appendEvent,
  LedgerRuleError,
  requireMember,
  WRITE_TABLES,
  type ActionContext,
} from './ledger';
import type { SetiaDB } from './schema';
import { getShop } from './settings';

/** What the cashier entered beyond the quantity. */
export interface StampOptions {
  /** amount mode: the amount spent. */
  amount?: number;
  /** The cashier passes the cooldown on purpose, and says why. */
  override?: string;
}

/** The tablet's local date and weekday: promotions and birthdays go by the shop's calendar. */
export function localDay(now: number): { date: string; weekday: number } {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    weekday: d.getDay(),
  };
}

const localYear = (at: number) => new Date(at).getFullYear();

/**
 * A member's events of the last year (a little more), which is all the rules look
 * at: tiers count a rolling 12 months, the birthday bonus this year, the cooldown
 * minutes, a club its current period. A regular's whole history is never read.
 */
export function lastYearEvents(db: SetiaDB, memberId: string, now: number) {
  return db.events
    .where('[memberId+at]')
    .between([memberId, now - YEAR_MS - 31 * 86_400_000], [memberId, Dexie.maxKey])
    .toArray();
}

/**
 * "Add stamp": the shop's program (if set) decides the stamps when the event is
 * made, and the event keeps the rule lines that granted them. The cooldown
 * refuses unless the cashier overrides it with a reason. A referred friend's
 * first stamp also brings the referrer's bonus, in the same transaction.
 */
export async function addRuledStamps(
  db: SetiaDB,
  memberId: string,
  quantity: number,
  ctx: ActionContext,
  options: StampOptions = {},
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const draft = stampDraft(memberId, quantity, ctx.staffId, ctx.now);
    if (typeof draft === 'string') throw new LedgerRuleError(draft);
    const [member, shop] = await Promise.all([requireMember(db, memberId, ctx), getShop(db)]);
    const rules = shop?.program;
    if (!rules) return appendEvent(db, member, draft, ctx.now);

    const amountMode = rules.earning.mode === 'amount';
    if (amountMode && !isValidAmount(options.amount ?? NaN))
      throw new LedgerRuleError('amount.invalid');
    const events = await lastYearEvents(db, memberId, ctx.now);
    const standing = memberStanding(rules, events, ctx.now, localYear);
    const input = amountMode ? { quantity: 1, amount: options.amount } : { quantity };
    const plan = planStamp(rules, input, standing, localDay(ctx.now), member.birthday, ctx.now);
    if (plan.earned.stamps < 1)
      throw new LedgerRuleError('amount.tooSmall', { amount: rules.earning.amountPerStamp });
    const reason = options.override?.trim();
    if (!plan.cooldown.allowed && !reason)
      throw new LedgerRuleError('cooldown.blocked', {
        count: plan.cooldown.given,
        minutes: rules.cooldown.minutes,
      });
    const event = await appendEvent(
      db,
      member,
      {
        ...draft,
        stamps: plan.earned.stamps,
        quantity: input.quantity,
        ...(amountMode ? { amount: options.amount } : {}),
        lines: plan.earned.lines,
        ...(!plan.cooldown.allowed && reason ? { override: { reason } } : {}),
      },
      ctx.now,
    );
    await grantReferral(db, member, events, rules, ctx);
    return event;
  });
}

async function grantReferral(
  db: SetiaDB,
  friend: Member,
  friendEvents: LedgerEvent[],
  rules: NonNullable<ShopSettings['program']>,
  ctx: ActionContext,
): Promise<void> {
  // Only a first stamp brings the bonus (stats count history held in packs too).
  if (!friend.referredBy || !(rules.referral.referrerStamps > 0) || friend.stats.visits > 0) return;
  const referrer = await db.members.get(friend.referredBy);
  if (!referrer) return; // not on this tablet: no bonus rather than a guess
  const referrerEvents = await lastYearEvents(db, referrer.id, ctx.now);
  const line = referralLine(rules, friend, friendEvents, referrerEvents);
  if (line) await appendBonus(db, referrer, [line], ctx);
}

async function appendBonus(
  db: SetiaDB,
  member: Member,
  lines: RuleLine[],
  ctx: ActionContext,
  extra: Partial<EventDraft> = {},
): Promise<LedgerEvent> {
  const stamps = lines.reduce((s, l) => s + l.stamps, 0);
  return appendEvent(
    db,
    member,
    {
      memberId: member.id,
      type: 'bonus',
      stamps,
      lines,
      at: ctx.now,
      staffId: ctx.staffId,
      ...extra,
    },
    ctx.now,
  );
}

/** A reward from the shop's catalogue; a limited edition stops at its number given. */
export async function redeemCatalogueReward(
  db: SetiaDB,
  memberId: string,
  rewardId: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const [member, shop] = await Promise.all([requireMember(db, memberId), getShop(db)]);
    const reward = shop?.catalogue?.find((r) => r.id === rewardId);
    if (!reward) throw new LedgerRuleError('reward.unknown');
    const given = reward.limit === null ? 0 : await rewardsGiven(db, rewardId);
    const availability = rewardAvailability(reward, member.stats.balance, given);
    if (availability !== 'ok') throw new LedgerRuleError(`reward.${availability}`);
    return appendEvent(
      db,
      member,
      {
        memberId,
        type: 'redeem',
        stamps: -reward.cost,
        rewardId: reward.id,
        rewardName: reward.name,
        rewardKind: reward.kind,
        at: ctx.now,
        staffId: ctx.staffId,
      },
      ctx.now,
    );
  });
}

/** How many of a reward this tablet knows were given (undone ones do not count). */
export async function rewardsGiven(db: SetiaDB, rewardId: string): Promise<number> {
  const redeemed = await db.events.where('rewardId').equals(rewardId).toArray();
  const ids = redeemed.map((e) => e.id);
  const reversals = await db.events.where('reverses').anyOf(ids).toArray();
  return givenCount([...redeemed, ...reversals], rewardId);
}

/** Sells the shop's club membership; a renewal extends the running one. */
export async function sellClub(
  db: SetiaDB,
  memberId: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const [member, shop] = await Promise.all([requireMember(db, memberId), getShop(db)]);
    if (!shop?.club) throw new LedgerRuleError('club.none');
    const club = clubSale(shop.club, await lastYearEvents(db, memberId, ctx.now), ctx.now);
    return appendEvent(
      db,
      member,
      { memberId, type: 'club', stamps: 0, club, at: ctx.now, staffId: ctx.staffId },
      ctx.now,
    );
  });
}

/** The customer rated their last visit; the bonus comes at most once a month. */
export async function recordFeedback(
  db: SetiaDB,
  memberId: string,
  rating: number,
  comment: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const [member, shop] = await Promise.all([requireMember(db, memberId), getShop(db)]);
    const outcome = feedbackOutcome(
      shop?.program,
      await lastYearEvents(db, memberId, ctx.now),
      rating,
      ctx.now,
    );
    if (typeof outcome === 'string') throw new LedgerRuleError(outcome);
    const text = comment.trim().slice(0, 500);
    return appendBonus(db, member, [{ rule: 'feedback', stamps: outcome.stamps }], ctx, {
      rating,
      ...(text ? { comment: text } : {}),
    });
  });
}

/**
 * The member a referral code belongs to. Codes are the end of member ids, so this
 * walks the members once: enrolling with a referral is rare, stamping is not.
 */
export async function findReferrer(db: SetiaDB, code: string): Promise<Member | undefined> {
  const clean = cleanReferralCode(code);
  if (clean.length < REFERRAL_CODE_LENGTH) return undefined;
  return (
    (await db.members.get(clean)) ??
    db.members.filter((m) => referralCode(m.id) === clean.slice(-REFERRAL_CODE_LENGTH)).first()
  );
}
