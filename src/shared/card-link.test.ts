import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomKey } from './base64url';
import { liveToken, signCard, verifyCard, verifyLive, LIVE_STEP_SECONDS } from './card-link';

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
