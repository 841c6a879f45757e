/**
 * The installable app: Lighthouse (mobile) scores on the built app, and the
 * offline reload to a usable counter, served by the service worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launch } from '../tests/support/chromium';
import { enroll, setUpShop } from '../tests/e2e/support/shop';
import type { Row } from './lib/report';
import { median, ms, p95 } from './lib/stats';
import type { BenchContext, Suite } from './lib/suite';

const RELOADS = Number(process.env.BENCH_RELOADS ?? 15);

interface Scores {
  performance: number;
  accessibility: number;
  'best-practices': number;
}

async function runLighthouse(url: string, userDataDir: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    userDataDir,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      // Keep the profile's shop: the counter, not the first-run screen, is what a cashier loads.
      disableStorageReset: true,
    });
    const categories = result?.lhr.categories ?? {};
    if (process.env.BENCH_DEBUG && result) {
      const { lhr } = result;
      console.log(url, lhr.runtimeError, lhr.runWarnings);
      for (const [id, a] of Object.entries(lhr.audits))
        if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
          console.log(
            '  ',
            id,
            a.score,
            a.displayValue ?? '',
            id === 'inspector-issues' ? JSON.stringify(a.details).slice(0, 600) : '',
          );
    }
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
    };
  } finally {
    await chrome.kill();
  }
}

async function run({ baseURL }: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  // A profile with a set-up shop, for the counter runs.
  const profile = mkdtempSync(join(tmpdir(), 'setia-lh-'));
  const tablet = await launch({ userDataDir: profile });
  const reloads: number[] = [];
  try {
    const { page, context } = tablet;
    await setUpShop(page, baseURL);
    await enroll(page, { name: 'Siti Rahma', phone: '0812 3456 789' });
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await context.setOffline(true);
    for (let i = 0; i < RELOADS; i++) {
      await page.reload();
      await page.getByRole('searchbox', { name: 'Search members' }).waitFor();
      reloads.push(
        await page.evaluate(
          () => performance.getEntriesByName('setia:counter-ready')[0]?.startTime ?? NaN,
        ),
      );
    }
    await context.setOffline(false);
  } finally {
    await tablet.close();
  }
  rows.push({
    what: 'offline reload → usable counter (service worker), p95',
    measured: ms(p95(reloads), 0),
    bar: '≤ 500 ms',
    ok: p95(reloads) <= 500,
    notes: `median ${ms(median(reloads), 0)}, ${reloads.length} reloads`,
  });

  const bars: Record<keyof Scores, number> = {
    performance: 95,
    accessibility: 100,
    'best-practices': 100,
  };
  for (const [label, url, dir] of [
    ['counter', baseURL, profile],
    ['first-run setup', baseURL, mkdtempSync(join(tmpdir(), 'setia-lh-'))],
  ] as const) {
    const scores = await runLighthouse(url, dir);
    for (const key of Object.keys(bars) as (keyof Scores)[])
      rows.push({
        what: `Lighthouse mobile ${key}, ${label}`,
        measured: String(scores[key]),
        bar: `≥ ${bars[key]}`,
        ok: scores[key] >= bars[key],
      });
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export const suite: Suite = {
  title: 'Installable app: Lighthouse and offline reload',
  method:
    "Lighthouse 12 (node API, default mobile emulation and throttling) driving /usr/bin/chromium through chrome-launcher, on the built app served by the project's server with compression; the counter run uses a profile where a shop was set up (storage reset disabled), the setup run a fresh profile. Offline reload: a tablet with the service worker in control goes offline (Playwright setOffline) and reloads; the figure is the app's own setia:counter-ready mark (ms after navigation start).",
  run,
};
