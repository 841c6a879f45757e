/**
 * The card itself, with no program: a stamp is the quantity entered, and a
 * full card earns the shop's reward. These stay small because every counter
 * loads them; the program's rules (stamp.ts and what it uses) load only in a
 * shop that runs one.
 */
import { cardView, type MemberStats } from '../balance';
import { CARD_REWARD_ID } from '../shop';
import { refuse, type Decision, type Moment, type Refusal } from './decision';

export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 20;

export function isValidQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= QUANTITY_MIN && quantity <= QUANTITY_MAX;
}

export function quantityRefusal(): Refusal {
  return refuse('quantity.range', { min: QUANTITY_MIN, max: QUANTITY_MAX });
}

/** "Add stamp" in a shop without a program: one stamp per unit entered. */
export function decideCardStamp(memberId: string, quantity: number, moment: Moment): Decision {
  if (!isValidQuantity(quantity)) return quantityRefusal();
  return {
    events: [
      {
        memberId,
        type: 'stamp',
        stamps: quantity,
        quantity,
        at: moment.at,
        staffId: moment.staffId,
      },
    ],
  };
}

/** "Redeem reward": a full card's stamps for the shop's reward. */
export function decideCardReward(
  member: { id: string; stats: MemberStats },
  shop: { stampsPerCard: number; rewardName: string },
  moment: Moment,
): Decision {
  if (cardView(member.stats.balance, shop.stampsPerCard).pendingRewards < 1)
    return refuse('redeem.nothingPending');
  return {
    events: [
      {
        memberId: member.id,
        type: 'redeem',
        stamps: -shop.stampsPerCard,
        rewardId: CARD_REWARD_ID,
        rewardName: shop.rewardName,
        at: moment.at,
        staffId: moment.staffId,
      },
    ],
  };
}
