/**
 * The members list's rows, loaded in pages so that the screen stays responsive
 * with 100,000 members (one read of everything blocks the main thread for about
 * a second while the rows are deserialised); the first page shows at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { membersPage, shopYearCounts, watchMemberCount } from '../../db/owner-actions';
import { memberRow, type MemberRow } from '../../domain/members-list';
import type { Tier } from '../../domain/stamp/rules';

const PAGE = 5000;
/** Members arriving in steps (sync pages) reload the list once they stop for this long. */
const SETTLE_MS = 400;
/** The first page is small, so the first rows show at once. */
const FIRST_PAGE = 200;

export interface MemberRows {
  rows: MemberRow[];
  /** Still reading more members. */
  loading: boolean;
  failed: boolean;
  reload: () => void;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useMemberRows(tiers: readonly Tier[]): MemberRows {
  const [rows, setRows] = useState<MemberRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  const tiersRef = useRef(tiers);
  tiersRef.current = tiers;

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      setLoading(true);
      setFailed(false);
      const now = Date.now();
      // Tiers count the last 12 months, as at the counter: one read of the year's events.
      const lastYear = tiersRef.current.length > 0 ? await shopYearCounts(now) : new Map();
      if (cancelled) return;
      const all: MemberRow[] = [];
      let last: string | null = null;
      for (;;) {
        const size = last === null ? FIRST_PAGE : PAGE;
        const page = await membersPage(last, size);
        if (cancelled) return;
        for (const m of page)
          if (!m.placeholder) all.push(memberRow(m, tiersRef.current, lastYear.get(m.id)));
        // The first load shows its first page at once, then bigger steps (each re-sorts);
        // a reload keeps showing the old rows until the new ones are all read.
        const step = last === null || all.length % (PAGE * 4) === FIRST_PAGE;
        if (page.length < size || (generation === 0 && step)) setRows([...all]);
        if (page.length < size) break;
        last = page[page.length - 1]!.id;
        await nextFrame(); // let typing and scrolling in between pages
      }
      setLoading(false);
    };
    load().catch(() => {
      if (!cancelled) {
        setFailed(true);
        setLoading(false);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [generation]);

  // Members added or removed elsewhere (an import in the CSV worker, the counter in another tab,
  // sync) reload the list: it read the members once and would keep its old count.
  useEffect(() => {
    let seen: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watchMemberCount((count) => {
      if (seen !== null) {
        clearTimeout(timer);
        timer = setTimeout(() => setGeneration((g) => g + 1), SETTLE_MS);
      }
      seen = count;
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { rows, loading, failed, reload };
}
