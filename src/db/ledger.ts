/**
 * Writing the ledger. Each counter action is ONE transaction: the event, the
 * member's derived stats and the device counter are all saved, or none is.
 */
import { Dexie } from 'dexie';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import type { ShopSettings } from '../domain/program';
import {
  redeemDraft,
  resolveConflictDraft,
  reversalDraft,
  stampDraft,
  undoTarget,
  UNDO_WINDOW_MS,
  type EventDraft,
} from '../domain/stamping';
import { clubSale, givenCount, rewardAvailability } from '../domain/offers';
import { type RuleLine } from '../domain/rules';
import {
  feedbackOutcome,
  isValidAmount,
  memberStanding,
  planStamp,
  referralLine,
} from '../domain/visit';
import { openCounter } from './device';
import { newId } from './ids';
import type { SetiaDB } from './schema';
import { getShop } from './settings';

export interface ActionContext {
  staffId: string;
  now: number;
  /**
   * The member's card code was verified with the shop's key: if this tablet has
   * never seen the member, stamp anyway on a placeholder row (see Member.placeholder).
   */
  verifiedCard?: boolean;
}

/** What the cashier entered beyond the quantity. */
export interface StampOptions {
  /** amount mode: the amount spent. */
  amount?: number;
  /** The cashier passes the cooldown on purpose, and says why. */
  override?: string;
}

/** A rule refused the action; `code` is an i18n key, `values` fill its message. Nothing was written. */
export class LedgerRuleError extends Error {
  constructor(
    readonly code: string,
    readonly values: Record<string, number | string> = {},
  ) {
    super(code);
  }
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

async function requireMember(db: SetiaDB, memberId: string, ctx?: ActionContext): Promise<Member> {
  const member = await db.members.get(memberId);
  if (member) return member;
  if (ctx?.verifiedCard) return placeholderMember(memberId, ctx.now);
  throw new LedgerRuleError('member.unknown');
}

/** A member known only by a verified card code: no personal fields until sync brings them. */
export function placeholderMember(memberId: string, now: number): Member {
  return {
    id: memberId,
    name: '',
    phone: null,
    email: null,
    birthday: null,
    marketingConsent: false,
    consentAt: null,
    anonymised: false,
    joinedAt: now,
    nameWords: [],
    phoneKeys: [],
    clocks: {},
    stats: EMPTY_STATS,
    placeholder: true,
  };
}

/** Appends one event and brings the member's stats up to date, inside the caller's transaction. */
export async function appendEvent(
  db: SetiaDB,
  member: Member,
  draft: EventDraft,
  now: number,
): Promise<LedgerEvent> {
  const counter = await openCounter(db, now);
  const event: LedgerEvent = {
    ...draft,
    id: newId(now),
    deviceId: counter.deviceId,
    seq: counter.nextSeq(),
  };
  await db.events.add(event);
  // Appending in order folds onto the cached stats; anything else refolds the member.
  const inOrder = event.type !== 'reversal' && event.at >= (member.stats.lastEventAt ?? -Infinity);
  const stats = inOrder
    ? foldLedger([event], member.stats)
    : foldLedger(await memberEvents(db, member.id), member.base ?? EMPTY_STATS);
  await db.members.put({ ...member, stats });
  await counter.save(db);
  return event;
}

const WRITE_TABLES = (db: SetiaDB) => [db.members, db.events, db.settings];

/**
 * "Add stamp": the shop's program (if set) decides the stamps when the event is
 * made, and the event keeps the rule lines that granted them. The cooldown
 * refuses unless the cashier overrides it with a reason. A referred friend's
 * first stamp also brings the referrer's bonus, in the same transaction.
 */
export async function addStamps(
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
    const events = await memberEvents(db, memberId);
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
  if (!friend.referredBy || !(rules.referral.referrerStamps > 0)) return;
  const referrer = await db.members.get(friend.referredBy);
  if (!referrer) return; // not on this tablet: no bonus rather than a guess
  const line = referralLine(rules, friend, friendEvents, await memberEvents(db, referrer.id));
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

/** Welcome stamps on enrollment, inside the enrollment's transaction. */
export async function grantWelcome(
  db: SetiaDB,
  member: Member,
  stamps: number,
  ctx: ActionContext,
): Promise<void> {
  if (stamps > 0) await appendBonus(db, member, [{ rule: 'welcome', stamps }], ctx);
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
    const club = clubSale(shop.club, await memberEvents(db, memberId), ctx.now);
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
    const outcome = feedbackOutcome(shop?.program, await memberEvents(db, memberId), rating, ctx.now);
    if (typeof outcome === 'string') throw new LedgerRuleError(outcome);
    const text = comment.trim().slice(0, 500);
    return appendBonus(db, member, [{ rule: 'feedback', stamps: outcome.stamps }], ctx, {
      rating,
      ...(text ? { comment: text } : {}),
    });
  });
}

export async function redeemReward(
  db: SetiaDB,
  memberId: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const [member, shop] = await Promise.all([requireMember(db, memberId), getShop(db)]);
    if (!shop) throw new LedgerRuleError('shop.missing');
    const draft = redeemDraft(
      memberId,
      member.stats,
      shop.stampsPerCard,
      shop.rewardName,
      ctx.staffId,
      ctx.now,
    );
    if (typeof draft === 'string') throw new LedgerRuleError(draft);
    return appendEvent(db, member, draft, ctx.now);
  });
}

/** Reverses the member's newest event if it is recent enough; returns the reversal. */
export async function undoLast(
  db: SetiaDB,
  memberId: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const member = await requireMember(db, memberId);
    const target = undoTarget(await recentEvents(db, memberId, ctx.now), ctx.now);
    if (!target) throw new LedgerRuleError('undo.nothing');
    return appendEvent(db, member, reversalDraft(target, ctx.staffId, ctx.now), ctx.now);
  });
}

/** The member's events that "Undo" may look at: a margin beyond the undo window. */
export function recentEvents(db: SetiaDB, memberId: string, now: number): Promise<LedgerEvent[]> {
  return db.events
    .where('[memberId+at]')
    .between([memberId, now - 2 * UNDO_WINDOW_MS], [memberId, Dexie.maxKey])
    .toArray();
}

/** All of a member's events held as rows, oldest first. */
export function memberEvents(db: SetiaDB, memberId: string): Promise<LedgerEvent[]> {
  return db.events
    .where('[memberId+at]')
    .between([memberId, Dexie.minKey], [memberId, Dexie.maxKey])
    .toArray();
}

/** Recomputes a member's cached stats from the ledger (the cache is never the truth). */
export async function rebuildMemberStats(db: SetiaDB, memberId: string): Promise<void> {
  await db.transaction('rw', [db.members, db.events], async () => {
    const member = await db.members.get(memberId);
    if (!member) return;
    const stats = foldLedger(await memberEvents(db, memberId), member.base ?? EMPTY_STATS);
    await db.members.put({ ...member, stats });
  });
}

/** The owner settles a member's double redemption (see resolveConflictDraft). */
export async function resolveConflict(
  db: SetiaDB,
  memberId: string,
  forgive: boolean,
  reason: string,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const member = await requireMember(db, memberId);
    const draft = resolveConflictDraft(
      memberId,
      member.stats,
      forgive,
      reason,
      ctx.staffId,
      ctx.now,
    );
    if (typeof draft === 'string') throw new LedgerRuleError(draft);
    return appendEvent(db, member, draft, ctx.now);
  });
}

/** Members whose ledger gave more rewards than were earned, not yet settled. */
export async function membersInConflict(db: SetiaDB): Promise<Member[]> {
  const ids = (await db.members.orderBy('stats.conflicts').primaryKeys()) as string[];
  const members = await db.members.bulkGet([...new Set(ids)]);
  return members.filter((m): m is Member => m !== undefined);
}
