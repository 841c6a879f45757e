/**
 * The shared modules at their edges: the inputs where a small slip in the code
 * (an unanchored pattern, an off-by-one bound, a lost check) would change what
 * a tablet, a phone or the server sees. Written against surviving mutants
 * (docs/mutation-survivors.md); each test states the behaviour, not the mutant.
 */
import { describe, expect, it, vi } from 'vitest';
import { fromBase64Url, randomKey, toBase64Url } from './base64url';
import { checkClaimCode, claimCode, liveToken, signCard, verifyLive } from './card-link';
import { createObservable } from './observable';
import { hashPin, PIN_ITERATIONS_MIN, verifyPin } from './pin';
import { checkScannedCode, parseScannedCode, SCANNED_TEXT_MAX } from './scanned-code';
import { joinPath } from './self-join';
import {
  ledgerEventSchema,
  memberChangeSchema,
  pinHashSchema,
  pushRequest,
  settingsChangeSchema,
  shopSettingsSchema,
} from './sync-protocol';
import { TEST_OWNER_PIN, testShop } from './test-shop';
import { encodeTime, monotonicFactory } from './ulid';

const key = randomKey();
const memberId = '01JH8ZQ3V0M6X1TS5Y2B7C9D4E';
const now = Date.UTC(2026, 10, 22, 9, 30);

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('base64url', () => {
  it('refuses text with characters outside the URL-safe alphabet, even where atob would read it', () => {
    expect(fromBase64Url('ab+/')).toBeNull();
    expect(fromBase64Url('ab==')).toBeNull();
    expect(fromBase64Url('a-_b')).toEqual(new Uint8Array([0x6b, 0xef, 0xdb]));
  });

  it('answers null (not a throw, not undefined) for a length no base64 has', () => {
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });

  it('round-trips every padding length', () => {
    for (const n of [0, 1, 2, 3, 4, 5]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 250 - i);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
  });
});

describe('card links at their edges', () => {
  it('refuses a claim code with a digit added after the right six', async () => {
    const code = await claimCode(memberId, key, now);
    expect(await checkClaimCode(memberId, key, code, now)).toBe(true);
    expect(await checkClaimCode(memberId, key, `${code}7`, now)).toBe(false);
    expect(await checkClaimCode(memberId, key, `${code}${code}`, now)).toBe(false);
  });

  it('writes every claim code with six digits, leading zeros kept, as the cashier reads it out', async () => {
    const codes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => claimCode(`${memberId}${i}`, key, now)),
    );
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    // About one code in ten starts with 0: of 200, none would with odds of 1 in a billion.
    const leadingZero = codes.filter((c) => c.startsWith('0'));
    expect(leadingZero.length).toBeGreaterThan(0);
    for (const code of leadingZero)
      expect(await checkClaimCode(`${memberId}${codes.indexOf(code)}`, key, code, now)).toBe(true);
  });

  it('binds the live code to its step: a screenshot with its step number edited does not verify', async () => {
    const card = await signCard(memberId, key);
    const [id, step, code] = (await liveToken(card, now)).split('.') as [string, string, string];
    const edited = `${id}.${Number(step) + 1}.${code}`;
    expect(await verifyLive(edited, key, now)).toEqual({ ok: false, reason: 'signature' });
    const later = await liveToken(card, now + 30_000);
    expect(later.split('.')[2]).not.toBe(code);
  });
});

describe('observable values', () => {
  it('tells each listener of a new value until it unsubscribes', () => {
    const announcement = createObservable('');
    const listener = vi.fn();
    const unsubscribe = announcement.subscribe(listener);
    announcement.set('Saved');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(announcement.get()).toBe('Saved');
    unsubscribe();
    announcement.set('Synced');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(announcement.get()).toBe('Synced');
  });
});

describe('owner PIN hashes', () => {
  it('refuses a stored hash with bytes added after the right ones', async () => {
    const stored = await hashPin('2468', PIN_ITERATIONS_MIN);
    expect(await verifyPin('2468', stored)).toBe(true);
    const longer = base64(
      new Uint8Array([...Uint8Array.from(atob(stored.hash), (c) => c.charCodeAt(0)), 1, 2, 3]),
    );
    expect(await verifyPin('2468', { ...stored, hash: longer })).toBe(false);
  });
});

describe('scanned codes at their edges', () => {
  it(`reads a code of exactly ${SCANNED_TEXT_MAX} characters and refuses one character more`, async () => {
    const token = await signCard(memberId, key);
    const head = `https://kopi.example/c/${token}?from=`;
    const exact = head + 'x'.repeat(SCANNED_TEXT_MAX - head.length);
    expect(exact).toHaveLength(SCANNED_TEXT_MAX);
    expect(parseScannedCode(exact)).toEqual({ kind: 'static', token });
    expect(parseScannedCode(`${exact}x`)).toEqual({ kind: 'too-long' });
  });

  it('reads a code with white space around it, no-break space included', async () => {
    const token = await signCard(memberId, key);
    expect(parseScannedCode(`\u00a0https://kopi.example/c/${token}\u00a0`)).toEqual({
      kind: 'static',
      token,
    });
  });

  it('takes only http(s) links whose whole path is /c/<token>', async () => {
    const token = await signCard(memberId, key);
    for (const text of [
      `ftp://kopi.example/c/${token}`,
      `https://kopi.example/shop/c/${token}`,
      `https://kopi.example/c/${token}/more`,
    ])
      expect(parseScannedCode(text)).toEqual({ kind: 'foreign' });
  });

  it('tells an expired live code from a forged one', async () => {
    const card = await signCard(memberId, key);
    const old = await liveToken(card, now - 10 * 60_000);
    expect(await checkScannedCode(`https://kopi.example/c/${old}`, { cardKey: key }, now)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const forged = await liveToken(await signCard(memberId, randomKey()), now);
    expect(
      await checkScannedCode(`https://kopi.example/c/${forged}`, { cardKey: key }, now),
    ).toEqual({ ok: false, reason: 'otherShop' });
  });
});

describe('the join page path', () => {
  it('is /join/<shopId>, the id escaped for a URL', () => {
    expect(joinPath('KOPI1')).toBe('/join/KOPI1');
    expect(joinPath('a b/c')).toBe('/join/a%20b%2Fc');
  });
});

describe('the sync protocol at its edges', () => {
  const pinHash = async () => hashPin('2468', PIN_ITERATIONS_MIN);
  const salt = (n: number) => base64(new Uint8Array(n).fill(7));

  it('takes a PIN salt of 16 to 64 bytes, whatever its padding', async () => {
    const stored = await pinHash();
    for (const n of [16, 17, 18, 63, 64])
      expect(pinHashSchema.safeParse({ ...stored, salt: salt(n) }).success).toBe(true);
    for (const n of [8, 13, 15, 65]) {
      const parsed = pinHashSchema.safeParse({ ...stored, salt: salt(n) });
      expect(parsed.error?.issues.map((i) => i.message)).toEqual(['base64 of 16 to 64 bytes']);
    }
  });

  const hlc = '0lz4ad5ts00-0000-TAB1';
  /** The first issue's message: what the API answers (routes/api-error.ts). */
  const settingsMessage = (fields: unknown) =>
    settingsChangeSchema.safeParse({ hlc, fields }).error?.issues[0]?.message;

  it('says which settings are fixed or unknown, and what is wrong with a change that is not an object', () => {
    expect(settingsMessage({ cardKey: 'x', favouriteColour: 'red' })).toBe(
      'shopId, cardKey, createdAt are fixed when the shop is set up and never change by sync',
    );
    expect(settingsMessage({ favouriteColour: 'red', mood: 'sunny' })).toBe(
      'unknown setting favouriteColour, mood',
    );
    expect(settingsMessage('name')).toBe('Invalid input: expected object, received string');
  });

  it('takes at most 1,000 events and member changes together in one push', () => {
    const events = Array.from({ length: 600 }, (_, i) =>
      ledgerEventSchema.parse({
        id: `EV${i}`,
        memberId: 'M1',
        type: 'stamp',
        stamps: 1,
        at: now,
        deviceId: 'TAB1',
        staffId: 'owner',
        seq: i + 1,
      }),
    );
    const memberChanges = Array.from({ length: 600 }, (_, i) =>
      memberChangeSchema.parse({
        id: `MC${i}`,
        memberId: 'M1',
        deviceId: 'TAB1',
        seq: 1000 + i,
        hlc,
        fields: { name: 'Siti' },
        at: now,
      }),
    );
    const tooMany = pushRequest.safeParse({ events, memberChanges });
    expect(tooMany.error?.issues.map((i) => i.message)).toEqual(['at most 1000 items in one push']);
    expect(
      pushRequest.safeParse({ events, memberChanges: memberChanges.slice(0, 400) }).success,
    ).toBe(true);
  });
});

describe('ULIDs at their edges', () => {
  it('encode the latest time a ULID holds, and say why they refuse one beyond it', () => {
    expect(encodeTime(2 ** 48 - 1)).toBe('7ZZZZZZZZZ');
    expect(() => encodeTime(2 ** 48)).toThrow(new RangeError('bad ULID time'));
  });

  it('start at time 0 and 1 like any other time', () => {
    expect(monotonicFactory(() => new Uint8Array(16))(0)).toBe('0'.repeat(26));
    expect(monotonicFactory(() => new Uint8Array(16))(1)).toBe(
      `${'0'.repeat(9)}1${'0'.repeat(16)}`,
    );
  });

  it('carry into the first random digit when all the others are Z', () => {
    const next = monotonicFactory((b) => {
      b.fill(31);
      b[0] = 5;
      return b;
    });
    const t = 1_750_000_000_000;
    expect(next(t).slice(10)).toBe(`5${'Z'.repeat(15)}`);
    expect(next(t).slice(10)).toBe(`6${'0'.repeat(15)}`);
  });
});

describe('the shop that tests register', () => {
  it('is one the server takes, with a fresh upper-case id like a real shop id and the test PIN at the cheapest rounds', async () => {
    const [a, b] = [await testShop(), await testShop({ name: 'Teh Tarik' })];
    expect(shopSettingsSchema.parse(a)).toEqual(a);
    for (const shop of [a, b]) expect(shop.shopId).toMatch(/^SHOP[0-9A-Z]+$/);
    expect(b.shopId).not.toBe(a.shopId);
    expect(b.cardKey).not.toBe(a.cardKey);
    expect(b.name).toBe('Teh Tarik');
    expect(a.ownerPin.iterations).toBe(PIN_ITERATIONS_MIN);
    expect(await verifyPin(TEST_OWNER_PIN, a.ownerPin)).toBe(true);
  });
});
