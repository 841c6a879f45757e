/** Items server tests push, made the way a tablet makes them. */
import type { LedgerEvent } from '../../domain/ledger';

let serial = 0;

/** A fresh id with a readable prefix (ids are unique per server, across test files too). */
export const uid = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase().slice(0, 26);

/** A one-stamp visit by the owner at `at`, from `deviceId` as its `seq`-th item. */
export function stampEvent(
  memberId: string,
  deviceId: string,
  seq: number,
  at: number,
  extra: Partial<LedgerEvent> = {},
): LedgerEvent {
  return {
    id: uid('EV'),
    memberId,
    type: 'stamp',
    stamps: 1,
    at,
    deviceId,
    staffId: 'owner',
    seq,
    ...extra,
  };
}
