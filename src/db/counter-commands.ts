/**
 * The counter's commands (db/counter.ts) on the app's database, at the moment of
 * the call: one call per cashier action. Loaded with the member panel, after the
 * counter is usable, so the stamp rules and the outbox stay out of its first load.
 */
import {
  addStamps,
  enrollMember,
  redeemCatalogueReward,
  redeemReward,
  sellClub,
  undoLast,
  type EnrollInput,
  type StampOptions,
} from './counter';
import type { Member } from '../domain/member';
import { db } from './db';

export type { EnrollInput, StampOptions };

export const counter = {
  /**
   * `verifiedCard`: opened by a verified card code, so a member new to this tablet can be stamped.
   * `onWritten`: the member as the stamp left them, once it is saved (shown before it is read back).
   */
  stamp: (
    memberId: string,
    quantity: number,
    options: StampOptions = {},
    verifiedCard = false,
    onWritten?: (member: Member) => void,
  ) => addStamps(db, memberId, quantity, { now: Date.now(), verifiedCard, onWritten }, options),
  redeemCardReward: (memberId: string) => redeemReward(db, memberId, { now: Date.now() }),
  redeemCatalogueReward: (memberId: string, rewardId: string) =>
    redeemCatalogueReward(db, memberId, rewardId, { now: Date.now() }),
  sellClub: (memberId: string) => sellClub(db, memberId, { now: Date.now() }),
  undo: (memberId: string) => undoLast(db, memberId, { now: Date.now() }),
  enrol: (input: EnrollInput, now = Date.now()) => enrollMember(db, input, now),
};
