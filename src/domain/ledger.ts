/**
 * The ledger: every change to a member's stamps is an immutable event.
 * Nothing here is ever updated or deleted; an undo is a `reversal` event.
 * Each event records the stamp delta it had when it was made, so that later
 * changes to the program's settings never rewrite history.
 */

import type { RuleLine } from './stamp/rules';

export type EventType =
  | 'stamp'
  | 'bonus'
  | 'redeem'
  | 'reversal'
  | 'adjustment'
  | 'club'
  /** A message sent to the member for a campaign (0 stamps; Owner → Messages). */
  | 'message';

/** club: a paid club membership sold at the counter (no stamps), valid until `until`. */
export interface ClubSale {
  name: string;
  period: 'week' | 'month' | 'year';
  price: number;
  multiplier: number;
  until: number;
}

export interface LedgerEvent {
  /** Globally unique, time-sortable id (ULID) made on the device. */
  id: string;
  memberId: string;
  type: EventType;
  /** Signed change to the member's stamp balance (redeem: minus the cost). */
  stamps: number;
  /** Device wall-clock time of the action, ms since the epoch. */
  at: number;
  deviceId: string;
  staffId: string;
  /** Per-device sequence number: orders a device's writes and drives the sync outbox. */
  seq: number;
  /** stamp: how many items/visits were entered at the counter. */
  quantity?: number;
  /** redeem: which reward and what it was called then. */
  rewardId?: string;
  rewardName?: string;
  /** reversal: the event undone, and what it was, so a reversal can be folded alone. */
  reverses?: string;
  reversed?: { type: EventType; stamps: number };
  /** adjustment (and overrides): why, in the staff member's words. */
  reason?: string;
  /** adjustment: the conflicting redemptions this adjustment settles. */
  resolves?: string[];
  /** redeem: what kind of reward (a donation counts in insights). */
  rewardKind?: 'card' | 'item' | 'merch' | 'donation';
  /** A cashier passed a rule (the cooldown) on purpose, and said why. */
  override?: { reason: string };
  /** Feedback from the customer's card: a 1–5 rating and an optional comment. */
  rating?: number;
  comment?: string;
  /** stamp (amount mode): the amount spent, in the shop's currency. */
  amount?: number;
  /** stamp and bonus: the program's rules that granted the stamps, as they were then. */
  lines?: RuleLine[];
  /** club: the membership sold. */
  club?: ClubSale;
  /** message: the campaign the message belonged to, and how it was sent. */
  campaignId?: string;
  channel?: 'whatsapp' | 'zalo' | 'broadcast';
}

/** An event as a rule decides it: the db layer adds its identity, device and sequence. */
export type EventDraft = Omit<LedgerEvent, 'id' | 'deviceId' | 'seq'>;

/** Total order that every tablet (and the server) computes the same way, offline. */
export function compareEvents(a: LedgerEvent, b: LedgerEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return a.seq - b.seq;
}

export function sortEvents(events: readonly LedgerEvent[]): LedgerEvent[] {
  return [...events].sort(compareEvents);
}
