/**
 * Writing the ledger. Each counter action is ONE transaction: the event (in
 * the outbox), the member's derived stats and the device counter are all
 * saved, or none is.
 */
import { Dexie } from 'dexie';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import {
  redeemDraft,
  resolveConflictDraft,
  reversalDraft,
  stampDraft,
  undoTarget,
  UNDO_WINDOW_MS,
  type EventDraft,
} from '../domain/stamping';
import { lookupMember } from './member-packs';
import { openOutbox, type Outbox } from './outbox';
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

/** A rule refused the action; `code` is an i18n key, `values` fill its message. Nothing was written. */
export class LedgerRuleError extends Error {
  constructor(
    readonly code: string,
    readonly values: Record<string, number | string> = {},
  ) {
    super(code);
  }
}

export async function requireMember(
  db: SetiaDB,
  memberId: string,
  ctx?: ActionContext,
): Promise<Member> {
  // A tablet still catching up may hold the member only in a pack: never a placeholder then.
  const member = await lookupMember(db, memberId);
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
  /** The outbox, when the caller opened it alongside reading the member. */
  opened?: Outbox,
): Promise<LedgerEvent> {
  const outbox = opened ?? (await openOutbox(db, now));
  const event = outbox.event(draft);
  // Appending in order folds onto the cached stats; anything else refolds the member.
  const inOrder = event.type !== 'reversal' && event.at >= (member.stats.lastEventAt ?? -Infinity);
  const stats = inOrder
    ? foldLedger([event], member.stats)
    : foldLedger([...(await memberEvents(db, member.id)), event], member.base ?? EMPTY_STATS);
  // The writes go to IndexedDB together: the transaction still keeps all or none.
  await Promise.all([outbox.save(), db.members.put({ ...member, stats })]);
  return event;
}

export const WRITE_TABLES = (db: SetiaDB) => [db.members, db.memberPacks, db.events, db.settings];

export async function addStamps(
  db: SetiaDB,
  memberId: string,
  quantity: number,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const draft = stampDraft(memberId, quantity, ctx.staffId, ctx.now);
    if (typeof draft === 'string') throw new LedgerRuleError(draft);
    // The member and the outbox's counters are read together (a stamp's time is its reads).
    const [member, outbox] = await Promise.all([
      requireMember(db, memberId, ctx),
      openOutbox(db, ctx.now),
    ]);
    return appendEvent(db, member, draft, ctx.now, outbox);
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
