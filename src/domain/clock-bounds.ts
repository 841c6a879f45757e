/**
 * How far ahead of the server's time a hybrid clock may be. A clock far in the
 * future would win every later edit of its field ("latest wins") forever, and a
 * tablet that adopted it would stamp its own edits there too. The server
 * refuses such edits; a tablet pulling one must not move its clock to it.
 */
import { parseHlc } from './hlc';

export const CLOCK_AHEAD_MAX_MS = 5 * 60_000;

/** True when `hlc` is unreadable or more than CLOCK_AHEAD_MAX_MS ahead of `now`. */
export function isClockAhead(hlc: string, now: number): boolean {
  const clock = parseHlc(hlc);
  return !clock || !Number.isFinite(clock.millis) || clock.millis > now + CLOCK_AHEAD_MAX_MS;
}
