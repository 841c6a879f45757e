/**
 * Balances are derived from the ledger, never stored as the truth.
 *
 * foldLedger() is the one definition of a member's stats. A tablet that joined
 * from a server snapshot starts from `base` (the stats of the history it holds
 * only in packed form) and folds the events it holds as rows on top.
 */
import { sortEvents, type EventType, type LedgerEvent } from './ledger';

export const RECENT_VISITS = 10;

export interface VisitNote {
  eventId: string;
  at: number;
  stamps: number;
}

export interface MemberStats {
  /** Current stamp balance: earned − spent ± adjustments. May be negative after a conflict. */
  balance: number;
  /** Stamps earned by visits and bonuses. */
  earned: number;
  /** Stamps spent on rewards. */
  spent: number;
  /** Number of rewards redeemed. */
  redeemed: number;
  /** Net manual adjustments. */
  adjusted: number;
  visits: number;
  firstVisitAt: number | null;
  lastVisitAt: number | null;
  lastEventAt: number | null;
  /** Newest first. */
  recentVisits: VisitNote[];
  /** Redemptions that overdrew the balance and that no adjustment has settled yet. */
  conflicts: string[];
}

/**
 * The unsettled overdrawn redemptions kept per member: the newest this many. A member
 * whose history holds more (only a misbehaving tablet makes that many) still has
 * the negative balance that shows them, and every tablet's snapshot stays readable.
 */
export const CONFLICTS_KEPT = 10_000;

export const EMPTY_STATS: MemberStats = Object.freeze({
  balance: 0,
  earned: 0,
  spent: 0,
  redeemed: 0,
  adjusted: 0,
  visits: 0,
  firstVisitAt: null,
  lastVisitAt: null,
  lastEventAt: null,
  recentVisits: [],
  conflicts: [],
}) as MemberStats;

/** An event's effect on the balance once reversals are applied (see effectiveEvents). */
export interface Effect {
  id: string;
  type: EventType;
  stamps: number;
  at: number;
  resolves?: string[];
}

/**
 * Which events count. A reversal undoes its target if the target is in effect at
 * that point; undoing a reversal restores what it undid. A second reversal of an
 * already reversed event (two tablets undoing the same thing) does nothing.
 * Targets not in `events` (history held only in the base) are taken as in effect,
 * with the effect the reversal recorded.
 */
export function effectiveEvents(ordered: readonly LedgerEvent[]): Effect[] {
  const byId = new Map<string, LedgerEvent>();
  const inEffect = new Map<string, boolean>();
  /** Negations of events that live in the base, keyed by the reversal that made them. */
  const baseNegations = new Map<string, Effect>();

  const setInEffect = (id: string, value: boolean): void => {
    inEffect.set(id, value);
    const event = byId.get(id);
    if (event?.type === 'reversal' && event.reverses) {
      // A reversal coming into or out of effect flips its target the other way.
      const target = event.reverses;
      if (byId.has(target)) setInEffect(target, !value);
      else if (value) baseNegations.set(id, negationOfBase(event));
      else baseNegations.delete(id);
    }
  };

  for (const event of ordered) {
    byId.set(event.id, event);
    if (event.type !== 'reversal' || !event.reverses) {
      inEffect.set(event.id, true);
      continue;
    }
    const target = event.reverses;
    const targetInEffect = byId.has(target)
      ? inEffect.get(target) === true
      : ![...baseNegations.values()].some((n) => n.id === target);
    if (targetInEffect) setInEffect(event.id, true);
    else inEffect.set(event.id, false);
  }

  const effects: Effect[] = [];
  for (const event of ordered) {
    if (event.type === 'reversal') {
      const negation = baseNegations.get(event.id);
      if (negation) effects.push({ ...negation, at: event.at });
    } else if (inEffect.get(event.id)) {
      effects.push({
        id: event.id,
        type: event.type,
        stamps: event.stamps,
        at: event.at,
        ...(event.resolves ? { resolves: event.resolves } : {}),
      });
    }
  }
  return effects;
}

/** A reversal of an event we only know through the base: subtract what it recorded. */
function negationOfBase(reversal: LedgerEvent): Effect {
  const reversed = reversal.reversed ?? { type: 'adjustment' as const, stamps: -reversal.stamps };
  return {
    id: reversal.reverses ?? reversal.id,
    type: reversed.type,
    stamps: -reversed.stamps,
    at: reversal.at,
  };
}

/** Fold a member's events (any order) on top of `base`. Pure. */
export function foldLedger(
  events: readonly LedgerEvent[],
  base: MemberStats = EMPTY_STATS,
): MemberStats {
  const stats: MemberStats = {
    ...base,
    recentVisits: [...base.recentVisits],
    conflicts: [...base.conflicts],
  };
  const resolved = new Set<string>();
  const newVisits: VisitNote[] = [];

  // A message sent is no change to the card: it moves neither the balance nor the last event.
  const stampEvents = events.some((e) => e.type === 'message')
    ? events.filter((e) => e.type !== 'message')
    : events;
  for (const effect of effectiveEvents(sortEvents(stampEvents))) {
    stats.balance += effect.stamps;
    stats.lastEventAt = Math.max(stats.lastEventAt ?? effect.at, effect.at);
    const undoing = effect.type !== 'reversal' && isNegation(effect);
    switch (effect.type) {
      case 'stamp':
        stats.earned += effect.stamps;
        if (undoing) {
          stats.visits -= 1;
          // Undoing a visit held only in the base: it leaves the recent visits too.
          stats.recentVisits = stats.recentVisits.filter((v) => v.eventId !== effect.id);
        } else {
          stats.visits += 1;
          newVisits.push({ eventId: effect.id, at: effect.at, stamps: effect.stamps });
        }
        break;
      case 'bonus':
        stats.earned += effect.stamps;
        break;
      case 'redeem':
        stats.spent -= effect.stamps;
        stats.redeemed += undoing ? -1 : 1;
        if (undoing) stats.conflicts = stats.conflicts.filter((id) => id !== effect.id);
        else if (stats.balance < 0) {
          stats.conflicts.push(effect.id);
          if (stats.conflicts.length > CONFLICTS_KEPT) stats.conflicts.shift();
        }
        break;
      case 'adjustment':
        stats.adjusted += effect.stamps;
        for (const id of effect.resolves ?? []) resolved.add(id);
        break;
      case 'reversal':
      case 'club':
      case 'message':
        break;
    }
  }

  stats.conflicts = stats.conflicts.filter((id) => !resolved.has(id));
  stats.recentVisits = [...newVisits.reverse(), ...stats.recentVisits].slice(0, RECENT_VISITS);
  if (newVisits.length > 0) {
    const times = newVisits.map((v) => v.at);
    stats.firstVisitAt = Math.min(base.firstVisitAt ?? Infinity, ...times);
    stats.lastVisitAt = Math.max(base.lastVisitAt ?? -Infinity, ...times);
  }
  return stats;
}

/**
 * Base negations carry the sign flipped from the original type: a negative
 * stamp or a positive redeem can only be an undo, since stamps are ≥ 1 and a
 * redemption always costs.
 */
function isNegation(effect: Effect): boolean {
  if (effect.type === 'stamp' || effect.type === 'bonus') return effect.stamps < 0;
  if (effect.type === 'redeem') return effect.stamps > 0;
  return false;
}

export interface CardView {
  /** Stamps on the current (incomplete) card. */
  cardStamps: number;
  /** Full cards waiting to be exchanged for the card's reward. */
  pendingRewards: number;
  /** Stamps owed after a conflict drove the balance below zero. */
  owed: number;
}

/** How a balance looks on a punch card of `stampsPerCard`; stamps beyond a full card carry over. */
export function cardView(balance: number, stampsPerCard: number): CardView {
  if (balance <= 0) return { cardStamps: 0, pendingRewards: 0, owed: -balance };
  return {
    cardStamps: balance % stampsPerCard,
    pendingRewards: Math.floor(balance / stampsPerCard),
    owed: 0,
  };
}
