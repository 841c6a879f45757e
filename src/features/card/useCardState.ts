/**
 * The card a customer sees, from the best source the device has:
 * 1. this device's shop database (the card opened on a shop tablet): live;
 * 2. the shop's card endpoint, when online (saved as the phone's snapshot);
 * 3. the phone's last snapshot, marked with its time;
 * 4. what the card link itself carries (shop, first name, card size), with no stamps yet.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db/db';
import { getShop } from '../../db/settings';
import { lastYearEvents } from '../../db/member-events';
import { memberStanding } from '../../domain/stamp/standing';
import { verifyCard } from '../../shared/card-link';
import { firstName } from '../../domain/member';
import { readSeed } from './card-seed';
import { fetchCard, readSnapshot, saveSnapshot, type CardSnapshot } from './kept-card';

export type CardState =
  | { status: 'loading' }
  | { status: 'tampered' }
  | { status: 'shown'; card: CardSnapshot; source: 'tablet' | 'snapshot' }
  | { status: 'seed'; card: CardSnapshot };

export function useCardState(token: string, memberId: string, hash: string): CardState {
  const local = useLiveQuery(async () => {
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
  const [snapshot, setSnapshot] = useState<CardSnapshot | null>(() => readSnapshot(memberId));

  useEffect(() => {
    if (local === undefined || local.shop) return;
    let live = true;
    const refresh = () =>
      void fetchCard(token, Date.now()).then((card) => {
        if (!card || !live) return;
        saveSnapshot(memberId, card);
        setSnapshot(card);
      });
    refresh();
    window.addEventListener('online', refresh);
    return () => {
      live = false;
      window.removeEventListener('online', refresh);
    };
  }, [local, token, memberId]);

  if (local === undefined) return { status: 'loading' };
  if (local.shop) {
    if (!local.genuine) return { status: 'tampered' };
    if (local.member) {
      const { shop, member } = local;
      return {
        status: 'shown',
        source: 'tablet',
        card: {
          shopName: shop.name,
          firstName: firstName(member.name, shop.country),
          stampsPerCard: shop.stampsPerCard,
          rewardName: shop.rewardName,
          balance: member.stats.balance,
          tier: local.tier,
          recentVisits: member.stats.recentVisits.map((v) => ({ at: v.at, stamps: v.stamps })),
          updatedAt: Date.now(),
        },
      };
    }
  }
  if (snapshot) return { status: 'shown', source: 'snapshot', card: snapshot };
  const seed = readSeed(hash);
  return {
    status: 'seed',
    card: {
      shopName: seed.shopName ?? '',
      firstName: seed.firstName ?? '',
      stampsPerCard: seed.stampsPerCard ?? 10,
      rewardName: seed.rewardName ?? '',
      balance: 0,
      tier: null,
      recentVisits: [],
      updatedAt: 0,
    },
  };
}
