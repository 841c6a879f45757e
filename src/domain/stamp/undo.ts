/**
 * "Undo": the member's newest action still in effect, within a few minutes,
 * is reversed by a new event. Nothing is ever deleted.
 */
import type { EventDraft, LedgerEvent } from '../ledger';
import { refuse, UNDO_WINDOW_MS, type Decision, type Moment } from './decision';

/** Ids of events undone by a reversal in `events` (a reversal's own undo is rare and ignored here). */
export function reversedIds(events: readonly LedgerEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.type === 'reversal' && e.reverses) out.add(e.reverses);
  return out;
}

/**
 * The event "Undo" would reverse: the member's newest event still in effect,
 * if it was made within the undo window. Reversals themselves are not undone.
 */
export function undoTarget(events: readonly LedgerEvent[], now: number): LedgerEvent | null {
  const reversed = new Set<string>();
  for (const e of events) if (e.type === 'reversal' && e.reverses) reversed.add(e.reverses);
  // A reversal that was itself reversed no longer counts.
  for (const e of events)
    if (e.type === 'reversal' && e.reverses && reversed.has(e.id)) reversed.delete(e.reverses);
  let newest: LedgerEvent | null = null;
  for (const e of events) {
    // Undo is for the counter's last action: a message sent meanwhile is not one.
    if (e.type === 'reversal' || e.type === 'message' || reversed.has(e.id)) continue;
    if (!newest || e.at > newest.at || (e.at === newest.at && e.seq > newest.seq)) newest = e;
  }
  if (!newest || now - newest.at > UNDO_WINDOW_MS || newest.at > now + UNDO_WINDOW_MS) return null;
  return newest;
}

export function reversalDraft(target: LedgerEvent, staffId: string, now: number): EventDraft {
  return {
    memberId: target.memberId,
    type: 'reversal',
    stamps: -target.stamps,
    reverses: target.id,
    reversed: { type: target.type, stamps: target.stamps },
    at: now,
    staffId,
  };
}

/** "Undo" on the member's recent events (those of the last UNDO_LOOKBACK_MS at least, decision.ts). */
export function decideUndo(recent: readonly LedgerEvent[], moment: Moment): Decision {
  const target = undoTarget(recent, moment.at);
  if (!target) return refuse('undo.nothing');
  return { events: [reversalDraft(target, moment.staffId, moment.at)] };
}
