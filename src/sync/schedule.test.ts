import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_MS, BACKOFF_MAX_MS, IDLE_MS, nextSyncDelay } from './schedule';

describe('nextSyncDelay', () => {
  it('comes back soon after a busy round and slowly when quiet', () => {
    expect(nextSyncDelay({ moved: 12 }, Math.random)).toBe(ACTIVE_MS);
    expect(nextSyncDelay({ moved: 0 }, Math.random)).toBe(IDLE_MS);
  });

  it('backs off exponentially after failures, with jitter, up to a ceiling', () => {
    expect(nextSyncDelay({ failures: 1 }, () => 0)).toBe(1000);
    expect(nextSyncDelay({ failures: 1 }, () => 1)).toBe(2000);
    expect(nextSyncDelay({ failures: 4 }, () => 0)).toBe(8000);
    expect(nextSyncDelay({ failures: 50 }, () => 1)).toBe(BACKOFF_MAX_MS);
  });

  it('never waits less after more failures, for the same luck (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, luck) => {
          const a = nextSyncDelay({ failures }, () => luck);
          const b = nextSyncDelay({ failures: failures + 1 }, () => luck);
          expect(b).toBeGreaterThanOrEqual(a);
          expect(a).toBeGreaterThan(0);
          expect(b).toBeLessThanOrEqual(BACKOFF_MAX_MS);
        },
      ),
    );
  });
});
