/**
 * What a shop offers besides the card's own reward: a catalogue of rewards at
 * stamp costs (merchandise, limited editions, a donation to a cause) and a paid
 * club membership. Pure: counts come from the ledger that is passed in.
 */
import type { ClubSale, LedgerEvent } from './ledger';

export type RewardKind = 'item' | 'merch' | 'donation';

export interface CatalogueReward {
  id: string;
  /** e.g. "Setia mug", "Plant a tree" */
  name: string;
  /** Stamps it costs. */
  cost: number;
  kind: RewardKind;
  /** A limited edition: only the first `limit` members get it; null = no limit. */
  limit: number | null;
}

export type ClubPeriod = ClubSale['period'];
export const CLUB_PERIODS: readonly ClubPeriod[] = ['week', 'month', 'year'];

export interface ClubOffer {
  /** e.g. "Kopi Club" */
  name: string;
  price: number;
  period: ClubPeriod;
  /** Stamp multiplier while the membership runs (1 = perks only). */
  multiplier: number;
  /** Perks in the owner's words, e.g. "Free size upgrade". */
  perks: string;
}

export const COST_MAX = 1000;
export const OFFER_NAME_MAX = 60;
/** A limited edition's size; the catalogue's length; a price; the club's perks. */
export const EDITION_MAX = 100_000;
export const CATALOGUE_MAX = 50;
export const PRICE_MAX = 1e12;
export const PERKS_MAX = 200;
export const CLUB_MULTIPLIER_MAX = 10;

export type OfferError =
  'offer.name' | 'offer.cost' | 'offer.limit' | 'club.price' | 'club.multiplier' | 'club.perks';

export function validateReward(r: CatalogueReward): OfferError[] {
  const errors: OfferError[] = [];
  if (!r.name.trim() || r.name.length > OFFER_NAME_MAX) errors.push('offer.name');
  if (!Number.isInteger(r.cost) || r.cost < 1 || r.cost > COST_MAX) errors.push('offer.cost');
  if (r.limit !== null && (!Number.isInteger(r.limit) || r.limit < 1 || r.limit > EDITION_MAX))
    errors.push('offer.limit');
  return errors;
}

export function validateClub(c: ClubOffer): OfferError[] {
  const errors: OfferError[] = [];
  if (!c.name.trim() || c.name.length > OFFER_NAME_MAX) errors.push('offer.name');
  if (!(c.price >= 0) || c.price > PRICE_MAX) errors.push('club.price');
  if (!(c.multiplier >= 1 && c.multiplier <= CLUB_MULTIPLIER_MAX)) errors.push('club.multiplier');
  if (c.perks.length > PERKS_MAX) errors.push('club.perks');
  if (c.multiplier === 1 && !c.perks.trim()) errors.push('club.perks');
  return errors;
}

/** Ids of events undone by a reversal in `events` (a reversal's own undo is rare and ignored here). */
export function reversedIds(events: readonly LedgerEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.type === 'reversal' && e.reverses) out.add(e.reverses);
  return out;
}

/** How many of a reward were given, from the ledger (undone redemptions do not count). */
export function givenCount(events: readonly LedgerEvent[], rewardId: string): number {
  const undone = reversedIds(events);
  let n = 0;
  for (const e of events)
    if (e.type === 'redeem' && e.rewardId === rewardId && !undone.has(e.id)) n += 1;
  return n;
}

export type RewardAvailability = 'ok' | 'tooFewStamps' | 'soldOut';

export function rewardAvailability(
  reward: CatalogueReward,
  balance: number,
  given: number,
): RewardAvailability {
  if (reward.limit !== null && given >= reward.limit) return 'soldOut';
  return balance >= reward.cost ? 'ok' : 'tooFewStamps';
}

/** When a membership bought at `from` lapses (calendar months and years, in UTC). */
export function clubUntil(from: number, period: ClubPeriod): number {
  const d = new Date(from);
  if (period === 'week') return from + 7 * 86_400_000;
  if (period === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.getTime();
}

/** The running membership, if any: the latest `until` among sales still in effect. */
export function activeClub(events: readonly LedgerEvent[], now: number): ClubSale | null {
  const undone = reversedIds(events);
  let best: ClubSale | null = null;
  for (const e of events) {
    if (e.type !== 'club' || !e.club || undone.has(e.id)) continue;
    if (e.at <= now && e.club.until > now && (!best || e.club.until > best.until)) best = e.club;
  }
  return best;
}

/** A renewal starts when the current membership ends, so no paid day is lost. */
export function clubSale(offer: ClubOffer, events: readonly LedgerEvent[], now: number): ClubSale {
  const running = activeClub(events, now);
  const from = running ? running.until : now;
  return {
    name: offer.name,
    period: offer.period,
    price: offer.price,
    multiplier: offer.multiplier,
    until: clubUntil(from, offer.period),
  };
}
