import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomKey } from './base64url';
import { LIVE_STEP_SECONDS, signCard } from './card-link';
import {
  cardLinkUrl,
  checkScannedCode,
  liveCodeUrl,
  parseScannedCode,
  SCANNED_TEXT_MAX,
} from './scanned-code';

const key = randomKey();
const otherShop = randomKey();
const origin = 'https://kopi.example';
const memberId = '01JH8ZQ3V0M6X1TS5Y2B7C9D4E';
const now = Date.UTC(2026, 10, 22, 9, 30);

describe('scanned codes', () => {
  it('stamps a printed card link and a live code of this shop', async () => {
    const token = await signCard(memberId, key);
    expect(await checkScannedCode(cardLinkUrl(origin, token), { cardKey: key }, now)).toEqual({
      ok: true,
      memberId,
      live: false,
    });
    const live = await liveCodeUrl(origin, token, now);
    expect(parseScannedCode(live).kind).toBe('live');
    expect(await checkScannedCode(live, { cardKey: key }, now + 90_000)).toEqual({
      ok: true,
      memberId,
      live: true,
    });
  });

  it('accepts the code from another address of the same shop (LAN name or IP)', async () => {
    const token = await signCard(memberId, key);
    const result = await checkScannedCode(
      `http://192.168.1.20:8080/c/${token}`,
      { cardKey: key },
      now,
    );
    expect(result).toMatchObject({ ok: true, memberId });
  });

  it('refuses another shop, a screenshot of an old live code and printed cards when the owner says so', async () => {
    const foreign = await signCard(memberId, otherShop);
    expect(await checkScannedCode(cardLinkUrl(origin, foreign), { cardKey: key }, now)).toEqual({
      ok: false,
      reason: 'otherShop',
    });
    const token = await signCard(memberId, key);
    const old = await liveCodeUrl(origin, token, now - 10 * 60_000);
    expect(await checkScannedCode(old, { cardKey: key }, now)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(
      await checkScannedCode(
        cardLinkUrl(origin, token),
        { cardKey: key, allowStaticCodes: false },
        now,
      ),
    ).toEqual({ ok: false, reason: 'staticRefused' });
    // A live code keeps working when printed codes are refused.
    const live = await liveCodeUrl(origin, token, now);
    expect(
      await checkScannedCode(live, { cardKey: key, allowStaticCodes: false }, now),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses text, other URLs and huge payloads as not a Setia card', async () => {
    for (const text of [
      '',
      'hello',
      'WIFI:S:Cafe;T:WPA;P:secret;;',
      'https://example.com/',
      `${origin}/owner`,
      `${origin}/c/`,
      `javascript:alert(1)//c/${memberId}.AAAAAAAAAAAAAAAAAAAAAA`,
      `${origin}/c/${memberId}`,
    ])
      expect(await checkScannedCode(text, { cardKey: key }, now)).toEqual({
        ok: false,
        reason: 'foreign',
      });
    expect(await checkScannedCode('x'.repeat(SCANNED_TEXT_MAX + 1), { cardKey: key }, now)).toEqual(
      {
        ok: false,
        reason: 'tooLong',
      },
    );
  });

  it('never accepts a tampered code, whichever character changed', async () => {
    const token = await signCard(memberId, key);
    const codes = [cardLinkUrl(origin, token), await liveCodeUrl(origin, token, now)];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...codes),
        fc.nat(60),
        fc.constantFrom(...alphabet),
        async (code, offset, c) => {
          const i = origin.length + 3 + (offset % (code.length - origin.length - 3));
          if (code[i] === c || code[i] === '.') return;
          const tampered = code.slice(0, i) + c + code.slice(i + 1);
          expect((await checkScannedCode(tampered, { cardKey: key }, now)).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changes the live code every 30 seconds', async () => {
    const token = await signCard(memberId, key);
    const a = await liveCodeUrl(origin, token, now);
    const b = await liveCodeUrl(origin, token, now + LIVE_STEP_SECONDS * 1000);
    expect(a).not.toBe(b);
    expect(await liveCodeUrl(origin, token, now + 1)).toBe(await liveCodeUrl(origin, token, now));
  });
});
