/**
 * When the next sync round runs. Pure: the randomness comes in as an argument.
 * - after a failure: exponential backoff with jitter (so tablets that lost the
 *   network together do not hammer the server together when it returns);
 * - after a round that moved something: soon, since the other tablets are
 *   probably catching up too;
 * - when all is quiet: a slow poll that still brings other tablets' stamps in
 *   within seconds.
 */
export const ACTIVE_MS = 2_000;
export const IDLE_MS = 10_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export function nextSyncDelay(
  outcome: { failures: number } | { moved: number },
  random: () => number,
): number {
  if ('failures' in outcome) {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (outcome.failures - 1));
    // "Equal jitter": at least half the ceiling, at most all of it.
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }
  return outcome.moved > 0 ? ACTIVE_MS : IDLE_MS;
}
