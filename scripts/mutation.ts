/**
 * `npm run mutation [-- stryker options]`: runs Stryker (stryker.config.mjs) and
 * records its scores in BENCHMARKS.md, per area with its bar, with the run's
 * duration and machine. Areas Stryker did not mutate this run (e.g. with
 * `--mutate` narrowed to some folders) are left out of the figures, and said so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadSuite, machine, saveSuite, type Row } from '../bench/lib/report';

const REPORT = 'reports/mutation/mutation.json';
const AREAS = [
  { name: 'src/domain', prefix: 'src/domain/', bar: 85 },
  { name: 'src/shared', prefix: 'src/shared/', bar: 85 },
  { name: 'the server (store and routes)', prefix: 'src/server/', bar: 75 },
];

interface Mutant {
  status: string;
}

// `--report-only --minutes=N --ran="…"`: record a report Stryker already wrote (a run started by hand).
const flag = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const reportOnly = process.argv.includes('--report-only');
const strykerArgs = process.argv
  .slice(2)
  .filter(
    (a) =>
      !a.startsWith('--report-only') &&
      !a.startsWith('--minutes=') &&
      !a.startsWith('--ran=') &&
      !a.startsWith('--note='),
  );
let started = Date.now();
let minutes: number;
if (reportOnly) {
  minutes = Number(flag('minutes'));
  started = flag('ran') ? Date.parse(flag('ran')!) : started;
} else {
  const run = spawnSync('npx', ['stryker', 'run', ...strykerArgs], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: '' },
  });
  minutes = (Date.now() - started) / 60_000;
  if (run.status !== 0) {
    console.error('Stryker did not finish: nothing recorded.');
    process.exit(run.status ?? 1);
  }
}
if (!existsSync(REPORT)) {
  console.error(`No ${REPORT}: nothing recorded.`);
  process.exit(1);
}

const files = (
  JSON.parse(readFileSync(REPORT, 'utf8')) as { files: Record<string, { mutants: Mutant[] }> }
).files;
const previous = loadSuite('mutation');
function previousRow(area: string): Row | undefined {
  return previous?.rows.find((r) => r.what === `mutation score, ${area}`);
}
const ranAtOf = (row: Row) => /run of ([^;)]+)/.exec(row.notes ?? '')?.[1];
const withDate = (notes: string | undefined, ranAt: string | undefined) => {
  const counts = (notes ?? '').replace(/; run of [^;)]+/, '');
  return `${counts}; run of ${ranAt ?? 'an earlier date'}`;
};
const rows: Row[] = [];
for (const area of AREAS) {
  const counts: Record<string, number> = {};
  for (const [path, file] of Object.entries(files))
    if (path.replace(/\\/g, '/').includes(area.prefix))
      for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const killed = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const missed = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  if (killed + missed === 0) {
    // Not mutated this run: keep the area's last measured figure, dated, rather than lose it.
    const last = previousRow(area.name);
    rows.push(
      last && !last.measured.startsWith('not mutated')
        ? { ...last, notes: withDate(last.notes, ranAtOf(last) ?? previous?.ranAt) }
        : {
            what: `mutation score, ${area.name}`,
            measured: 'not mutated yet',
            bar: `≥ ${area.bar} %`,
            ok: null,
          },
    );
    continue;
  }
  const score = (100 * killed) / (killed + missed);
  rows.push({
    what: `mutation score, ${area.name}`,
    measured: `${score.toFixed(1)} %`,
    bar: `≥ ${area.bar} %`,
    ok: score >= area.bar,
    notes: `${killed} killed (timeouts included), ${counts.Survived ?? 0} survived, ${counts.NoCoverage ?? 0} not covered`,
  });
}
rows.push({
  what: 'the run (the areas mutated above)',
  measured: `${minutes.toFixed(0)} min`,
  bar: 'none (kept out of npm test)',
  ok: null,
});
saveSuite({
  suite: 'mutation',
  title: 'Mutation testing (Stryker)',
  command: `npm run mutation${strykerArgs.length > 0 ? ` -- ${strykerArgs.join(' ')}` : ''}`,
  ranAt: new Date(started).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: machine(),
  method:
    "Stryker (stryker.config.mjs) changes src/domain, src/shared and the server's store and routes one small way at a time and runs the unit tests that cover each change (vitest runner, per-test coverage; the server's tests on SQLite). Score = killed (or timed out) ÷ (killed + survived + not covered). HTML report: reports/mutation/index.html." +
    (flag('note') ? ` ${flag('note')}` : ''),
  rows,
});
