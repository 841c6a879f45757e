/**
 * `npx tsx scripts/mutation-survivors.ts [report.json …]`: writes docs/mutation-survivors.md,
 * the mutants no test noticed, by file, each file with its triage note from
 * docs/mutation-notes.json (why what is left there is equivalent or left). Several reports
 * (partial runs) merge; a later report's file replaces an earlier one's.
 * Default report: reports/mutation/mutation.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const reports = process.argv.slice(2);
if (reports.length === 0) reports.push('reports/mutation/mutation.json');
const files: Report['files'] = {};
for (const path of reports) {
  if (!existsSync(path)) {
    console.error(`No ${path}.`);
    process.exit(1);
  }
  for (const [file, entry] of Object.entries(
    (JSON.parse(readFileSync(path, 'utf8')) as Report).files,
  ))
    files[file.replace(/\\/g, '/').replace(/^.*?(?=src\/)/, '')] = entry;
}
const NOTES = 'docs/mutation-notes.json';
const notes: Record<string, string> = existsSync(NOTES)
  ? (JSON.parse(readFileSync(NOTES, 'utf8')) as Record<string, string>)
  : {};

const missed = (m: Mutant) => m.status === 'Survived' || m.status === 'NoCoverage';
const lines = [
  '# Mutants no test noticed',
  '',
  `Written by \`npx tsx scripts/mutation-survivors.ts\` from the runs recorded in BENCHMARKS.md ("Mutation testing"). Each file starts with its triage (docs/mutation-notes.json): why what is left there is equivalent — a change no behaviour can tell apart — or why it is left. Then each mutant: line, survived or not covered, what Stryker changed and the source line.`,
  '',
];
let total = 0;
for (const file of Object.keys(files).sort()) {
  const { source, mutants } = files[file]!;
  const left = mutants.filter(missed).sort((a, b) => a.location.start.line - b.location.start.line);
  if (left.length === 0) continue;
  total += left.length;
  const src = source.split('\n');
  lines.push(`## ${file} (${left.length})`, '');
  lines.push(notes[file] ?? '_Not triaged yet._', '');
  for (const m of left) {
    const line = m.location.start.line;
    const code = (src[line - 1] ?? '').trim().slice(0, 80).replace(/`/g, "'");
    const to = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 50).replace(/`/g, "'");
    lines.push(
      `- ${line}, ${m.status === 'Survived' ? 'survived' : 'not covered'}: ${m.mutatorName} → \`${to}\` in \`${code}\``,
    );
  }
  lines.push('');
}
writeFileSync('docs/mutation-survivors.md', lines.join('\n'));
const untriaged = Object.keys(files).filter(
  (f) => files[f]!.mutants.some(missed) && notes[f] === undefined,
);
console.log(
  `${total} mutants listed; files without a triage note: ${untriaged.join(', ') || 'none'}`,
);
