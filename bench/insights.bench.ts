/**
 * Owner → Insights over a big shop: 100,000 members, 1,000,000 events held in
 * packs (as a tablet that joined the shop holds them). Figures: time from
 * opening Insights to the first chart, the worker's pass over the ledger, and
 * the longest main-thread task meanwhile (the screen must stay responsive).
 */
import type { Page } from 'playwright-core';
import { launch } from '../tests/support/chromium';
import { OWNER_PIN, setUpShop } from '../tests/e2e/support/shop';
import { ms } from './lib/stats';
import { seedBigShop } from './lib/page';
import type { Row } from './lib/report';
import type { BenchContext, Suite } from './lib/suite';
import { generateShop, STAMPS_PER_CARD } from './seed';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);

async function seed(page: Page, baseURL: string): Promise<number> {
  const shop = generateShop(MEMBERS, EVENTS, Date.now());
  await seedBigShop(page, baseURL, shop);
  return shop.eventCount;
}

interface Opened {
  firstChart: number;
  computed: number;
  longestTask: number;
  longTasks: number;
  progressShown: boolean;
  taskTimes: string;
  /** The worker's time by step (reading rows, packs, members; finishing). */
  split: string;
}

/** Clicks a control in the page and times until the next chart is drawn, watching long tasks. */
async function timeToChart(page: Page, click: string): Promise<Opened> {
  const before = await page.evaluate(
    () => performance.getEntriesByName('setia:insights-chart').length,
  );
  await page.evaluate((label) => {
    const w = window as unknown as {
      __observer?: PerformanceObserver;
      __bench: { t0: number; tasks: [number, number][]; progress: boolean };
    };
    w.__bench = { t0: 0, tasks: [], progress: false };
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__bench.tasks.push([e.duration, e.startTime - w.__bench.t0]);
    });
    w.__observer.observe({ type: 'longtask' });
    const progress = new MutationObserver(() => {
      if (!document.querySelector('progress')) return;
      w.__bench.progress = true;
      progress.disconnect();
    });
    progress.observe(document.body, { childList: true, subtree: true });
    const target = [...document.querySelectorAll<HTMLElement>('a, input[type="radio"]')].find(
      (el) => el.textContent === label || el.parentElement?.textContent === label,
    )!;
    w.__bench.t0 = performance.now();
    target.click();
  }, click);
  await page
    .waitForFunction(
      (n) => performance.getEntriesByName('setia:insights-chart').length > n,
      before,
      { timeout: Number(process.env.BENCH_CHART_TIMEOUT ?? 300_000), polling: 100 },
    )
    .catch(async (e) => {
      const shown = await page.evaluate(
        () => `${location.pathname}: ${document.querySelector('main')?.innerText.slice(0, 400)}`,
      );
      throw new Error(`No chart after clicking "${click}"; the screen shows: ${shown}`, {
        cause: e,
      });
    });
  // Let a trailing task (the second chart, layout) land in the observer too.
  await page.waitForTimeout(500);
  return page.evaluate((n) => {
    const w = window as unknown as {
      __bench: { t0: number; tasks: [number, number][]; progress: boolean };
    };
    const chart = performance.getEntriesByName('setia:insights-chart')[n]!.startTime;
    const measure = performance.getEntriesByName('setia:insights', 'measure').at(-1)!;
    const computed = measure.duration;
    const split = JSON.stringify((measure as PerformanceMeasure).detail);
    return {
      firstChart: chart - w.__bench.t0,
      computed,
      longestTask: Math.max(0, ...w.__bench.tasks.map(([d]) => d)),
      // When the long tasks started, in ms after the click (to tell reading from drawing).
      taskTimes: w.__bench.tasks
        .map(([d, at]) => `${Math.round(d)} ms at ${Math.round(at)}`)
        .join(', '),
      longTasks: w.__bench.tasks.length,
      progressShown: w.__bench.progress,
      split,
    };
  }, before);
}

async function run({ baseURL }: BenchContext): Promise<Row[]> {
  const tablet = await launch();
  try {
    const { page } = tablet;
    await setUpShop(page, baseURL, { stampsPerCard: STAMPS_PER_CARD });
    const t = Date.now();
    const events = await seed(page, baseURL);
    const seedSeconds = (Date.now() - t) / 1000;

    await page.reload();
    await page.getByRole('button', { name: 'Owner' }).click();
    await page.getByLabel('Owner PIN').fill(OWNER_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Owner sections' }).waitFor();

    const opened = await timeToChart(page, 'Insights');
    const shown = await page.getByText(/^From [\d,]+ records on this tablet/).innerText();
    const counted = Number(/From ([\d,]+) records/.exec(shown)![1]!.replace(/,/g, ''));
    const again = await timeToChart(page, 'Last 90 days');
    await page.getByRole('link', { name: 'Shop' }).click();
    await page.getByRole('heading', { name: 'Member cards' }).waitFor();
    const cached = await timeToChart(page, 'Insights');

    const bar = 100;
    return [
      {
        what: `open Insights → first chart, ${events.toLocaleString('en')} events, last 30 days, first time`,
        measured: ms(opened.firstChart, 0),
        bar: 'none (the screen must stay responsive meanwhile)',
        ok: null,
        notes: `the worker's pass over the ledger took ${ms(opened.computed, 0)} (ms by step: ${opened.split}); progress bar shown: ${opened.progressShown ? 'yes' : 'no'}; ${counted.toLocaleString('en')} events counted`,
      },
      {
        what: 'longest main-thread task while Insights opened',
        measured: ms(opened.longestTask, 0),
        bar: `≤ ${bar} ms (as for CSV export)`,
        ok: opened.longestTask <= bar,
        notes: `${opened.longTasks} tasks over 50 ms${opened.longTasks ? `: ${opened.taskTimes} after the click` : ''}`,
      },
      {
        what: 'open Insights again → first chart (packed history cached as columns)',
        measured: ms(cached.firstChart, 0),
        bar: 'none',
        ok: null,
        notes: `worker ${ms(cached.computed, 0)} (ms by step: ${cached.split}); longest main-thread task ${ms(cached.longestTask, 0)}${cached.taskTimes ? ` (${cached.taskTimes} after the click)` : ''}`,
      },
      {
        what: 'switch to the last 90 days → chart redrawn',
        measured: ms(again.firstChart, 0),
        bar: 'none',
        ok: null,
        notes: `worker ${ms(again.computed, 0)} (ms by step: ${again.split}); longest main-thread task ${ms(again.longestTask, 0)}${again.taskTimes ? ` (${again.taskTimes} after the click)` : ''}`,
      },
      {
        what: `seeding: ${MEMBERS.toLocaleString('en')} members and ${events.toLocaleString('en')} events in packs`,
        measured: `${seedSeconds.toFixed(1)} s`,
        bar: 'none',
        ok: null,
      },
    ];
  } finally {
    await tablet.dispose();
  }
}

export const suite: Suite = {
  title: 'Insights: 100,000 members, 1,000,000 events',
  method:
    'Setup through the UI, then the shop is seeded through the bulk path a joining tablet uses (member rows with folded stats, the 1,000,000 events in packs of 1,000 per row). In the owner area, the "Insights" link is clicked from inside the page; "first chart" is the time from that click to the app\'s User Timing mark setia:insights-chart (uPlot has drawn the first chart, after the Web Worker has read every event). The first opening reads the 1,000 packs and caches them as columns; switching to 90 days and opening Insights again read that cache. Long tasks are collected with a PerformanceObserver (longtask) from the click until 0.5 s after the chart. The worker\'s own time is the app\'s measure setia:insights.',
  run,
};
