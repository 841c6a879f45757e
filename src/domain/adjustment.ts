/**
 * A manual adjustment by the owner: stamps added or taken away, always with a
 * reason (the ledger must say why a balance changed outside a visit).
 */
import type { EventDraft } from './ledger';
import { charCount } from './text';

export const ADJUSTMENT_MAX = 1000;
export const REASON_MAX = 200;

export type AdjustmentError =
  'adjustment.stamps' | 'adjustment.zero' | 'adjustment.reason' | 'adjustment.reasonTooLong';

export interface AdjustmentInput {
  /** Signed, as typed: "3", "-2". */
  stamps: string;
  reason: string;
}

export type AdjustmentErrors = Partial<Record<keyof AdjustmentInput, AdjustmentError>>;

export function validateAdjustment(input: AdjustmentInput): AdjustmentErrors {
  const errors: AdjustmentErrors = {};
  const text = input.stamps.trim().replace(/^\+/, '');
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || Math.abs(n) > ADJUSTMENT_MAX) errors.stamps = 'adjustment.stamps';
  else if (n === 0) errors.stamps = 'adjustment.zero';
  const reason = input.reason.trim();
  if (!reason) errors.reason = 'adjustment.reason';
  else if (charCount(reason) > REASON_MAX) errors.reason = 'adjustment.reasonTooLong';
  return errors;
}

/** The event an adjustment writes, or the first thing wrong with it. */
export function adjustmentDraft(
  memberId: string,
  input: AdjustmentInput,
  staffId: string,
  now: number,
): EventDraft | AdjustmentError {
  const errors = validateAdjustment(input);
  const first = errors.stamps ?? errors.reason;
  if (first) return first;
  return {
    memberId,
    type: 'adjustment',
    stamps: Number(input.stamps.trim().replace(/^\+/, '')),
    reason: input.reason.trim().replace(/\s+/g, ' '),
    at: now,
    staffId,
  };
}
