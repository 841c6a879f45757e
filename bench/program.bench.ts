/**
 * The loyalty program's cost per stamp. (1) In Node: the pure rule evaluation a
 * stamp runs (the member's standing from their events, then earn() and the
 * cooldown) for members with short and long histories. (2) In Chromium: the
 * whole "Add stamp" transaction (setia:stamp) on a shop running a program
 * (promotion, tiers, birthday, cooldown) against the same shop without one.
 */
import type { Page } from 'playwright-core';
import type { LedgerEvent } from '../src/domain/ledger';
import { DEFAULT_RULES, type ProgramRules } from '../src/domain/stamp/rules';
import { planStamp } from '../src/domain/stamp/stamp';
import { memberStanding } from '../src/domain/stamp/standing';
import { launch } from '../tests/support/chromium';
import { enroll, setUpShop } from '../tests/e2e/support/shop';
import { measures } from './lib/page';
import type { Row } from './lib/report';
import { median, ms, p95 } from './lib/stats';
import type { BenchContext, Suite } from './lib/suite';

const RULES: ProgramRules = {
  ...DEFAULT_RULES,
  birthday: { stamps: 1, windowDays: 7 },
  promotions: [
    {
      id: 'leb',
      name: 'Lebaran',
      multiplier: 2,
      from: '2026-01-01',
      to: '2026-12-31',
      weekdays: [],
    },
    { id: 'fri', name: 'Friday', multiplier: 1.5, from: null, to: null, weekdays: [5] },
    { id: 'tet', name: 'Tết', multiplier: 2, from: '2027-02-01', to: '2027-02-10', weekdays: [] },
  ],
  tiers: [
    { id: 's', name: 'Silver', basis: 'visits', threshold: 10, multiplier: 1.5 },
    { id: 'g', name: 'Gold', basis: 'visits', threshold: 30, multiplier: 2 },
    { id: 'v', name: 'VIP', basis: 'rewards', threshold: 5, multiplier: 3 },
  ],
  cooldown: { enabled: true, maxStamps: 1000, minutes: 60 },
};

const NOW = Date.UTC(2026, 2, 20, 10);

function history(n: number): LedgerEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `E${i}`,
    memberId: 'M',
    type: i % 12 === 11 ? ('redeem' as const) : ('stamp' as const),
    stamps: i % 12 === 11 ? -10 : 1,
    // All within the last year: that is all the counter reads for the rules.
    at: NOW - Math.round(((n - i) * 365 * 86_400_000) / (n + 1)),
    deviceId: 'd',
    staffId: 'owner',
    seq: i + 1,
    lines: [{ rule: 'base', stamps: 1 }],
  }));
}

/** Per-stamp time of standing + plan, in ms: repeated so a sample is well above the timer's grain. */
function evaluate(events: LedgerEvent[], samples: number): number[] {
  const reps = Math.max(1, Math.floor(20_000 / Math.max(events.length, 1)));
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) {
      const standing = memberStanding(RULES, events, NOW);
      planStamp(RULES, { quantity: 1 }, standing, { date: '2026-03-20', weekday: 5 }, null, NOW);
    }
    out.push((performance.now() - t0) / reps);
  }
  return out;
}

async function stampTimes(page: Page, withProgram: boolean, taps: number): Promise<number[]> {
  if (withProgram)
    await page.evaluate(async (program) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const r = indexedDB.open('setia');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('settings', 'readwrite');
        const store = tx.objectStore('settings');
        const get = store.get('shop');
        get.onsuccess = () => store.put({ ...get.result, value: { ...get.result.value, program } });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, RULES);
  await page.reload();
  await enroll(page, { name: withProgram ? 'Program Member' : 'Plain Member' });
  const before = (await measures(page, 'setia:stamp')).length;
  const button = page.getByRole('button', { name: 'Add stamp' });
  for (let i = 0; i < taps; i++) {
    await button.click();
    await page.waitForFunction(
      (n) => performance.getEntriesByName('setia:stamp', 'measure').length > n,
      before + i,
    );
  }
  return (await measures(page, 'setia:stamp')).slice(before);
}

async function run({ baseURL }: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [20, 150, 1000]) {
    const samples = evaluate(history(n), 200);
    rows.push({
      what: `Rule evaluation per stamp, member with ${n} events in the last year (Node)`,
      measured: `median ${ms(median(samples), 3)}, p95 ${ms(p95(samples), 3)}`,
      bar: '≤ 1 ms p95',
      ok: p95(samples) <= 1,
      notes: 'standing (tier, club, birthday, cooldown) + earn(): 3 promotions, 3 tiers',
    });
  }
  const tablet = await launch();
  try {
    const { page } = tablet;
    await setUpShop(page, baseURL);
    const plain = await stampTimes(page, false, 60);
    // The cooldown is on (checked at every stamp) but high enough that every tap writes.
    const ruled = await stampTimes(page, true, 60);
    rows.push({
      what: '"Add stamp" transaction, plain shop (Chromium)',
      measured: `median ${ms(median(plain))}, p95 ${ms(p95(plain))}`,
      bar: 'none (reference)',
      ok: null,
      notes: `${plain.length} stamps`,
    });
    rows.push({
      what: '"Add stamp" transaction with the program (Chromium)',
      measured: `median ${ms(median(ruled))}, p95 ${ms(p95(ruled))}`,
      bar: '≤ 100 ms p95',
      ok: p95(ruled) <= 100,
      notes: `${ruled.length} stamps (the member's last year of events is read and the rules applied)`,
    });
  } finally {
    await tablet.dispose();
  }
  return rows;
}

export const suite: Suite = {
  title: 'Loyalty program: rules per stamp',
  method:
    'Node: memberStanding() + planStamp() over synthetic histories of the last year (20, 150, 1,000 events: the counter reads only the last year), 200 samples each, averaged over repeated runs per sample. Chromium (headless, the built app): User Timing measure setia:stamp (the Dexie transaction behind "Add stamp") on a plain shop, then with a program written into the shop settings.',
  run,
};
