/**
 * Benchmark results: each suite's rows are kept in bench/results.json and
 * BENCHMARKS.md is regenerated from all of them, so running one suite keeps
 * the others' last figures (each with the machine and date it ran on).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../tests/support/serve';
import { CHROMIUM_PATH } from '../../tests/support/chromium';

export interface Row {
  what: string;
  measured: string;
  bar: string;
  /** true = meets the bar, false = misses it, null = no bar (informative). */
  ok: boolean | null;
  notes?: string;
}

export interface SuiteResult {
  suite: string;
  title: string;
  command: string;
  ranAt: string;
  machine: string;
  method: string;
  rows: Row[];
}

const RESULTS = join(ROOT, 'bench', 'results.json');
const REPORT = join(ROOT, 'BENCHMARKS.md');

export function machine(): string {
  let chromium = 'not found';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    /* reported as not found */
  }
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${chromium}`;
}

/** A suite's last recorded result, if any. */
export function loadSuite(suite: string): SuiteResult | undefined {
  if (!existsSync(RESULTS)) return undefined;
  return (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, SuiteResult>)[suite];
}

export function saveSuite(result: SuiteResult): void {
  const all: Record<string, SuiteResult> = existsSync(RESULTS)
    ? JSON.parse(readFileSync(RESULTS, 'utf8'))
    : {};
  all[result.suite] = result;
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(REPORT, render(all));
}

const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? '✅ meets' : '❌ misses');

function render(all: Record<string, SuiteResult>): string {
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (all suites) or `npm run bench -- <suite>`; each section names the exact command, the machine and the date of its run. Figures are measured, not copied: a ❌ is a bar this build misses.',
    '',
  ];
  for (const r of Object.values(all)) {
    lines.push(
      `## ${r.title}`,
      '',
      `- Command: \`${r.command}\``,
      `- Ran: ${r.ranAt} on ${r.machine}`,
      `- Method: ${r.method}`,
      '',
    );
    lines.push('| what | measured | bar | |', '|---|---|---|---|');
    for (const row of r.rows)
      lines.push(
        `| ${row.what}${row.notes ? ` (${row.notes})` : ''} | ${row.measured} | ${row.bar} | ${mark(row.ok)} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
