/**
 * Stamp expiry on the tablet (domain/expiry.ts): derived from the member's
 * ledger whenever it is needed, never written. Loaded only by shops that turned
 * expiry on, so the counter's first load does not carry it.
 */
import { memberExpiry, shopDayOf, type ExpiryView } from '../domain/expiry';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import type { ShopSettings } from '../domain/shop';
import { memberEvents } from './ledger';
import { lookupMember } from './member-packs';
import type { SetiaDB } from './schema';

/** The tablet's own zone, for a shop saved before it recorded one. */
export const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The shop's local date of a moment, as every tablet counts it. */
export const tabletDayOf = (shop: ShopSettings) => shopDayOf(shop, deviceZone());

/** A member's stamps after expiry, from all their events; null when the shop's stamps never expire. */
export function expiryOf(
  member: Member,
  events: readonly LedgerEvent[],
  shop: ShopSettings,
  now: number,
): ExpiryView | null {
  if (!shop.expiry || shop.expiry.mode === 'off') return null;
  return memberExpiry(events, member.base, shop.expiry, now, tabletDayOf(shop));
}

/** The member as a reward decision must see them: the balance left after expiry. */
export function afterExpiry(
  member: Member,
  events: readonly LedgerEvent[],
  shop: ShopSettings | undefined,
  now: number,
): Member {
  const view = shop ? expiryOf(member, events, shop, now) : null;
  return view ? { ...member, stats: { ...member.stats, balance: view.balance } } : member;
}

/** For the counter's member panel: read the member and their ledger, then work out expiry. */
export async function readMemberExpiry(
  db: SetiaDB,
  memberId: string,
  shop: ShopSettings,
  now: number,
): Promise<ExpiryView | null> {
  const [member, events] = await Promise.all([
    lookupMember(db, memberId),
    memberEvents(db, memberId),
  ]);
  return member ? expiryOf(member, events, shop, now) : null;
}
