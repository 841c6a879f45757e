/**
 * The counter screen's window on the app's database: live reads as hooks. The
 * counter's commands are in db/counter-commands.ts (they load with the member panel,
 * after the counter is usable).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ExpiryView } from '../domain/expiry';
import type * as ExpiryCodeModule from './expiry';
import type { ShopSettings } from '../domain/shop';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import { db } from './db';
import { duplicateSuspects, resolveMerged } from './duplicate-notes';
import { recentEvents } from './member-events';
import { getMember, searchMembers } from './members';

/** The member (a tablet still catching up may hold them in a pack); null if unknown, undefined while loading. */
export function useMember(memberId: string): Member | null | undefined {
  return useLiveQuery(async () => (await getMember(db, memberId)) ?? null, [memberId]);
}

/** The member's events "Undo" looks at, read again as `now` moves on. */
export function useRecentEvents(memberId: string, now: number): LedgerEvent[] | undefined {
  return useLiveQuery(() => recentEvents(db, memberId, Date.now()), [memberId, now]);
}

type ExpiryCode = typeof ExpiryCodeModule;

/**
 * The member's stamps after expiry (null when the shop's stamps never expire).
 * Its code loads only in shops that turned expiry on; a live query must not
 * wait on a download, so it is loaded first.
 */
export function useMemberExpiry(
  memberId: string,
  shop: ShopSettings,
  now: number,
): ExpiryView | null | undefined {
  const on = shop.expiry !== undefined && shop.expiry.mode !== 'off';
  const [code, setCode] = useState<ExpiryCode | null>(null);
  useEffect(() => {
    if (on) void import('./expiry').then(setCode);
  }, [on]);
  return useLiveQuery(
    () => (!on ? null : code ? code.readMemberExpiry(db, memberId, shop, Date.now()) : undefined),
    [memberId, on, code, shop, now],
  );
}

/** Members found, and the text they were found for (typing runs ahead of the search). */
export interface SearchResults {
  query: string;
  members: Member[];
}

/** "Search members" as the cashier types; `measure` wraps the query (the UI's timing marks). */
export function useMemberSearch(
  query: string,
  measure: (search: () => Promise<Member[]>) => Promise<Member[]> = (search) => search(),
): SearchResults | undefined {
  return useLiveQuery(
    async () => ({
      query,
      members: query.trim() ? await measure(() => searchMembers(db, query)) : [],
    }),
    [query],
  );
}

/** Members sharing a phone (enrolled twice on offline tablets) until the owner merges them. */
export function useDuplicateSuspects(): Set<string> | undefined {
  return useLiveQuery(() => duplicateSuspects(db), []);
}

/** The member to serve for a scanned card: a merged duplicate opens the member it was merged into. */
export const memberToServe = (memberId: string) => resolveMerged(db, memberId);
