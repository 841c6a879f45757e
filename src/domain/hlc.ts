/**
 * Hybrid logical clock (after Kulkarni et al., as used by Actual): wall time
 * that never runs backwards and steps past every clock it has seen, so an edit
 * made after seeing another edit always sorts after it, even on a skewed tablet.
 * Encoded so that string order is clock order.
 */

export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MILLIS_WIDTH = 11; // base 36: good past the year 5000
const COUNTER_WIDTH = 4;

export function hlcToString(h: Hlc): string {
  return `${h.millis.toString(36).padStart(MILLIS_WIDTH, '0')}-${h.counter
    .toString(36)
    .padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc | null {
  const m = /^([0-9a-z]{11})-([0-9a-z]{4})-(.+)$/.exec(s);
  if (!m) return null;
  return { millis: parseInt(m[1]!, 36), counter: parseInt(m[2]!, 36), node: m[3]! };
}

/** The clock for a local edit at wall time `now`. */
export function hlcSend(last: Hlc, now: number): Hlc {
  if (now > last.millis) return { millis: now, counter: 0, node: last.node };
  return { millis: last.millis, counter: last.counter + 1, node: last.node };
}

/** Merge a clock seen from another device, so later local edits sort after it. */
export function hlcReceive(last: Hlc, remote: Hlc, now: number): Hlc {
  const millis = Math.max(last.millis, remote.millis, now);
  let counter = 0;
  if (millis === last.millis && millis === remote.millis)
    counter = Math.max(last.counter, remote.counter) + 1;
  else if (millis === last.millis) counter = last.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  return { millis, counter, node: last.node };
}
