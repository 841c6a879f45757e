/**
 * The owner's side of the ledger: manual adjustments, settling conflicts and a
 * member's full history. Kept apart from ledger.ts so the counter's first load stays small.
 */
import { adjustmentDraft, type AdjustmentInput } from '../domain/adjustment';
import { resolveConflictDraft } from '../domain/conflict';
import { compareEvents, type LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import {
  appendEvent,
  LedgerRuleError,
  memberEvents,
  requireMember,
  WRITE_TABLES,
  type ActionContext,
} from './ledger';
import type { SetiaDB } from './schema';

/** The owner adds or takes away stamps by hand; a reason is required (domain/adjustment.ts). */
export async function addAdjustment(
  db: SetiaDB,
  memberId: string,
  input: AdjustmentInput,
  ctx: ActionContext,
): Promise<LedgerEvent> {
  return db.transaction('rw', WRITE_TABLES(db), async () => {
    const draft = adjustmentDraft(memberId, input, ctx.staffId, ctx.now);
    if (typeof draft === 'string') throw new LedgerRuleError(draft);
    const member = await requireMember(db, memberId);
    return appendEvent(db, member, draft, ctx.now);
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

/**
 * A member's history held in packs (a tablet that joined from a snapshot).
 * Packs are not indexed by member, so this reads them all, one at a time: a
 * few seconds in a shop of a million events, so the owner's page reads it once
 * and keeps the rows (memberEvents) live.
 */
export async function packedMemberEvents(db: SetiaDB, memberId: string): Promise<LedgerEvent[]> {
  const packed: LedgerEvent[] = [];
  await db.eventPacks.each((pack) => {
    for (const e of pack.events) if (e.memberId === memberId) packed.push(e);
  });
  return packed;
}

/** Rows and packed history together, each event once, newest first. */
export function newestFirst(
  rows: readonly LedgerEvent[],
  packed: readonly LedgerEvent[],
): LedgerEvent[] {
  const seen = new Set(rows.map((e) => e.id));
  return [...rows, ...packed.filter((e) => !seen.has(e.id))].sort((a, b) => compareEvents(b, a));
}

/** A member's full ledger, newest first. */
export async function memberLedger(db: SetiaDB, memberId: string): Promise<LedgerEvent[]> {
  return db.transaction('r', [db.events, db.eventPacks], async () =>
    newestFirst(await memberEvents(db, memberId), await packedMemberEvents(db, memberId)),
  );
}
