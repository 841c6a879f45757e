/**
 * What the counter's camera read, and whether this shop stamps it.
 *
 * Every Setia code is a URL that opens the customer's card when a phone camera
 * reads it, so the same text serves the counter and the customer:
 * - static (printed card, and the card link itself): `<origin>/c/<memberId>.<sig>`
 * - live (the customer's phone, changes every 30 s): `<origin>/c/<memberId>.<step>.<code>`
 * The origin is not checked (a shop may reach its server by a LAN address or a
 * name); the signature is what proves that the code belongs to this shop.
 */
import { liveToken, verifyCard, verifyLive } from './card-link';

/** Longer than any Setia code by far; anything bigger is refused before parsing. */
export const SCANNED_TEXT_MAX = 512;

export type ScannedCode =
  | { kind: 'static'; token: string }
  | { kind: 'live'; token: string }
  | { kind: 'foreign' }
  | { kind: 'too-long' };

const STATIC_TOKEN = /^[0-9A-Za-z_-]{1,40}\.[A-Za-z0-9_-]{22}$/;
const LIVE_TOKEN = /^[0-9A-Za-z_-]{1,40}\.\d{1,12}\.[A-Za-z0-9_-]{11}$/;

export function parseScannedCode(text: string): ScannedCode {
  if (text.length > SCANNED_TEXT_MAX) return { kind: 'too-long' };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { kind: 'foreign' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'foreign' };
  const m = /^\/c\/([^/]+)$/.exec(url.pathname);
  const token = m?.[1] ?? '';
  if (STATIC_TOKEN.test(token)) return { kind: 'static', token };
  if (LIVE_TOKEN.test(token)) return { kind: 'live', token };
  return { kind: 'foreign' };
}

export type ScanRefusal =
  | 'foreign' // not a Setia card: a random URL, text, another app's code
  | 'tooLong'
  | 'otherShop' // a Setia card whose signature this shop's key does not make
  | 'expired' // a live code older (or newer) than the clock tolerance: a screenshot
  | 'staticRefused'; // a printed card, and the owner accepts only live codes

export type ScanResult =
  { ok: true; memberId: string; live: boolean } | { ok: false; reason: ScanRefusal };

export interface ScanPolicy {
  cardKey: string;
  /** The owner may refuse printed (static) codes; allowed unless set to false. */
  allowStaticCodes?: boolean;
}

/** Checks a scanned text offline against the shop's card key. Nothing is written here. */
export async function checkScannedCode(
  text: string,
  policy: ScanPolicy,
  nowMs: number,
): Promise<ScanResult> {
  const code = parseScannedCode(text);
  if (code.kind === 'too-long') return { ok: false, reason: 'tooLong' };
  if (code.kind === 'foreign') return { ok: false, reason: 'foreign' };
  if (code.kind === 'static') {
    const check = await verifyCard(code.token, policy.cardKey);
    if (!check.ok) return { ok: false, reason: 'otherShop' };
    if (policy.allowStaticCodes === false) return { ok: false, reason: 'staticRefused' };
    return { ok: true, memberId: check.memberId, live: false };
  }
  const check = await verifyLive(code.token, policy.cardKey, nowMs);
  if (check.ok) return { ok: true, memberId: check.memberId, live: true };
  return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'otherShop' };
}

/** The card link a member keeps (and a printed card carries). */
export function cardLinkUrl(origin: string, cardToken: string): string {
  return `${origin}/c/${cardToken}`;
}

/** The live code's text at `nowMs`, from the card token alone: no network, no shop key. */
export async function liveCodeUrl(
  origin: string,
  cardToken: string,
  nowMs: number,
): Promise<string> {
  return `${origin}/c/${await liveToken(cardToken, nowMs)}`;
}
