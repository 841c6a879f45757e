/**
 * The reward catalogue: rewards besides the card's own, at stamp costs
 * (merchandise, limited editions, a donation to a cause). Pure: how many of a
 * reward were given comes from the ledger that is passed in.
 */
import type { LedgerEvent } from '../ledger';
import type { MemberStats } from '../balance';
import { refuse, type Decision, type Moment } from './decision';
import { reversedIds } from './undo';

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

export const COST_MAX = 1000;
export const OFFER_NAME_MAX = 60;
/** A limited edition's size; the catalogue's length. */
export const EDITION_MAX = 100_000;
export const CATALOGUE_MAX = 50;

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

/**
 * A reward from the shop's catalogue, for its cost in stamps; a limited edition
 * stops once `given` (how many this tablet knows were given) reaches its number.
 */
export function decideCatalogueReward(
  member: { id: string; stats: MemberStats },
  catalogue: readonly CatalogueReward[] | undefined,
  input: { rewardId: string; given: number },
  moment: Moment,
): Decision {
  const reward = catalogue?.find((r) => r.id === input.rewardId);
  if (!reward) return refuse('reward.unknown');
  const availability = rewardAvailability(reward, member.stats.balance, input.given);
  if (availability !== 'ok') return refuse(`reward.${availability}`);
  return {
    events: [
      {
        memberId: member.id,
        type: 'redeem',
        stamps: -reward.cost,
        rewardId: reward.id,
        rewardName: reward.name,
        rewardKind: reward.kind,
        at: moment.at,
        staffId: moment.staffId,
      },
    ],
  };
}
