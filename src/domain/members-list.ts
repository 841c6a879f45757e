/**
 * The owner's members list: rows, filters and sorting, pure (the screen keeps
 * the rows in memory; 100,000 members sort in a few tens of milliseconds).
 */
import type { Member } from './member';
import type { Tier } from './stamp/rules';
import { currentTier } from './stamp/tier';
import { foldText } from './text';

export type SortKey = 'name' | 'joined' | 'lastVisit' | 'stamps' | 'tier';
export type SortDirection = 'ascending' | 'descending';

export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export interface MemberRow {
  id: string;
  name: string;
  /** Folded name, for filtering without diacritics. */
  folded: string;
  phone: string | null;
  joinedAt: number;
  lastVisitAt: number | null;
  stamps: number;
  /** The tier's name, or null (no tier, or the program has none). */
  tier: string | null;
  /** The tier's rank (its multiplier) for sorting; 0 without a tier. */
  tierRank: number;
  anonymised: boolean;
}

export interface MemberFilter {
  /** Part of the name (diacritics ignored) or digits of the phone. */
  text: string;
  /** A tier's name, '' for any, or NO_TIER. */
  tier: string;
  /** Only members with at least this many stamps (NaN or null: no limit). */
  minStamps: number | null;
}

export const NO_TIER = '-';
export const ALL_MEMBERS: MemberFilter = { text: '', tier: '', minStamps: null };

/** A member's visits and rewards in the last 12 months (stamp/standing.ts yearCountsByMember). */
export interface YearCounts {
  visits: number;
  rewards: number;
}
const NONE: YearCounts = { visits: 0, rewards: 0 };

/**
 * A member's tier, from the same 12-month counts and the same rule as at the
 * counter (stamp/standing.ts), so one member has one tier everywhere.
 */
export function memberTier(tiers: readonly Tier[], lastYear: YearCounts = NONE): Tier | null {
  if (tiers.length === 0) return null;
  return currentTier(tiers, lastYear);
}

export function memberRow(
  member: Member,
  tiers: readonly Tier[],
  lastYear: YearCounts = NONE,
): MemberRow {
  const tier = memberTier(tiers, lastYear);
  return {
    id: member.id,
    name: member.name,
    folded: foldText(member.name),
    phone: member.phone,
    joinedAt: member.joinedAt,
    lastVisitAt: member.stats.lastVisitAt,
    stamps: member.stats.balance,
    tier: tier?.name ?? null,
    tierRank: tier?.multiplier ?? 0,
    anonymised: member.anonymised,
  };
}

export function filterRows(rows: readonly MemberRow[], filter: MemberFilter): MemberRow[] {
  const text = foldText(filter.text.trim());
  const digits = /^[+\d\s()-]+$/.test(filter.text.trim()) ? filter.text.replace(/\D/g, '') : '';
  const min = filter.minStamps;
  const hasMin = min !== null && Number.isFinite(min);
  if (!text && !filter.tier && !hasMin) return [...rows];
  return rows.filter((r) => {
    if (text) {
      const byName = r.folded.includes(text);
      const byPhone = digits !== '' && (r.phone?.replace(/\D/g, '').includes(digits) ?? false);
      if (!byName && !byPhone) return false;
    }
    if (filter.tier === NO_TIER ? r.tier !== null : filter.tier && r.tier !== filter.tier)
      return false;
    if (hasMin && r.stamps < min) return false;
    return true;
  });
}

/** Folded names compare with `<`: an Intl.Collator is ten times slower on 100,000 rows. */
const byFolded = (a: MemberRow, b: MemberRow) =>
  a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0;

/** Missing values (never visited, no tier) sort last in both directions. */
export function sortRows(rows: readonly MemberRow[], sort: Sort): MemberRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: MemberRow, b: MemberRow) =>
    byFolded(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const numeric = (get: (r: MemberRow) => number | null) => (a: MemberRow, b: MemberRow) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  };
  const compare: Record<SortKey, (a: MemberRow, b: MemberRow) => number> = {
    name: (a, b) => sign * byName(a, b),
    joined: numeric((r) => r.joinedAt),
    lastVisit: numeric((r) => r.lastVisitAt),
    stamps: numeric((r) => r.stamps),
    tier: numeric((r) => (r.tier === null ? null : r.tierRank)),
  };
  const primary = compare[sort.key];
  // Ties keep a stable, readable order: by name, then id.
  return [...rows].sort(
    (a, b) => primary(a, b) || byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Clicking a column: the same column flips; a new one starts in its natural direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}
