/**
 * Card links and the codes a counter scans, unforgeable and checked offline.
 *
 * - Card token `<memberId>.<sig>`: sig = HMAC-SHA256(shop card key, memberId),
 *   first 16 bytes, base64url. The card link is `<origin>/c/<card token>`; it is
 *   what a printed card carries (a "static" code) and what the customer's phone
 *   keeps. Any tablet holding the shop's card key verifies it, even for a member
 *   it has never seen.
 * - Live token `<memberId>.<step>.<code>`: step = 30-second time step, code =
 *   HMAC-SHA256(sig, step), first 8 bytes. The phone derives it from its card
 *   token; the tablet re-derives sig from the member id and its key. A screenshot
 *   stops working after LIVE_TOLERANCE_STEPS steps either way.
 *
 * Same code in the browser and in Node (WebCrypto).
 */
import { fromBase64Url, toBase64Url } from './base64url';

export const LIVE_STEP_SECONDS = 30;
/** ±4 steps: a phone and a tablet may disagree on the time by up to two minutes. */
export const LIVE_TOLERANCE_STEPS = 4;
const SIG_BYTES = 16;
const CODE_BYTES = 8;
const MEMBER_ID = /^[0-9A-Za-z_-]{1,40}$/;

async function hmac(keyBytes: Uint8Array<ArrayBuffer>, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
}

/** Constant-time comparison of two strings of base64url. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function signature(memberId: string, cardKey: string): Promise<string> {
  const key = fromBase64Url(cardKey);
  if (!key) throw new Error('invalid card key');
  return toBase64Url((await hmac(key, `setia-card:${memberId}`)).slice(0, SIG_BYTES));
}

export async function signCard(memberId: string, cardKey: string): Promise<string> {
  if (!MEMBER_ID.test(memberId)) throw new Error('invalid member id');
  return `${memberId}.${await signature(memberId, cardKey)}`;
}

export type CardCheck =
  { ok: true; memberId: string } | { ok: false; reason: 'malformed' | 'signature' };

export async function verifyCard(token: string, cardKey: string): Promise<CardCheck> {
  const m = /^([0-9A-Za-z_-]{1,40})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, memberId, sig] = m as unknown as [string, string, string];
  return sameText(sig, await signature(memberId, cardKey))
    ? { ok: true, memberId }
    : { ok: false, reason: 'signature' };
}

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / LIVE_STEP_SECONDS);
}

async function liveCodeFor(sig: string, step: number): Promise<string> {
  const key = fromBase64Url(sig);
  if (!key) throw new Error('invalid card signature');
  return toBase64Url((await hmac(key, `setia-live:${step}`)).slice(0, CODE_BYTES));
}

/** The live token a customer's phone shows now, from its card token (no network, no shop key). */
export async function liveToken(cardToken: string, nowMs: number): Promise<string> {
  const [memberId, sig] = cardToken.split('.');
  if (!memberId || !sig) throw new Error('invalid card token');
  const step = timeStep(nowMs);
  return `${memberId}.${step}.${await liveCodeFor(sig, step)}`;
}

export type LiveCheck =
  { ok: true; memberId: string } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export async function verifyLive(
  token: string,
  cardKey: string,
  nowMs: number,
): Promise<LiveCheck> {
  const m = /^([0-9A-Za-z_-]{1,40})\.(\d{1,12})\.([A-Za-z0-9_-]{11})$/.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, memberId, stepText, code] = m as unknown as [string, string, string, string];
  const step = Number(stepText);
  const expected = await liveCodeFor(await signature(memberId, cardKey), step);
  if (!sameText(code, expected)) return { ok: false, reason: 'signature' };
  // Checked after the signature, so a forged code never learns about the clock.
  if (Math.abs(step - timeStep(nowMs)) > LIVE_TOLERANCE_STEPS)
    return { ok: false, reason: 'expired' };
  return { ok: true, memberId };
}

/** Seconds until the live code changes (for the card's countdown). */
export function secondsToNextStep(nowMs: number): number {
  return LIVE_STEP_SECONDS - (Math.floor(nowMs / 1000) % LIVE_STEP_SECONDS);
}

/**
 * A member's own phone gets their existing card back on the join page with a
 * code a shop tablet shows (never with the phone number alone: numbers are
 * public). Six digits from the card key, the member and a 10-minute step; the
 * server takes this step's code and the one before.
 */
export const CLAIM_STEP_MS = 10 * 60_000;

async function claimCodeAt(memberId: string, cardKey: string, step: number): Promise<string> {
  const key = fromBase64Url(cardKey);
  if (!key) throw new Error('invalid card key');
  const mac = await hmac(key, `setia-claim:${memberId}:${step}`);
  const n = ((mac[0]! << 24) | (mac[1]! << 16) | (mac[2]! << 8) | mac[3]!) >>> 0;
  return String(n % 1_000_000).padStart(6, '0');
}

/** The code a tablet shows for this member now. */
export function claimCode(memberId: string, cardKey: string, nowMs: number): Promise<string> {
  return claimCodeAt(memberId, cardKey, Math.floor(nowMs / CLAIM_STEP_MS));
}

/** Milliseconds until the code shown now changes. */
export function claimCodeChangesIn(nowMs: number): number {
  return CLAIM_STEP_MS - (nowMs % CLAIM_STEP_MS);
}

/** Whether `code` is this member's code of this step or the one before. */
export async function checkClaimCode(
  memberId: string,
  cardKey: string,
  code: string,
  nowMs: number,
): Promise<boolean> {
  const step = Math.floor(nowMs / CLAIM_STEP_MS);
  let ok = false;
  for (const s of [step, step - 1])
    if (sameText(await claimCodeAt(memberId, cardKey, s), code)) ok = true;
  return ok;
}
