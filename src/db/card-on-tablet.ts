/**
 * The customer's card page opened on one of the shop's own tablets: the card as
 * this tablet's database holds it (live); its rating is written by db/feedback.ts.
 * On a phone there is no shop here and the page uses what it kept.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { memberStanding } from '../domain/stamp/standing';
import { verifyCard } from '../shared/card-link';
import { db } from './db';
import { lastYearEvents } from './member-events';
import { getShop } from './settings';

/** undefined while loading; `shop: null` when this device holds no shop (a customer's phone). */
export const useCardOnTablet = (token: string, memberId: string) =>
  useLiveQuery(async () => {
    const shop = await getShop(db);
    if (!shop) return { shop: null } as const;
    const genuine = (await verifyCard(token, shop.cardKey)).ok;
    const member = genuine ? await db.members.get(memberId) : undefined;
    // The tier shows on the card too (the counter's rule, from the member's last year).
    const tier =
      member && shop.program
        ? (memberStanding(shop.program, await lastYearEvents(db, memberId, Date.now()), Date.now())
            .tier?.name ?? null)
        : null;
    return { shop, genuine, member: member ?? null, tier } as const;
  }, [token, memberId]);
