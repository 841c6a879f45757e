/**
 * The counter's first-load budget (PRODUCT.md: ≤ 140 KB gzip of JavaScript before
 * the counter screen is usable). After setup, a fresh page loads the built app;
 * every script it fetched before the counter's `setia:counter-ready` mark is
 * gzipped from the dist folder, as the server sends it (bench/counter.bench.ts
 * reports the same figure). A failure names the scripts and their sizes.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { DIST, ROOT } from '../support/serve';
import { tabletPerTest } from './support/tablet';
import { setUpShop } from './support/shop';

const baseURL = inject('baseURL');
const newTablet = tabletPerTest();
const BUDGET = 140 * 1024;

describe('first-load budget', () => {
  it('the counter is usable after at most 140 KB of gzipped JavaScript', async () => {
    const tablet = await newTablet();
    await setUpShop(tablet.page, baseURL);

    const cold = await tablet.context.newPage();
    await cold.route('**/*', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }),
    );
    await cold.goto(baseURL);
    await cold.getByRole('searchbox', { name: 'Search members' }).waitFor();
    await cold.waitForFunction(
      () => performance.getEntriesByName('setia:counter-ready').length > 0,
    );
    const scripts = await cold.evaluate(() => {
      const ready = performance.getEntriesByName('setia:counter-ready')[0]!.startTime;
      const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
        .filter((e) => e.startTime <= ready)
        .map((e) => new URL(e.name).pathname);
      return [...new Set(fetched)];
    });
    // index.html's own scripts are needed before anything renders: counted whatever the page reports.
    const html = readFileSync(join(resolve(ROOT, DIST), 'index.html'), 'utf8');
    for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g))
      if (src && !scripts.includes(src)) scripts.push(src);
    for (const [, href] of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
      if (href && !scripts.includes(href)) scripts.push(href);
    const sizes = scripts.map((path) => ({
      path,
      gzip: gzipSync(readFileSync(join(resolve(ROOT, DIST), path))).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const listing = sizes
      .sort((a, b) => b.gzip - a.gzip)
      .map((s) => `${s.path} ${(s.gzip / 1024).toFixed(1)} KB`)
      .join(', ');
    console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzip, ${total} bytes (${listing})`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      total,
      `first-load JS ${(total / 1024).toFixed(1)} KB gzip: ${listing}`,
    ).toBeLessThanOrEqual(BUDGET);
  });
});
