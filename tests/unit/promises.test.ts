/**
 * Every number the README promises, held at its edge with literal values (not
 * the code's own constants): change one of those constants and a test here fails.
 * The owner area's idle lock is held in tests/e2e/owner.test.ts, the CSV
 * import's row cap and the formula guard in src/features/csv/csv.worker.test.ts.
 */
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src/domain/ledger';
import { delayAfter } from '../../src/domain/owner-lock';
import { DEFAULT_RULES, type ProgramRules } from '../../src/domain/stamp/rules';
import { memberStanding } from '../../src/domain/stamp/standing';
import { decideUndo } from '../../src/domain/stamp/undo';
import { at, stored } from '../../src/domain/testing/stamp';
import { liveToken, signCard, verifyLive } from '../../src/shared/card-link';
import { hashPin, verifyPin } from '../../src/shared/pin';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
/** On a 30-second step boundary (the live code's clock). */
const NOW = 1_700_000_010_000;

const stamp = (time: number): LedgerEvent =>
  stored({ memberId: 'm1', type: 'stamp', stamps: 1, quantity: 1, at: time, staffId: 'owner' });

describe('"Undo" for five minutes', () => {
  it('undoes an action 4:59 old', () => {
    expect(decideUndo([stamp(NOW)], at(NOW + 4 * MINUTE + 59 * SECOND))).toHaveProperty('events');
  });
  it('refuses an action 5:01 old', () => {
    expect(decideUndo([stamp(NOW)], at(NOW + 5 * MINUTE + 1 * SECOND))).toEqual({
      refused: 'undo.nothing',
      values: {},
    });
  });
});

describe('the live code tolerates two minutes of clock difference', () => {
  const KEY = 'dGVzdC1jYXJkLWtleS10ZXN0LWNhcmQta2V5LXRlc3Q';
  const check = async (shownAt: number, checkedAt: number) =>
    verifyLive(await liveToken(await signCard('M1', KEY), shownAt), KEY, checkedAt);

  it.each([120, -120])('accepts a code %i s off', async (seconds) => {
    expect(await check(NOW, NOW + seconds * SECOND)).toEqual({ ok: true, memberId: 'M1' });
  });
  it.each([150, -150])('refuses a code %i s off', async (seconds) => {
    expect(await check(NOW, NOW + seconds * SECOND)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('tiers count the last 12 months', () => {
  const rules: ProgramRules = {
    ...DEFAULT_RULES,
    tiers: [{ id: 'silver', name: 'Silver', basis: 'visits', threshold: 1, multiplier: 2 }],
  };
  it('counts a visit 364 days old', () => {
    expect(memberStanding(rules, [stamp(NOW - 364 * DAY)], NOW).tier?.name).toBe('Silver');
  });
  it('does not count a visit 366 days old', () => {
    expect(memberStanding(rules, [stamp(NOW - 366 * DAY)], NOW).tier).toBeNull();
  });
});

describe('wrong owner PINs', () => {
  it('wait 30 s, 1, 2, 4, 8 and 15 minutes after the fifth, sixth … tenth, then stay at 15', () => {
    const waits = Array.from({ length: 13 }, (_, i) => delayAfter(i + 1));
    expect(waits).toEqual([
      0,
      0,
      0,
      0,
      30 * SECOND,
      1 * MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
    ]);
  });
});

describe('the stored PIN hash', () => {
  it('is PBKDF2-SHA256 with 600,000 iterations, as the app writes it', async () => {
    const stored = await hashPin('2580'); // what setup, staff and "Change PIN" call
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600_000 });
    const salt = Buffer.from(stored.salt, 'base64');
    expect(salt).toHaveLength(16);
    // Computed independently of the app's code: the hash really took 600,000 rounds.
    const expected = pbkdf2Sync('2580', salt, 600_000, 32, 'sha256').toString('base64');
    expect(stored.hash).toBe(expected);
    expect(await verifyPin('2580', stored)).toBe(true);
    expect(await verifyPin('2581', stored)).toBe(false);
  }, 30_000);
});
