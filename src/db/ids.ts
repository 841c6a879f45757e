/** Globally unique, time-sortable ids (ULID), made on the device. */
import { monotonicFactory } from '../shared/ulid';

const next = monotonicFactory();

export function newId(now: number): string {
  return next(now);
}
