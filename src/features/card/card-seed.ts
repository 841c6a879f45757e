/**
 * The card link a member keeps: `/c/<memberId>.<sig>` plus, after `#`, what the
 * customer's phone shows before it has ever heard from the shop (shop name,
 * first name, card size, reward). The fragment never reaches a server; the
 * signed token is the only part anyone checks.
 */
import { cardLinkUrl } from '../../shared/scanned-code';

export interface CardSeed {
  shopName: string;
  firstName: string;
  stampsPerCard: number;
  rewardName: string;
}

export function cardLinkWithSeed(origin: string, token: string, seed: CardSeed): string {
  const hash = new URLSearchParams({
    s: seed.shopName,
    n: seed.firstName,
    k: String(seed.stampsPerCard),
    r: seed.rewardName,
  });
  return `${cardLinkUrl(origin, token)}#${hash.toString()}`;
}

/** Reads the fragment; anything missing or odd is left out, never trusted for stamps. */
export function readSeed(hash: string): Partial<CardSeed> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const k = Number(p.get('k'));
  const clip = (v: string | null) => (v ? v.slice(0, 80) : undefined);
  return {
    shopName: clip(p.get('s')),
    firstName: clip(p.get('n')),
    stampsPerCard: Number.isInteger(k) && k >= 2 && k <= 50 ? k : undefined,
    rewardName: clip(p.get('r')),
  };
}

/** wa.me link that opens WhatsApp with the card link ready to send to the member's phone. */
export function whatsappLink(phoneE164: string | null, message: string): string {
  const digits = phoneE164?.replace(/\D/g, '') ?? '';
  return `https://wa.me/${digits}?text=${encodeURIComponent(message)}`;
}
