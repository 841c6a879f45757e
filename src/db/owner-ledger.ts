/**
 * The owner's side of the ledger: manual adjustments and a member's full
 * history. Kept apart from ledger.ts so the counter's first load stays small.
 */
import { adjustmentDraft, type AdjustmentInput } from '../domain/adjustment';
import { compareEvents, type LedgerEvent } from '../domain/ledger';
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

/**
 * A member's full ledger, newest first: the rows and the history held in packs
 * (packs are not indexed by member, so this reads them all: owner screen only).
 */
export async function memberLedger(db: SetiaDB, memberId: string): Promise<LedgerEvent[]> {
  return db.transaction('r', [db.events, db.eventPacks], async () => {
    const rows = await memberEvents(db, memberId);
    const seen = new Set(rows.map((e) => e.id));
    const packed: LedgerEvent[] = [];
    await db.eventPacks.each((pack) => {
      for (const e of pack.events) if (e.memberId === memberId && !seen.has(e.id)) packed.push(e);
    });
    return [...rows, ...packed].sort((a, b) => compareEvents(b, a));
  });
}
