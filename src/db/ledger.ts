/**
 * Writing the ledger. An event is written together with the member's derived
 * stats and the outbox's counters (db/outbox.ts numbers and stores it), inside
 * the caller's transaction, so they are all saved or none is. The counter's
 * commands (db/counter.ts) and the owner's (db/owner-ledger.ts) write through here.
 */
import { Dexie } from 'dexie';
import { EMPTY_STATS, foldLedger } from '../domain/balance';
import type { EventDraft, LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import type { Decided, Refusal } from '../domain/stamp/decision';
import { lookupMember } from './member-packs';
import { openOutbox, type Outbox } from './outbox';
import type { SetiaDB } from './schema';

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
  ctx?: { now: number; verifiedCard?: boolean },
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

/**
 * Appends one event (numbered by the outbox, which stores it) and brings the
 * member's stats up to date, inside the caller's transaction.
 */
export async function appendEvent(
  db: SetiaDB,
  member: Member,
  draft: EventDraft,
  now: number,
  /** The outbox, when the caller opened it alongside reading the member. */
  opened?: Outbox,
): Promise<LedgerEvent> {
  return (await appendFolded(db, member, draft, now, opened)).event;
}

/** appendEvent, also giving the member as written (their stats with the event folded in). */
async function appendFolded(
  db: SetiaDB,
  member: Member,
  draft: EventDraft,
  now: number,
  opened?: Outbox,
): Promise<{ event: LedgerEvent; member: Member }> {
  const outbox = opened ?? (await openOutbox(db, now));
  const event = outbox.event(draft);
  // Appending in order folds onto the cached stats; anything else refolds the member.
  const inOrder = event.type !== 'reversal' && event.at >= (member.stats.lastEventAt ?? -Infinity);
  const stats = inOrder
    ? foldLedger([event], member.stats)
    : foldLedger([...(await memberEvents(db, member.id)), event], member.base ?? EMPTY_STATS);
  const written = { ...member, stats };
  // The writes go to IndexedDB together: the transaction still keeps all or none.
  await Promise.all([outbox.save(), db.members.put(written)]);
  return { event, member: written };
}

/**
 * Appends drafts in order, each folded onto its member as the draft before left
 * them (a stamp and the welcome it brings are two events on one member: folding
 * both onto the stats read before would keep only the last). `member` is the
 * one the caller read; others (a referrer) are looked up.
 */
export async function appendAll(
  db: SetiaDB,
  member: Member,
  drafts: readonly EventDraft[],
  now: number,
  outbox: Outbox,
): Promise<{ events: LedgerEvent[]; latest: Map<string, Member> }> {
  const latest = new Map([[member.id, member]]);
  const written: LedgerEvent[] = [];
  for (const draft of drafts) {
    const owner = latest.get(draft.memberId) ?? (await lookupMember(db, draft.memberId));
    if (!owner) throw new LedgerRuleError('member.unknown');
    const appended = await appendFolded(db, owner, draft, now, outbox);
    latest.set(owner.id, appended.member);
    written.push(appended.event);
  }
  return { events: written, latest };
}

/**
 * Writes what a decision decided, each event onto its member (`member`, read by
 * the caller in this transaction, or another such as a referrer), and returns
 * the action's own event and the member as written. A refusal throws
 * LedgerRuleError before anything is written.
 */
export async function commitDecision(
  db: SetiaDB,
  decision: Decided | Refusal,
  member: Member,
  outbox: Outbox,
  now: number,
): Promise<{ event: LedgerEvent; member: Member }> {
  if ('refused' in decision) throw new LedgerRuleError(decision.refused, decision.values);
  const { events, latest } = await appendAll(db, member, decision.events, now, outbox);
  return { event: events[0]!, member: latest.get(member.id)! };
}

/** The tables a ledger write touches (members may be read from packs). */
export const WRITE_TABLES = (db: SetiaDB) => [db.members, db.memberPacks, db.events, db.settings];

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
