/**
 * The paid club membership the cashier sells at the counter: its periods, when
 * it lapses, whether it runs, and what a sale (or a renewal) writes.
 */
import type { ClubSale, LedgerEvent } from '../ledger';
import { OFFER_NAME_MAX, type OfferError } from './catalogue';
import { refuse, type Decision, type Moment } from './decision';
import { reversedIds } from './undo';

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

/** A price; the club's perks; its multiplier. */
export const PRICE_MAX = 1e12;
export const PERKS_MAX = 200;
export const CLUB_MULTIPLIER_MAX = 10;

export function validateClub(c: ClubOffer): OfferError[] {
  const errors: OfferError[] = [];
  if (!c.name.trim() || c.name.length > OFFER_NAME_MAX) errors.push('offer.name');
  if (!(c.price >= 0) || c.price > PRICE_MAX) errors.push('club.price');
  if (!(c.multiplier >= 1 && c.multiplier <= CLUB_MULTIPLIER_MAX)) errors.push('club.multiplier');
  if (c.perks.length > PERKS_MAX) errors.push('club.perks');
  if (c.multiplier === 1 && !c.perks.trim()) errors.push('club.perks');
  return errors;
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

/** "Sell" (or "Renew") the shop's club; `events` are the member's last year or more. */
export function decideClubSale(
  memberId: string,
  events: readonly LedgerEvent[],
  offer: ClubOffer | undefined,
  moment: Moment,
): Decision {
  if (!offer) return refuse('club.none');
  const club = clubSale(offer, events, moment.at);
  return {
    events: [{ memberId, type: 'club', stamps: 0, club, at: moment.at, staffId: moment.staffId }],
  };
}
