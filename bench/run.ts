/**
 * `npm run bench [-- suite…]`: builds the app, serves it on loopback, runs the
 * suites in headless Chromium and records the figures in BENCHMARKS.md.
 */
import { buildApp, serveApp } from '../tests/support/serve';
import { requireChromium } from '../tests/support/chromium';
import { saveSuite, machine } from './lib/report';
import type { Suite } from './lib/suite';

const SUITES: Record<string, () => Promise<{ suite: Suite }>> = {
  counter: () => import('./counter.bench'),
  insights: () => import('./insights.bench'),
  members: () => import('./members.bench'),
  join: () => import('./join.bench'),
  csv: () => import('./csv.bench'),
  pwa: () => import('./pwa.bench'),
  program: () => import('./program.bench'),
  scanner: () => import('./scanner.bench'),
  server: () => import('./server.bench'),
  sync: () => import('./sync.bench'),
  lowend: () => import('./lowend.bench'),
  segments: () => import('./segments.bench'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
for (const name of names) {
  if (!SUITES[name]) {
    console.error(`Unknown suite "${name}". Suites: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
}

requireChromium();
const distDir = buildApp();
const served = await serveApp(distDir);
const host = machine();
let failed = false;
try {
  for (const name of names) {
    const { suite } = await SUITES[name]!();
    console.log(`\n▶ ${suite.title}`);
    const started = Date.now();
    const rows = await suite.run({ baseURL: served.baseURL, distDir });
    for (const row of rows)
      console.log(
        `  ${row.ok === false ? '✗' : row.ok ? '✓' : '·'} ${row.what}: ${row.measured} (bar ${row.bar})`,
      );
    saveSuite({
      suite: name,
      title: suite.title,
      command: `npm run bench -- ${name}`,
      ranAt: new Date(started).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      machine: host,
      method: suite.method,
      rows,
    });
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await served.close();
}
process.exit(failed ? 1 : 0);
