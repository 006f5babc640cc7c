// Lists the mutants the last `npm run mutate` left alive (reports/mutation/mutation.json), by file and
// line: `node scripts/survivors.mjs [path-part]`, e.g. `node scripts/survivors.mjs due.ts`.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.env.REPORT ?? 'reports/mutation/mutation.json', 'utf8'));
const only = process.argv[2] ?? '';
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  if (!file.includes(only)) continue;
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const { line, column } = m.location.start;
    const replacement = m.replacement ?? '';
    console.log(`${file}:${line}:${column} ${m.status} ${m.mutatorName}: ${replacement.replace(/\s+/g, ' ').slice(0, 80)}`);
    console.log(`    ${lines[line - 1]?.trim().slice(0, 140)}`);
  }
}
