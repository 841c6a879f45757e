import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomKey } from './base64url';
import {
  checkClaimCode,
  claimCode,
  claimCodeChangesIn,
  liveToken,
  secondsToNextStep,
  signCard,
  verifyCard,
  verifyLive,
  LIVE_STEP_SECONDS,
} from './card-link';

const key = randomKey();
const other = randomKey();
const memberId = fc.stringMatching(/^[0-9A-Z]{26}$/);

describe('card links', () => {
  it('verifies what it signed and refuses another shop key', async () => {
    await fc.assert(
      fc.asyncProperty(memberId, async (id) => {
        const token = await signCard(id, key);
        expect(await verifyCard(token, key)).toEqual({ ok: true, memberId: id });
        expect(await verifyCard(token, other)).toEqual({ ok: false, reason: 'signature' });
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a token with any one character changed', async () => {
    const token = await signCard('01JH8ZQ3V0M6X1TS5Y2B7C9D4E', key);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(fc.nat(token.length - 1), fc.constantFrom(...alphabet), async (i, c) => {
        if (token[i] === c) return;
        const tampered = token.slice(0, i) + c + token.slice(i + 1);
        expect((await verifyCard(tampered, key)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a live code within two minutes of clock difference and refuses it after', async () => {
    const card = await signCard('M1', key);
    const now = 1_790_000_000_000;
    const live = await liveToken(card, now);
    for (const skew of [0, 60_000, -60_000, 110_000, -110_000])
      expect(await verifyLive(live, key, now + skew)).toEqual({ ok: true, memberId: 'M1' });
    expect(await verifyLive(live, key, now + 10 * 60_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await verifyLive(live, other, now)).toEqual({ ok: false, reason: 'signature' });
    const next = await liveToken(card, now + LIVE_STEP_SECONDS * 1000);
    expect(next).not.toBe(live);
  });

  it('refuses malformed input, including huge payloads', async () => {
    for (const bad of ['', 'x', 'M1.', '.abc', 'M1.sig.extra.parts', 'a'.repeat(100_000)]) {
      expect((await verifyCard(bad, key)).ok).toBe(false);
      expect((await verifyLive(bad, key, 0)).ok).toBe(false);
    }
  });
});

describe('the code that gets a member their card back on their own phone', () => {
  const T = Date.UTC(2026, 11, 3, 9, 0, 0); // a step boundary (10 minutes)

  it('is six digits, the same through its 10 minutes, another after', async () => {
    const first = await claimCode('MEMBER01', key, T);
    expect(first).toMatch(/^\d{6}$/);
    expect(await claimCode('MEMBER01', key, T + 9 * 60_000 + 59_000)).toBe(first);
    expect(await claimCode('MEMBER01', key, T + 10 * 60_000)).not.toBe(first);
    expect(await claimCode('MEMBER02', key, T)).not.toBe(first);
    expect(claimCodeChangesIn(T + 4 * 60_000)).toBe(6 * 60_000);
  });

  it('is accepted in its step and the next (at least 10, at most 20 minutes), never after', async () => {
    const code = await claimCode('MEMBER01', key, T + 60_000);
    expect(await checkClaimCode('MEMBER01', key, code, T + 60_000)).toBe(true);
    expect(await checkClaimCode('MEMBER01', key, code, T + 19 * 60_000 + 59_000)).toBe(true);
    expect(await checkClaimCode('MEMBER01', key, code, T + 20 * 60_000)).toBe(false);
    expect(await checkClaimCode('MEMBER01', key, code, T - 1)).toBe(false);
    // Another member's code, or another shop's key, is not this member's.
    expect(await checkClaimCode('MEMBER02', key, code, T + 60_000)).toBe(false);
    expect(await checkClaimCode('MEMBER01', other, code, T + 60_000)).toBe(false);
  });
});

describe('card links, at their edges', () => {
  it('counts down to the next live code: 30 s at a step, 1 s before the next', () => {
    const T = Date.UTC(2026, 11, 3, 9, 0, 0);
    expect(secondsToNextStep(T)).toBe(30);
    expect(secondsToNextStep(T + 1000)).toBe(29);
    expect(secondsToNextStep(T + 29_500)).toBe(1);
    expect(secondsToNextStep(T + 30_000)).toBe(30);
  });

  it('reads only a whole token: nothing before it, nothing after it', async () => {
    const token = await signCard('MEMBER01', key);
    expect(await verifyCard(token, key)).toEqual({ ok: true, memberId: 'MEMBER01' });
    expect(await verifyCard(`!${token}`, key)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyCard(`${token}!`, key)).toEqual({ ok: false, reason: 'malformed' });
    const now = Date.UTC(2026, 11, 3, 9, 0, 0);
    const live = await liveToken(token, now);
    expect(await verifyLive(live, key, now)).toEqual({ ok: true, memberId: 'MEMBER01' });
    expect(await verifyLive(`!${live}`, key, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyLive(`${live}!`, key, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('says what is wrong with a bad member id, card key, card token or signature', async () => {
    await expect(signCard('not an id!', key)).rejects.toThrow('invalid member id');
    await expect(signCard('MEMBER01', 'not a key!')).rejects.toThrow('invalid card key');
    const token = await signCard('MEMBER01', key);
    await expect(verifyCard(token, 'not a key!')).rejects.toThrow('invalid card key');
    await expect(liveToken('MEMBER01', 0)).rejects.toThrow('invalid card token');
    await expect(liveToken('.sig', 0)).rejects.toThrow('invalid card token');
    await expect(liveToken('MEMBER01.not*base64', 0)).rejects.toThrow('invalid card signature');
    await expect(claimCode('MEMBER01', 'not a key!', 0)).rejects.toThrow('invalid card key');
  });
});
